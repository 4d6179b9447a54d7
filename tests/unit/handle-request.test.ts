import { describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../messaging/handle-request';
import { isMedmarkRequest, type DrugDetails } from '../../messaging/protocol';
import { drug, SAMPLE_DRUGS, sampleSources } from './helpers/sample-kb';
import { validateKnowledgeBase } from '../../drugs/validate-kb';

const kb = validateKnowledgeBase(
  sampleSources([
    ...SAMPLE_DRUGS,
    drug('combo', {
      name: 'Combo',
      ingredients: ['baclofen', 'unknownium'],
      risks: { ...drug('x').risks, boxedWarnings: ['Danger: read this.'] },
    }),
  ]),
);
const handle = createRequestHandler(kb);

describe('background request handler', () => {
  it('answers a preview with name, class and summary', () => {
    expect(handle({ type: 'medmark/preview', id: 'combo' })).toEqual({
      id: 'combo',
      name: 'Combo',
      drugClass: 'Test class',
      summary: 'combo summary.',
      hasBoxedWarning: true,
      mine: [],
    });
  });

  it("tells which of the reader's medicines a drug interacts with, first, and keeps them out of the page list", () => {
    const context = { myMedicationIds: ['warfarin'] };
    const preview = handle({ type: 'medmark/preview', id: 'ibuprofen' }, context)!;
    expect(preview.mine).toEqual([{ other: { id: 'warfarin', name: 'Warfarin', kind: 'drug' }, severity: 'major', summary: 'Bleeding.' }]);
    const details = handle({ type: 'medmark/details', id: 'ibuprofen', pageDrugIds: ['warfarin'] }, context)!;
    expect(details.myMedicationInteractions.map((p) => p.other.id)).toEqual(['warfarin']);
    expect(details.pageInteractions).toEqual([]);
    expect(details.inMyMedications).toBe(false);
    expect(handle({ type: 'medmark/details', id: 'warfarin', pageDrugIds: [] }, context)!.inMyMedications).toBe(true);
  });

  it("flags the page drugs that interact with the reader's medicines, with the worst grade", () => {
    expect(handle({ type: 'medmark/mine', ids: ['ibuprofen', 'baclofen', 'ghost'] }, { myMedicationIds: ['warfarin'] })).toEqual({
      ibuprofen: 'major',
    });
    expect(handle({ type: 'medmark/mine', ids: ['ibuprofen'] })).toEqual({});
  });

  it('answers null for an unknown id', () => {
    expect(handle({ type: 'medmark/preview', id: 'nope' })).toBeNull();
    expect(handle({ type: 'medmark/details', id: 'nope', pageDrugIds: [] })).toBeNull();
  });

  it('answers details with interactions and the ones with drugs on the page', () => {
    const details = handle({
      type: 'medmark/details',
      id: 'warfarin',
      pageDrugIds: ['ibuprofen', 'baclofen', 'warfarin', 'ghost'],
    }) as DrugDetails;
    expect(details.drug.id).toBe('warfarin');
    expect(details.pageInteractions).toEqual([
      { other: { id: 'ibuprofen', name: 'Ibuprofen', kind: 'drug' }, severity: 'major', summary: 'Bleeding.', action: 'Avoid.', also: [] },
    ]);
    expect(details.interactions.length).toBeGreaterThan(0);
  });

  it('links combination ingredients that have records', () => {
    const details = handle({ type: 'medmark/details', id: 'combo', pageDrugIds: [] }) as DrugDetails;
    expect(details.ingredients).toEqual([{ name: 'baclofen', id: 'baclofen' }, { name: 'unknownium' }]);
  });

  it('recognises only well-formed Medmark requests', () => {
    expect(isMedmarkRequest({ type: 'medmark/preview', id: 'x' })).toBe(true);
    expect(isMedmarkRequest({ type: 'medmark/details', id: 'x', pageDrugIds: ['a'] })).toBe(true);
    expect(isMedmarkRequest({ type: 'medmark/details', id: 'x' })).toBe(false);
    expect(isMedmarkRequest({ type: 'other', id: 'x' })).toBe(false);
    expect(isMedmarkRequest('medmark/preview')).toBe(false);
    expect(isMedmarkRequest(null)).toBe(false);
    expect(isMedmarkRequest({ type: 'medmark/mine', ids: ['a'] })).toBe(true);
    expect(isMedmarkRequest({ type: 'medmark/mine', ids: [1] })).toBe(false);
    expect(isMedmarkRequest({ type: 'medmark/page-count', count: 3 })).toBe(true);
    expect(isMedmarkRequest({ type: 'medmark/page-count', count: -1 })).toBe(false);
    expect(isMedmarkRequest({ type: 'medmark/add-medication', id: 'x' })).toBe(true);
  });
});
