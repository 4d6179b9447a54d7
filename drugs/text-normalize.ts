/**
 * Folds text into the form names are matched in, keeping a way back to the
 * original offsets (issue 9). Pages write names in ways a reader does not
 * notice but a plain comparison does:
 *
 * - invisible characters inside a word: soft hyphens from hyphenating sites
 *   ("bac&shy;lofen"), zero-width spaces, (non-)joiners and word joiners are
 *   dropped;
 * - accents: letters are decomposed (NFKD) and combining marks dropped, so
 *   "Paracétamol" reads as "Paracetamol", whether the page wrote the accent
 *   precomposed or as a separate mark;
 * - compatibility forms: fullwidth Latin ("ｂａｃｌｏｆｅｎ"), ligatures
 *   ("ﬂuoxetine" from PDFs), styled math letters fold to plain letters.
 *
 * Case is kept (exact-case names still compare case). Word boundaries are kept
 * too: a letter or digit is folded only into letters and digits ("½" and "™"
 * stay as they are, so "Zoloft™" is still "Zoloft" then a symbol), and other
 * characters are left alone, except fullwidth ASCII punctuation, which is
 * plain ASCII drawn wide.
 *
 * Most text needs none of this: `needsNormalizing` is one regular-expression
 * scan, and only text that fails it is copied. The offset map is sparse: it
 * grows only where a length changes (accents alone need none).
 */

/** The folded text, and the way back to offsets in the original. */
export type NormalizedText = {
  text: string;
  /** Where the character at `index` of the folded text starts in the original. */
  toOriginalStart(index: number): number;
  /**
   * Where a range that ends (exclusively) at `end` in the folded text ends in
   * the original: after the last character's source, including combining marks
   * that were dropped after it.
   */
  toOriginalEnd(end: number): number;
};

/** Dropped wherever they are: they never show, and pages put them inside words. */
const INVISIBLE = new Set([
  0x00ad, // soft hyphen
  0x200b, // zero-width space
  0x200c, // zero-width non-joiner
  0x200d, // zero-width joiner
  0x2060, // word joiner
]);

/** The same characters as INVISIBLE, as a pattern. */
const INVISIBLE_PATTERN = /[\u00ad\u200b-\u200d\u2060]/g;

/** `text` without the invisible characters above ("bac\u00adlofen" → "baclofen"). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE_PATTERN, '');
}

/**
 * Every character `normalizeForMatching` may change, and some it does not
 * (the test is conservative; a unit test checks it misses nothing). Outside it:
 * ASCII, Latin-1 punctuation and symbols, spaces, general punctuation (dashes,
 * curly quotes, bullets) and currency signs, which English text is made of.
 */
// Ranges of code points, not characters: a combining mark (U+20D0) opening a range is meant.
// eslint-disable-next-line no-misleading-character-class
const MAY_CHANGE = /[\u00aa\u00ad\u00b2\u00b3\u00b5\u00b9\u00ba\u00c0-\u1fff\u200b-\u200d\u2060\u2070-\u209f\u20d0-\uffff]/;

/** `MAY_CHANGE` for one UTF-16 unit: the loop below calls this instead of the regex, for speed. */
function mayChange(unit: number): boolean {
  return unit < 0x2000
    ? unit >= 0xc0 || unit === 0xaa || unit === 0xad || unit === 0xb2 || unit === 0xb3 || unit === 0xb5 || unit === 0xb9 || unit === 0xba
    : (unit >= 0x200b && unit <= 0x200d) || unit === 0x2060 || (unit >= 0x2070 && unit <= 0x209f) || unit >= 0x20d0;
}

/** What happens to one code point. A string replaces it. */
const KEEP = 0;
const DROP = 1; // invisible: the original range of the folded text skips it
const DROP_MARK = 2; // combining mark: belongs to the character before it
type Fold = string | typeof KEEP | typeof DROP | typeof DROP_MARK;

/** The word classes of `WORD_PATTERN` in `name-index.ts`, marks apart. */
const LETTERS_OR_DIGITS = /^[\p{L}\p{N}_]+$/u;
const MARK = /^\p{M}$/u;
const MARKS = /\p{M}/gu;

/**
 * Folds of the code points seen so far. A page uses a few hundred distinct
 * non-ASCII characters; the cap only bounds a pathological one.
 */
const FOLD_CACHE_LIMIT = 10_000;
const foldCache = new Map<number, Fold>();

function computeFold(codePoint: number): Fold {
  // Fullwidth ASCII (U+FF01-FF5E): the same characters, drawn wide.
  if (codePoint >= 0xff01 && codePoint <= 0xff5e) return String.fromCharCode(codePoint - 0xfee0);
  const char = String.fromCodePoint(codePoint);
  if (MARK.test(char)) return DROP_MARK;
  if (!LETTERS_OR_DIGITS.test(char)) return KEEP;
  const folded = char.normalize('NFKD').replace(MARKS, '');
  return folded !== char && LETTERS_OR_DIGITS.test(folded) ? folded : KEEP;
}

function foldOf(codePoint: number): Fold {
  if (INVISIBLE.has(codePoint)) return DROP;
  // CJK ideographs and Hangul syllables: nothing to fold for Latin names, and
  // too many distinct characters to cache.
  if ((codePoint >= 0x3400 && codePoint <= 0x9fff) || (codePoint >= 0xac00 && codePoint <= 0xd7a3)) return KEEP;
  let fold = foldCache.get(codePoint);
  if (fold === undefined) {
    fold = computeFold(codePoint);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(codePoint, fold);
  }
  return fold;
}

/** The quick test: false means `normalizeForMatching` returns the text as it is. */
export function needsNormalizing(text: string): boolean {
  return MAY_CHANGE.test(text);
}

/** Units per `String.fromCharCode` call: well under engines' argument limits. */
const DECODE_CHUNK = 8192;

const same = (index: number) => index;
const unchanged = (text: string): NormalizedText => ({ text, toOriginalStart: same, toOriginalEnd: same });

/**
 * Folds `text` for matching (see the module comment). Linear in the text; text
 * that passes the quick test is returned as it is, with no copy and no map.
 */
export function normalizeForMatching(text: string): NormalizedText {
  const first = text.search(MAY_CHANGE);
  if (first < 0) return unchanged(text);

  // Up to the first character that actually changes, the text is its own fold.
  let at = first;
  let fold: Fold = KEEP;
  let width = 1;
  for (; at < text.length; at += width) {
    const unit = text.charCodeAt(at);
    width = 1;
    if (unit < 0xaa || !mayChange(unit)) continue;
    const codePoint = text.codePointAt(at)!;
    if (codePoint > 0xffff) width = 2;
    fold = foldOf(codePoint);
    if (fold !== KEEP) break;
  }
  if (fold === KEEP) return unchanged(text);

  // The folded text, one UTF-16 unit at a time (growing only for ligatures).
  let out = new Uint16Array(text.length + 16);
  for (let k = 0; k < at; k++) out[k] = text.charCodeAt(k);
  let length = at;
  // The way back, kept sparse: run k begins at folded unit runAt[k], and unit
  // runAt[k] + d came from the original range [runStart[k] + d, runEnd[k] + d).
  // A new run begins only where that stops holding (a dropped character, a
  // ligature, a surrogate pair folded to one unit, a mark joined to the letter
  // before it), so long plain stretches and one-for-one accents cost nothing.
  const runAt = [0];
  const runStart = [0];
  const runEnd = [1];
  /** Records that folded unit `unit` (the last so far) came from [start, end). */
  const place = (unit: number, start: number, end: number) => {
    const k = runAt.length - 1;
    const d = unit - runAt[k];
    if (runStart[k] + d === start && runEnd[k] + d === end) return;
    if (d === 0) {
      runStart[k] = start;
      runEnd[k] = end;
    } else {
      runAt.push(unit);
      runStart.push(start);
      runEnd.push(end);
    }
  };
  /** Whether the next copied unit must be placed: a fold may have broken the run. */
  let resync = false;

  while (true) {
    // `fold` is the fold of text[at, at + width).
    if (fold === KEEP) {
      if (resync) place(length, at, at + 1);
      resync = false;
      out[length++] = text.charCodeAt(at);
      if (width === 2) out[length++] = text.charCodeAt(at + 1);
    } else if (fold === DROP_MARK) {
      if (length > 0) {
        const k = runAt.length - 1;
        place(length - 1, runStart[k] + length - 1 - runAt[k], at + width);
      }
      resync = true;
    } else if (fold === DROP) {
      resync = true;
    } else {
      // Room for this fold and the rest of the text copied as it is.
      const needed = length + fold.length + text.length - at - width;
      if (needed > out.length) {
        const grown = new Uint16Array(Math.max(needed, out.length * 2));
        grown.set(out);
        out = grown;
      }
      for (let u = 0; u < fold.length; u++) {
        place(length, at, at + width);
        out[length++] = fold.charCodeAt(u);
      }
      resync = true;
    }
    // Copy up to the next character that may change.
    at += width;
    width = 1;
    for (; at < text.length; at++) {
      const unit = text.charCodeAt(at);
      if (unit >= 0xaa && mayChange(unit)) break;
      if (resync) place(length, at, at + 1);
      resync = false;
      out[length++] = unit;
    }
    if (at >= text.length) break;
    const codePoint = text.codePointAt(at)!;
    if (codePoint > 0xffff) width = 2;
    fold = foldOf(codePoint);
  }

  let folded = '';
  for (let k = 0; k < length; k += DECODE_CHUNK) {
    folded += String.fromCharCode.apply(null, out.subarray(k, Math.min(length, k + DECODE_CHUNK)) as unknown as number[]);
  }
  if (runAt.length === 1 && runStart[0] === 0 && runEnd[0] === 1) return unchanged(folded);
  const runOf = (unit: number) => {
    let lo = 0;
    let hi = runAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runAt[mid] <= unit) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    text: folded,
    toOriginalStart: (index) => {
      if (index >= length) return text.length;
      const k = runOf(index);
      return runStart[k] + index - runAt[k];
    },
    toOriginalEnd: (end) => {
      if (end <= 0) return 0;
      const k = runOf(end - 1);
      return runEnd[k] + end - 1 - runAt[k];
    },
  };
}
