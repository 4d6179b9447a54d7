/**
 * Property-based tests of the matcher: arbitrary Unicode, planted names written
 * the ways pages write them (issue 9), and text matched in windows the way the
 * page scanner matches long text nodes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMatches, type Match } from '../../drugs/match';
import { compileNameIndex } from '../../drugs/name-index';
import { nameEntriesOf } from '../../drugs/name-entries';
import { normalizeForMatching } from '../../drugs/text-normalize';
import { sampleKb } from './helpers/sample-kb';

const entries = nameEntriesOf(sampleKb());
// With misspellings on: guesses must keep every property names have (never overlapping, same in windows).
const index = compileNameIndex(entries, { misspellingExclusions: [] });
const drugIds = new Set(entries.map((e) => e.drug));
/** Bounded so the suite stays fast; each property still sees a few hundred texts. */
const RUNS = { numRuns: 200 };

const INVISIBLES = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060'];
const COMBINING = ['\u0300', '\u0301', '\u0302', '\u0308', '\u0327'];

/** Characters that often trip text handling, mixed into arbitrary text. */
const tricky = fc.constantFrom(
  ...INVISIBLES,
  ...COMBINING,
  ' ',
  '\n',
  '\u00a0',
  '\u3000',
  '-',
  '/',
  "'",
  '.',
  ':',
  '@',
  '?',
  '=',
  '_',
  'ｂ',
  'Ａ',
  '１',
  '．',
  '／',
  'ﬂ',
  '𝐛',
  '™',
  '½',
  '²',
  '💊',
  '\ufe0f',
  '日',
  '\ud800',
  '\udc00', // lone surrogates: a DOM text node can be split inside a pair
);
const nameText = fc.constantFrom(...entries.map((e) => e.name));
const anyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
      tricky,
      nameText,
      fc.constantFrom('https://x.org/', 'www.', '.pdf', 'a@b.com', '?q=', ' '),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

function expectWellFormed(text: string, matches: Match[]) {
  let previousEnd = 0;
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(previousEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.text).toBe(text.slice(m.start, m.end));
    expect(drugIds.has(m.drug)).toBe(true);
    previousEnd = m.end;
  }
}

describe('findMatches on arbitrary text', () => {
  it('never throws, and returns sorted, non-overlapping matches inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), anyText), (text) => {
        expectWellFormed(text, findMatches(index, text));
      }),
      RUNS,
    );
  });
});

// --- planted names -----------------------------------------------------------

/** Filler words: letters no name is made of, so the only names are the planted ones. */
const filler = fc
  .array(fc.constantFrom('j', 'k', 'q', 'w', 'y', 'h', 'ý', 'ж', 'λ', '日', 'ø', 'ß', 'Ｊ'), { minLength: 1, maxLength: 8 })
  .map((letters) => letters.join(''));
/** Separators with whitespace, so a planted name is never glued into a URL or a word. */
const separator = fc.constantFrom(' ', '  ', '\n', ', ', '; ', ' (', ') ', '. ', ' — ', ' "', '" ', '\u00a0', ' \u200b', '\u3000');

const toFullwidth = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c === ' ' ? '\u3000' : c);
const toBold = (c: string) =>
  c >= 'a' && c <= 'z'
    ? String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97)
    : c >= 'A' && c <= 'Z'
      ? String.fromCodePoint(0x1d400 + c.charCodeAt(0) - 65)
      : c;

/** A name from the knowledge base, written the way a page might write it. */
const planted = fc
  .record({
    entry: fc.constantFrom(...entries),
    letterCase: fc.constantFrom('as-is', 'upper', 'lower'),
    width: fc.constantFrom('normal', 'normal', 'fullwidth', 'bold'),
    // Per character: an accent (index into COMBINING, or none) and an invisible
    // character after it (index into INVISIBLES, or none).
    accents: fc.array(fc.option(fc.nat(COMBINING.length - 1), { freq: 3 }), { maxLength: 30 }),
    invisibles: fc.array(fc.option(fc.nat(INVISIBLES.length - 1), { freq: 4 }), { maxLength: 30 }),
    composed: fc.boolean(),
  })
  .map(({ entry, letterCase, width, accents, invisibles, composed }) => {
    let name = entry.name;
    if (entry.match !== 'exact-case' && letterCase !== 'as-is') name = letterCase === 'upper' ? name.toUpperCase() : name.toLowerCase();
    const chars = Array.from(name);
    const written = chars.map((c, i) => {
      let out = width === 'fullwidth' ? toFullwidth(c) : width === 'bold' ? toBold(c) : c;
      const accent = accents[i];
      if (accent != null && /\p{L}/u.test(c)) out += COMBINING[accent];
      const invisible = invisibles[i];
      // Inside the name only: after the last character it would be outside it.
      if (invisible != null && i < chars.length - 1) out += INVISIBLES[invisible];
      return out;
    });
    // Precomposed ("é") or decomposed ("e" + U+0301): both must match.
    const text = written.join('');
    return { text: composed ? text.normalize('NFC') : text, drug: entry.drug };
  });

describe('findMatches finds every planted name', () => {
  it('at the right offsets, with the right drug, and nothing else', () => {
    const pieces = fc.array(fc.tuple(separator, fc.oneof(filler, planted)), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(pieces, separator, (parts, last) => {
        let text = '';
        const expected: Pick<Match, 'start' | 'end' | 'drug'>[] = [];
        for (const [sep, piece] of parts) {
          text += sep;
          if (typeof piece === 'string') {
            text += piece;
          } else {
            expected.push({ start: text.length, end: text.length + piece.text.length, drug: piece.drug });
            text += piece.text;
          }
        }
        text += last;
        const found = findMatches(index, text);
        expect(found.map(({ start, end, drug }) => ({ start, end, drug }))).toEqual(expected);
        expectWellFormed(text, found);
      }),
      RUNS,
    );
  });
});

// --- windows -----------------------------------------------------------------

/** What NAME_GAP (match.ts) lets stand between the words of one name, one character at a time. */
const GAP_CHAR = /[\s\-\u2010-\u2015/'\u2019]/;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** The whole code point that ends at `end` (a styled letter is a surrogate pair). */
const charBefore = (t: string, end: number) => (end > 1 && /[\udc00-\udfff]/.test(t[end - 1]) ? t.slice(end - 2, end) : t[end - 1]);

/**
 * The ASCII spaces where a window may end without cutting a name that the whole
 * text could match: in the folded text, the run of gap characters around the
 * space is longer than a name's gap, or has no word on one side. (The page
 * scanner ends windows at any space, so it can cut a multi-word name in two;
 * that is the scanner's concern, not the matcher's.)
 */
function safeSplits(text: string): number[] {
  const folded = normalizeForMatching(text);
  const t = folded.text;
  const splits: number[] = [];
  for (let q = 0; q < t.length; q++) {
    if (t[q] !== ' ') continue;
    let left = q;
    while (left > 0 && GAP_CHAR.test(t[left - 1])) left--;
    let right = q + 1;
    while (right < t.length && GAP_CHAR.test(t[right])) right++;
    const wordBefore = left > 0 && WORD_CHAR.test(charBefore(t, left));
    const wordAfter = right < t.length && WORD_CHAR.test(String.fromCodePoint(t.codePointAt(right)!));
    if (right - left > 3 || !wordBefore || !wordAfter) splits.push(folded.toOriginalStart(q));
  }
  return splits;
}

describe('findMatches in windows', () => {
  it('finds the same matches in windows split at spaces as in the whole text', () => {
    const text = fc
      .array(
        fc.oneof(
          anyText,
          planted.map((p) => p.text),
          separator,
        ),
        { minLength: 1, maxLength: 25 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.infiniteStream(fc.boolean()), (whole, coin) => {
        const cuts = safeSplits(whole).filter(() => coin.next().value);
        const windowed: Match[] = [];
        let from = 0;
        for (const to of [...cuts, whole.length]) {
          for (const m of findMatches(index, whole.slice(from, to))) windowed.push({ ...m, start: m.start + from, end: m.end + from });
          from = to;
        }
        expect(windowed).toEqual(findMatches(index, whole));
      }),
      RUNS,
    );
  });
});
