/**
 * Names that need a medical context (issue 9): lithium, Allegra, iron... are
 * highlighted only in passages that read as medical, never on pages about
 * something else.
 */
import { describe, expect, it } from 'vitest';
import { hasMedicalWords, readsAsMedical, titleAllowsMedical } from '../../drugs/medical-context';
import { compileNameIndex } from '../../drugs/name-index';
import { nameEntriesOf } from '../../drugs/name-entries';
import { detectInText } from '../../drugs/text-detection';
import { drug } from './helpers/sample-kb';

const drugs = [
  drug('lithium', { nameContext: 'medical', aliases: [{ name: 'lithium carbonate', kind: 'salt' }] }),
  drug('fexofenadine', { aliases: [{ name: 'Allegra', kind: 'brand', match: 'exact-case', context: 'medical' }] }),
  drug('ferrous-sulfate', { name: 'Ferrous sulfate', aliases: [{ name: 'iron', kind: 'other', context: 'medical' }] }),
  drug('ibuprofen'),
];
const index = compileNameIndex(nameEntriesOf({ drugs, classes: [], agents: [] }));
const found = (text: string) => detectInText(index, text).map((m) => `${m.text}:${m.drug}`);

describe('names that need a medical context', () => {
  it.each([
    ['She was prescribed lithium for bipolar disorder.', ['lithium:lithium']],
    ['Lithium levels need a blood test every few months.', ['Lithium:lithium']],
    ['Do not take ibuprofen with lithium.', ['ibuprofen:ibuprofen', 'lithium:lithium']], // another medicine
    ['For hay fever I take Allegra every morning.', ['Allegra:fexofenadine']],
    ['Iron tablets can upset the stomach; take them with food.', ['Iron:ferrous-sulfate']],
  ])('highlights them in medical text: %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'Lithium prices rose as battery makers signed new supply deals.',
    'The mine produces lithium from brine in the Atacama.',
    'Allegra Stratton joined the team in 2020.',
    'The bridge was built from cast iron and steel in 1850.',
    'Use a 7 iron from the fairway.',
    'Lithium is the lightest metal.', // no clue either way: not highlighted
    'My doctor says lithium-ion batteries are safe.', // medicine and batteries: batteries win
  ])('leaves them alone elsewhere: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('names that need no context are found anywhere, and a salt form is a name of its own', () => {
    expect(found('Battery news: lithium carbonate and ibuprofen.')).toEqual(['lithium carbonate:lithium', 'ibuprofen:ibuprofen']);
  });

  it('judges each paragraph on its own', () => {
    const text = 'Lithium battery prices fell.\n\nHer psychiatrist prescribed lithium.\n';
    expect(detectInText(index, text).map((m) => m.start)).toEqual([text.lastIndexOf('lithium')]);
  });

  it('a page titled about another topic is not medical, unless the title says medicine too', () => {
    expect(titleAllowsMedical('Lithium battery prices in 2026')).toBe(false);
    expect(titleAllowsMedical('Lithium: uses, dose and side effects')).toBe(true);
    expect(titleAllowsMedical('Lithium battery recall: patients with pumps')).toBe(true);
  });

  it('reads two-word clues, and whole words only', () => {
    expect(hasMedicalWords('Side effects are rare.')).toBe(true);
    expect(hasMedicalWords('The dosed side was larger.')).toBe(false);
    expect(readsAsMedical(index, 'the side of the pill box')).toBe(true);
    expect(readsAsMedical(index, 'Allegra went home.')).toBe(false);
  });
});
