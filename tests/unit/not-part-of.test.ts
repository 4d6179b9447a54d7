/**
 * Phrases that contain a name but name something else ("ethinyl estradiol"
 * is not estradiol): read whole, never highlighted as the shorter name.
 */
import { describe, expect, it } from 'vitest';
import { findMatches } from '../../drugs/match';
import { decodeNames, encodeNames } from '../../drugs/name-encoding';
import { compileNameIndex } from '../../drugs/name-index';
import { nameEntriesOf } from '../../drugs/name-entries';
import { KbValidationError, validateKnowledgeBase } from '../../drugs/validate-kb';
import { drug, SAMPLE_DRUGS, sampleSources } from './helpers/sample-kb';

const drugs = [
  drug('estradiol', { notPartOf: ['ethinyl estradiol'] }),
  drug('ethinyl-estradiol-levonorgestrel', {
    name: 'Ethinyl estradiol / levonorgestrel',
    aliases: [{ name: 'ethinyl estradiol and levonorgestrel', kind: 'other' }],
  }),
];
const entries = nameEntriesOf({ drugs, classes: [], agents: [] });
const found = (text: string) =>
  findMatches(compileNameIndex(entries, { misspellingExclusions: [] }), text).map((m) => `${m.text}:${m.drug}`);

describe('names that are part of another phrase', () => {
  it('are not highlighted inside it, but are elsewhere, and longer names still win', () => {
    expect(found('The pill has ethinyl estradiol; HRT uses estradiol.')).toEqual(['estradiol:estradiol']);
    expect(found('Ethinyl Estradiol and levonorgestrel tablets')).toEqual([
      'Ethinyl Estradiol and levonorgestrel:ethinyl-estradiol-levonorgestrel',
    ]);
  });

  it('travel to the content script with the names', () => {
    const decoded = compileNameIndex(decodeNames(encodeNames(entries)));
    expect(findMatches(decoded, 'ethinyl estradiol, estradiol').map((m) => m.start)).toEqual([19]);
  });

  it("must contain a name of the record and be no record's name", () => {
    const bad = (notPartOf: string[]) => () => validateKnowledgeBase(sampleSources([...SAMPLE_DRUGS, drug('estradiol', { notPartOf })]));
    expect(bad(['ethinylestradiol'])).toThrow(KbValidationError);
    expect(bad(['ethinylestradiol'])).toThrow(/data\/drugs\/estradiol.json: notPartOf\[0\]: "ethinylestradiol" does not contain any name/);
    expect(bad(['baclofen estradiol'])).not.toThrow();
    expect(bad(['estradiol'])).toThrow(/is a name of "estradiol"/);
  });
});
