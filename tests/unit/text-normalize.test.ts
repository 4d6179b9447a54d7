import { describe, expect, it } from 'vitest';
import { needsNormalizing, normalizeForMatching, type NormalizedText } from '../../drugs/text-normalize';

/** The original range of every folded code unit. */
const ranges = (n: NormalizedText) => Array.from(n.text, (_, i) => [n.toOriginalStart(i), n.toOriginalEnd(i + 1)]);

describe('normalizeForMatching', () => {
  it('leaves plain text alone, without a copy or an offset map', () => {
    const text = 'Patients on “baclofen” — 10 mg, twice a day… £5 ©2025 café? No: “naïve”.';
    expect(needsNormalizing('Patients on “baclofen” — 10 mg, twice a day… £5 ©2025')).toBe(false);
    const ascii = normalizeForMatching('baclofen 10 mg');
    expect(ascii.text).toBe('baclofen 10 mg');
    expect([ascii.toOriginalStart(3), ascii.toOriginalEnd(8)]).toEqual([3, 8]);
    // Accented letters are replaced one for one: the offsets stay the same.
    const accented = normalizeForMatching(text);
    expect(accented.text).toBe(text.replace('é', 'e').replace('ï', 'i'));
    expect(ranges(accented)).toEqual(Array.from(text, (_, i) => [i, i + 1]));
  });

  it('drops invisible characters and maps offsets past them', () => {
    const text = 'bac\u00adlo\u200bfen \u200cx\u200dy\u2060z';
    const n = normalizeForMatching(text);
    expect(n.text).toBe('baclofen xyz');
    // "baclofen" is text[0, 10): the invisible characters inside belong to it.
    expect([n.toOriginalStart(0), n.toOriginalEnd(8)]).toEqual([0, 10]);
    // A range starts at its first visible character and ends after its last one.
    expect([n.toOriginalStart(9), n.toOriginalEnd(10)]).toEqual([12, 13]);
    expect([n.toOriginalStart(11), n.toOriginalEnd(12)]).toEqual([16, 17]);
  });

  it('strips accents written precomposed or as combining marks, which stay with their letter', () => {
    const n = normalizeForMatching('Parace\u0301tamol Ibuprofe\u0300n\u0301 ÅÇÑ');
    expect(n.text).toBe('Paracetamol Ibuprofen ACN');
    expect([n.toOriginalStart(0), n.toOriginalEnd(11)]).toEqual([0, 12]);
    // The mark after the last letter is part of the word.
    expect([n.toOriginalStart(12), n.toOriginalEnd(21)]).toEqual([13, 24]);
  });

  it('folds fullwidth ASCII, ligatures and styled letters, keeping case', () => {
    expect(normalizeForMatching('ＢＡＣＬＯＦＥＮ ｂａｃｌｏｆｅｎ１０（ｍｇ）／ｄａｙ').text).toBe('BACLOFEN baclofen10(mg)/day');
    const n = normalizeForMatching('Zanaﬂex 𝐙𝐨𝐥𝐨𝐟𝐭');
    expect(n.text).toBe('Zanaflex Zoloft');
    // Both letters of the ligature come from the one character.
    expect(ranges(n).slice(4, 6)).toEqual([
      [4, 5],
      [4, 5],
    ]);
    // Each styled letter is a surrogate pair in the original.
    expect([n.toOriginalStart(9), n.toOriginalEnd(15)]).toEqual([8, 20]);
    // Ligatures make the folded text longer than the original.
    expect(normalizeForMatching(`${'ﬃ'.repeat(40)} baclofen`).text).toBe(`${'ffi'.repeat(40)} baclofen`);
  });

  it('never moves a word boundary in ordinary text', () => {
    // "™" and "½" would fold to letters and a fraction slash; they stay.
    expect(normalizeForMatching('Zoloft™ ½ tablet, x² ℃ ㎎ ǅ').text).toBe('Zoloft™ ½ tablet, x2 ℃ ㎎ Dz');
    // The ideographic space and CJK text are left as they are.
    expect(normalizeForMatching('日本語\u3000바클로펜').text).toBe('日本語\u3000바클로펜');
  });

  it('copes with emoji, lone surrogates and empty text', () => {
    expect(normalizeForMatching('💊\ufe0f ok \ud800 \udc00').text).toBe('💊 ok \ud800 \udc00');
    expect(normalizeForMatching('').text).toBe('');
    expect(normalizeForMatching('\u0301\u0301').text).toBe('');
  });

  it('folds every BMP code point by the rules, and the quick test misses none it changes', () => {
    // The rules, stated independently: invisible characters and combining marks
    // are dropped, fullwidth ASCII is ASCII, a letter or digit folds (NFKD, marks
    // dropped) only into letters and digits, Hangul syllables stay composed.
    const invisible = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060]);
    const word = /^[\p{L}\p{N}_]+$/u;
    const expected = (cp: number, char: string) => {
      if (invisible.has(cp) || /\p{M}/u.test(char)) return '';
      if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0);
      if (!word.test(char) || (cp >= 0xac00 && cp <= 0xd7a3)) return char;
      const folded = char.normalize('NFKD').replace(/\p{M}/gu, '');
      return word.test(folded) ? folded : char;
    };
    const wrong: string[] = [];
    const missed: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCharCode(cp);
      const folded = normalizeForMatching(`a${char}b`).text;
      if (folded !== `a${expected(cp, char)}b`) wrong.push(cp.toString(16));
      if (folded !== `a${char}b` && !needsNormalizing(char)) missed.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(missed).toEqual([]);
  });
});
