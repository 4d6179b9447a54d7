/**
 * Families people name without a member (issue 10): "insulin" alone opens the
 * family record, which lists its kinds; a named insulin opens its own record;
 * phrases about the hormone, not the medicine, stay plain.
 */
import { describe, expect, it } from 'vitest';
import { nameEntriesOf } from '../../drugs/name-entries';
import { compileNameIndex } from '../../drugs/name-index';
import { detectInText } from '../../drugs/text-detection';
import { loadKnowledgeBase, loadMisspellingExclusions } from '../../scripts/lib/kb-source';

const kb = loadKnowledgeBase();
const index = compileNameIndex(nameEntriesOf(kb), { misspellingExclusions: loadMisspellingExclusions() });
const found = (text: string) => detectInText(index, text).map((m) => `${m.text}:${m.drug}`);

describe('generic mentions', () => {
  it('"insulin" alone is the family record; a named insulin is its own', () => {
    expect(found('She started insulin last year; now she uses insulin glargine at night and Humalog with meals.')).toEqual([
      'insulin:insulin',
      'insulin glargine:insulin-glargine',
      'Humalog:insulin-lispro',
    ]);
  });

  it("phrases about the body's own insulin are not the medicine", () => {
    expect(found('Insulin resistance and insulin sensitivity improve with exercise.')).toEqual([]);
  });

  it('the family record lists every kind, and every kind points to records of insulin', () => {
    const insulin = kb.drugs.find((d) => d.id === 'insulin')!;
    const ids = new Set(kb.drugs.map((d) => d.id));
    expect(insulin.kinds!.map((k) => k.label.split(/[ :(]/)[0])).toEqual(
      expect.arrayContaining(['Rapid-acting', 'Short-acting', 'Intermediate-acting', 'Long-acting', 'Premixed']),
    );
    for (const kind of insulin.kinds!) for (const id of kind.drugs) expect(ids.has(id) && id.startsWith('insulin-'), id).toBe(true);
  });
});
