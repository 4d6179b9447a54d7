/**
 * Probable misspellings of drug names ("amoxicilin", "metphormin"): a word
 * that is one edit away from exactly one record's name (a missing, extra or
 * changed letter, or two neighbours swapped), or that differs from it only by
 * "ph" written for "f" or the other way round.
 *
 * The one-edit lookup is a deletion neighbourhood (symmetric delete): every
 * name is stored under itself and under each way of deleting one of its
 * letters, and a word is looked up the same way. Two strings one edit apart
 * always share one of these keys, so a word costs (length + 1) hash lookups
 * whatever the number of names: linear in the text. The keys are rolling
 * hashes, so a lookup builds no strings; every candidate is checked with the
 * real distance (a shared key can also mean two edits, or a hash collision).
 *
 * Precision comes first, because a wrong highlight puts a medicine's risks on
 * an ordinary word:
 * - names and words of at least `MIN_LETTERS` letters, letters only;
 * - the first letter must agree (people rarely get it wrong; words that differ
 *   there are usually other words);
 * - only names marked guessable: not brands, which are coined to sound like
 *   words (see `name-entries.ts`), not `exact-case` or `context` names, not
 *   multi-word names;
 * - a word with an English ending the name lacks ("morphing") is a word;
 * - a word close to two records is left alone;
 * - English words near a name are listed in `data/misspelling-exclusions.json`,
 *   built from the dictionary, and skipped.
 */
import type { NameEntry } from './name-index';

export const MIN_LETTERS = 6;

/** One name that may be misspelled, and the record it belongs to. */
type Candidate = { lower: string; name: string; drug: string };

export type MisspellingIndex = {
  /** Hash of a name (lower case) or of one of its deletions → candidates (indices into `candidates`). */
  keys: Map<number, number[]>;
  /** A name with "ph" read as "f" → candidates, for the "ph"/"f" spellings. */
  folded: Map<string, number[]>;
  candidates: Candidate[];
  /** Lower-case words never taken for misspellings. */
  excluded: ReadonlySet<string>;
  /** Longest name: longer words cannot be one edit from a name. */
  maxLength: number;
  /** Powers of the hash base, up to `maxLength + 2`. */
  powers: Int32Array;
};

export type Misspelling = { drug: string; /** The name the word is close to, as the record writes it. */ name: string };

/** "ph" read as "f", on a lower-case word. */
export function foldSpelling(lower: string): string {
  return lower.replace(/ph/g, 'f');
}

/**
 * Endings of English words that drug names lack: "morphing" is one letter
 * from morphine, but it is a word, and "warfarins" is a plural, not a
 * misspelling. Only where the name does not end the same.
 */
const ENGLISH_ENDINGS = ['s', 'ing', 'ed', 'ly', 'ness', 'ful', 'less', 'able'];

function hasEnglishEnding(word: string, name: string): boolean {
  return ENGLISH_ENDINGS.some((ending) => word.endsWith(ending) && !name.endsWith(ending));
}

const HASH_BASE = 0x01000193;

/** Reused by every lookup (the matcher is synchronous), so a word allocates no arrays. */
let scratch = { prefix: new Int32Array(64), suffix: new Int32Array(64) };

/** Whether `code` is a letter: ASCII fast path, then the Unicode property. */
function isLetter(code: number, char: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /\p{L}/u.test(char);
}

/**
 * The hashes of a word and of every way of deleting one of its letters
 * after the first, without building those strings: a word costs no more than
 * its length. Deleting the first letter is never needed, because a guess must
 * keep the first letter (and a doubled first letter deletes the same at 1).
 * Calls `visit` with each distinct hash; stops early when it returns false.
 */
function visitKeys(codes: ArrayLike<number>, length: number, powers: Int32Array, visit: (hash: number) => boolean): boolean {
  // prefix[i]: hash of codes[0..i); suffix[j]: hash of codes[j..length) with the last code at weight 1.
  if (scratch.prefix.length <= length) scratch = { prefix: new Int32Array(length * 2 + 1), suffix: new Int32Array(length * 2 + 1) };
  const { prefix, suffix } = scratch;
  suffix[length] = 0;
  for (let i = 0; i < length; i++) prefix[i + 1] = (Math.imul(prefix[i], HASH_BASE) + codes[i]) | 0;
  for (let j = length - 1; j >= 0; j--) suffix[j] = (Math.imul(codes[j], powers[length - 1 - j]) + suffix[j + 1]) | 0;
  if (!visit(prefix[length])) return false;
  for (let i = 1; i < length; i++) {
    if (codes[i] === codes[i - 1]) continue; // same deletion as at i - 1
    if (!visit((Math.imul(prefix[i], powers[length - 1 - i]) + suffix[i + 1]) | 0)) return false;
  }
  return true;
}

function powersUpTo(n: number): Int32Array {
  const powers = new Int32Array(n + 1);
  powers[0] = 1;
  for (let i = 1; i <= n; i++) powers[i] = Math.imul(powers[i - 1], HASH_BASE);
  return powers;
}

/**
 * True when `a` and `b` are at most one edit apart (insertion, deletion,
 * substitution, or transposition of neighbours). Linear time.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // One substitution, or one swap of neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One insertion into the shorter.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Letters only, of at least MIN_LETTERS: the shape of a name or word we guess at. */
function isPlainWord(word: string): boolean {
  if (word.length < MIN_LETTERS) return false;
  for (let i = 0; i < word.length; i++) if (!isLetter(word.charCodeAt(i), word[i])) return false;
  return true;
}

/** The names that may be guessed at: see the module comment. */
function isGuessable(entry: NameEntry): boolean {
  return (entry.match ?? 'any-case') === 'any-case' && !entry.context && entry.guess !== false && isPlainWord(entry.name);
}

function codesOf(word: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i < word.length; i++) codes.push(word.charCodeAt(i));
  return codes;
}

function add<K>(map: Map<K, number[]>, key: K, index: number) {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

export function compileMisspellingIndex(entries: readonly NameEntry[], excluded: Iterable<string>): MisspellingIndex {
  const keys = new Map<number, number[]>();
  const folded = new Map<string, number[]>();
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const guessable = entries.filter(isGuessable);
  const maxLength = guessable.reduce((max, e) => Math.max(max, e.name.length), 0);
  const powers = powersUpTo(maxLength + 2);
  for (const entry of guessable) {
    const lower = entry.name.toLowerCase();
    const id = `${entry.drug}\n${lower}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const index = candidates.push({ lower, name: entry.name, drug: entry.drug }) - 1;
    visitKeys(codesOf(lower), lower.length, powers, (hash) => {
      add(keys, hash, index);
      return true;
    });
    add(folded, foldSpelling(lower), index);
  }
  return { keys, folded, candidates, excluded: new Set([...excluded].map((w) => w.toLowerCase())), maxLength, powers };
}

/**
 * The record `word` is probably a misspelling of, or undefined. Call it only
 * for words that are not names themselves (the matcher tries names first).
 */
export function findMisspelling(index: MisspellingIndex, word: string): Misspelling | undefined {
  if (!isPlainWord(word)) return undefined;
  const lower = word.toLowerCase();
  if (index.excluded.has(lower)) return undefined;
  let found: Candidate | undefined;
  /** Takes `list`'s candidates that pass `near`; false when two medicines are near. */
  const take = (list: number[] | undefined, near: (candidate: Candidate) => boolean): boolean => {
    for (const i of list ?? []) {
      const candidate = index.candidates[i];
      if (candidate === found || candidate.lower.charCodeAt(0) !== lower.charCodeAt(0) || !near(candidate)) continue;
      if (hasEnglishEnding(lower, candidate.lower)) continue;
      if (found && found.drug !== candidate.drug) return false; // close to two medicines: not a guess we can make
      found ??= candidate;
    }
    return true;
  };
  // "ph" for "f" (or "f" for "ph"), and nothing else.
  if ((lower.includes('ph') || lower.includes('f')) && !take(index.folded.get(foldSpelling(lower)), () => true)) return undefined;
  if (lower.length <= index.maxLength + 1) {
    const complete = visitKeys(codesOf(lower), lower.length, index.powers, (hash) =>
      take(index.keys.get(hash), (c) => withinOneEdit(lower, c.lower)),
    );
    if (!complete) return undefined;
  }
  return found && { drug: found.drug, name: found.name };
}
