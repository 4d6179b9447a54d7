/**
 * Finds drug names in text. One left-to-right pass over the words; at each
 * word the name trie is followed for at most the length of the longest name,
 * and the longest name that fits wins (leftmost-longest, no overlaps). Words
 * are read from the text folded by `text-normalize.ts` (invisible characters,
 * accents and fullwidth forms), but offsets are UTF-16 indices into the
 * original text, so they can be used directly on DOM text nodes.
 */
import { NOT_A_NAME, WORD_PATTERN, type NameIndex, type NameTarget, type TrieNode } from './name-index';
import { findMisspelling } from './misspelling-index';
import { normalizeForMatching } from './text-normalize';

export type Match = {
  /** UTF-16 offset in the original text of the name's first character. */
  start: number;
  /** After the name's last character, with any invisible characters and marks inside it. */
  end: number;
  /** The name as written on the page. */
  text: string;
  drug: string;
  /** The name needs a medical context: the caller decides (`medical-context.ts`). */
  needsContext?: true;
  /** A probable misspelling of this name of the record ("Did you mean metformin?"). */
  misspellingOf?: string;
};

/**
 * What may stand between the words of a multi-word name: spaces, hyphens or
 * dashes, a slash, an apostrophe. "insulin glargine", "Toprol-XL".
 */
const NAME_GAP = /^[\s\-\u2010-\u2015/'\u2019]{1,3}$/;

/** A whitespace-delimited chunk that is a URL, a path, a file name, an e-mail or a query string. */
const URL_LIKE = [
  /^[a-z][a-z0-9+.-]*:\/\//i, // scheme://
  /^www\./i,
  /^[\w-]+(\.[\w-]+)+\/\S/, // example.com/path
  /^\.{0,2}\/[\w.-]/, // /path, ./path, ../path
  /\S@\S+\.\S/, // e-mail
  /[?&][\w.-]+=/, // query string
  /\w\.(html?|php|aspx?|jsp|pdf|jpe?g|png|gif|svg|docx?|txt|json|js|css)$/i, // file name
];
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"\u2019\u201d>]+$/;
const LEADING_PUNCTUATION = /^[([{'"\u2018\u201c<]+/;

function isUrlLike(chunk: string): boolean {
  const core = chunk.replace(TRAILING_PUNCTUATION, '').replace(LEADING_PUNCTUATION, '');
  return URL_LIKE.some((pattern) => pattern.test(core));
}

function isSpace(code: number): boolean {
  // Same set as /\s/ for the characters that occur in practice; fast path for ASCII.
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

type Word = { start: number; end: number; text: string };

function accepts(target: NameTarget, words: Word[], from: number, count: number): boolean {
  if (!target.exactTokens) return true;
  for (let i = 0; i < count; i++) {
    if (words[from + i].text !== target.exactTokens[i]) return false;
  }
  return true;
}

/**
 * Returns the matches in `original`, in order. The work is linear in the text:
 * folding is one pass (none for plain text), each word is read once by the
 * tokenizer, the trie walk from a word is bounded by the longest name, and each
 * whitespace chunk is tested for URL shape at most once.
 */
export function findMatches(index: NameIndex, original: string): Match[] {
  const matches: Match[] = [];
  if (!original || index.size === 0) return matches;
  const normalized = normalizeForMatching(original);
  const text = normalized.text;

  const words: Word[] = [];
  for (const m of text.matchAll(WORD_PATTERN)) {
    words.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }

  // Cache of the whitespace chunk around the last match, so a run of matches in
  // one long chunk ("a/b/c/...") is tested once.
  let chunkStart = -1;
  let chunkEnd = -1;
  let chunkIsUrl = false;

  let i = 0;
  while (i < words.length) {
    const first = words[i];
    const firstLength = first.end - first.start;
    let node: TrieNode | undefined =
      firstLength < index.minFirstLength || firstLength > index.maxFirstLength
        ? undefined
        : index.root.children.get(first.text.toLowerCase());
    let best: { count: number; drug: string; context?: 'medical'; misspellingOf?: string } | undefined;
    let count = 1;
    while (node) {
      for (const target of node.targets) {
        if (accepts(target, words, i, count)) {
          best = { count, drug: target.drug, context: target.context };
          break;
        }
      }
      const nextWord = words[i + count];
      if (!nextWord || node.children.size === 0) break;
      if (!NAME_GAP.test(text.slice(words[i + count - 1].end, nextWord.start))) break;
      node = node.children.get(nextWord.text.toLowerCase());
      count++;
    }
    if (!best && index.misspellings) {
      const guess = findMisspelling(index.misspellings(), first.text);
      if (guess) best = { count: 1, drug: guess.drug, misspellingOf: guess.name };
    }
    if (!best) {
      i++;
      continue;
    }
    if (best.drug === NOT_A_NAME) {
      // "ethinyl estradiol": read whole, so its "estradiol" is not a match.
      i += best.count;
      continue;
    }
    const start = first.start;
    const end = words[i + best.count - 1].end;
    if (start >= chunkEnd) {
      chunkStart = start;
      while (chunkStart > 0 && !isSpace(text.charCodeAt(chunkStart - 1))) chunkStart--;
      chunkEnd = end;
      while (chunkEnd < text.length && !isSpace(text.charCodeAt(chunkEnd))) chunkEnd++;
      chunkIsUrl = isUrlLike(text.slice(chunkStart, chunkEnd));
    }
    if (!chunkIsUrl) {
      const from = normalized.toOriginalStart(start);
      const to = normalized.toOriginalEnd(end);
      const match: Match = { start: from, end: to, text: original.slice(from, to), drug: best.drug };
      if (best.context) match.needsContext = true;
      if (best.misspellingOf) match.misspellingOf = best.misspellingOf;
      matches.push(match);
    }
    i += best.count;
  }
  return matches;
}
