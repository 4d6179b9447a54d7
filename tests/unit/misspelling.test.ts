/**
 * Probable misspellings (issue 9): what is guessed, what never is, and a
 * property test against a brute-force reading of the rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMatches } from '../../drugs/match';
import { compileMisspellingIndex, findMisspelling, withinOneEdit, type MisspellingIndex } from '../../drugs/misspelling-index';
import { compileNameIndex, type NameEntry } from '../../drugs/name-index';
import { nameEntriesOf } from '../../drugs/name-entries';
import { decodeNames, encodeNames } from '../../drugs/name-encoding';
import { drug } from './helpers/sample-kb';

const drugs = [
  drug('metformin', { aliases: [{ name: 'Glucophage', kind: 'brand', region: 'US/UK' }] }),
  drug('amoxicillin', { aliases: [{ name: 'amoxycillin', kind: 'international', region: 'UK' }] }),
  drug('ibuprofen', { aliases: [{ name: 'Advil', kind: 'brand', region: 'US' }] }),
  drug('lisinopril'),
  drug('fexofenadine', { aliases: [{ name: 'Allegra', kind: 'brand', region: 'US', match: 'exact-case', context: 'medical' }] }),
  drug('lithium', { nameContext: 'medical' }),
  drug('morphine'),
  drug('aspirin'),
];
const entries = nameEntriesOf({ drugs, classes: [], agents: [] });
const index = compileNameIndex(entries, { misspellingExclusions: ['singular'] });
const guessed = (text: string) => findMatches(index, text).filter((m) => m.misspellingOf);

describe('withinOneEdit', () => {
  it.each([
    ['metformin', 'metformin', true],
    ['metfomin', 'metformin', true], // missing letter
    ['metfformin', 'metformin', true], // extra letter
    ['metfarmin', 'metformin', true], // changed letter
    ['metfromin', 'metformin', true], // swapped neighbours
    ['metfrmina', 'metformin', false],
    ['mtformn', 'metformin', false],
    ['abc', 'abcde', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('misspellings in text', () => {
  it('finds the spellings people type and says which name they are close to', () => {
    const text = 'On metphormin, amoxicilin and Lisinipril; ibuprofin for pain; metfromin again.';
    expect(guessed(text).map((m) => [m.text, m.drug, m.misspellingOf])).toEqual([
      ['metphormin', 'metformin', 'Metformin'],
      ['amoxicilin', 'amoxicillin', 'Amoxicillin'],
      ['Lisinipril', 'lisinopril', 'Lisinopril'],
      ['ibuprofin', 'ibuprofen', 'Ibuprofen'],
      ['metfromin', 'metformin', 'Metformin'],
    ]);
  });

  it('reads "f" written for "ph" too', () => {
    expect(guessed('morfine')).toMatchObject([{ drug: 'morphine' }]);
  });

  it('leaves names spelled right to the name matcher', () => {
    const matches = findMatches(index, 'metformin and Glucophage');
    expect(matches.map((m) => m.misspellingOf)).toEqual([undefined, undefined]);
  });

  it('does not guess at short words, a changed first letter, brands, exact-case or context names', () => {
    expect(guessed('aspirn')).toHaveLength(1); // six letters: guessed
    expect(guessed('morfne')).toEqual([]); // two edits
    expect(guessed('netformin')).toEqual([]); // first letter
    expect(guessed('Glucophag Glucofage')).toEqual([]); // brand
    expect(guessed('Alegra Allegro')).toEqual([]); // exact-case, context
    expect(guessed('lithum')).toEqual([]); // context
    expect(guessed('asprin'.slice(0, 5))).toEqual([]); // under six letters
  });

  it('does not take English words with English endings, or listed words, for names', () => {
    expect(guessed('morphing aspiring singular')).toEqual([]);
    expect(guessed('aspirins')).toEqual([]);
  });

  it('leaves a word alone when it is one edit from two medicines', () => {
    const two = compileNameIndex(
      [
        { name: 'Zabcdefg', drug: 'one' },
        { name: 'Zabcdefh', drug: 'two' },
      ],
      { misspellingExclusions: [] },
    );
    expect(findMatches(two, 'Zabcdefx').filter((m) => m.misspellingOf)).toEqual([]);
    expect(findMatches(two, 'Zabcdeg').filter((m) => m.misspellingOf)).toMatchObject([{ drug: 'one' }]);
  });

  it('only looks when asked: an index without exclusions given finds names only', () => {
    expect(findMatches(compileNameIndex(entries), 'metphormin')).toEqual([]);
  });

  it('travels to the content script with the names (guessable or not)', () => {
    const decoded = compileNameIndex(decodeNames(encodeNames(entries)), { misspellingExclusions: [] });
    expect(findMatches(decoded, 'amoxicilin Glucophag').map((m) => m.misspellingOf)).toEqual(['Amoxicillin']);
  });
});

/** The rule, read the slow way: every candidate name compared with every word. */
function bruteForce(entries: NameEntry[], excluded: Set<string>, word: string): string | undefined {
  const lower = word.toLowerCase();
  if (!/^\p{L}{6,}$/u.test(word) || excluded.has(lower)) return undefined;
  const fold = (s: string) => s.replace(/ph/g, 'f');
  const drugs = new Set<string>();
  for (const e of entries) {
    if (e.match || e.context || e.guess === false || !/^\p{L}{6,}$/u.test(e.name)) continue;
    const name = e.name.toLowerCase();
    if (name[0] !== lower[0]) continue;
    if (!(withinOneEdit(lower, name) || fold(lower) === fold(name))) continue;
    if (['s', 'ing', 'ed', 'ly', 'ness', 'ful', 'less', 'able'].some((end) => lower.endsWith(end) && !name.endsWith(end))) continue;
    drugs.add(e.drug);
  }
  return drugs.size === 1 ? [...drugs][0] : undefined;
}

describe('the deletion-neighbourhood index agrees with brute force', () => {
  const letters = fc.constantFrom(...'abcdefph');
  const name = fc.array(letters, { minLength: 5, maxLength: 9 }).map((a) => a.join(''));
  it('on random names and words over a small alphabet (many near misses)', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 12 }), fc.array(name, { maxLength: 20 }), (names, words) => {
        const list: NameEntry[] = names.map((n, i) => ({ name: n, drug: `d${i % 5}` }));
        const misspellings: MisspellingIndex = compileMisspellingIndex(list, []);
        for (const word of words) {
          expect(findMisspelling(misspellings, word)?.drug).toBe(bruteForce(list, new Set(), word));
        }
      }),
      { numRuns: 300 },
    );
  });
});
