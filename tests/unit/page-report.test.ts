import { describe, expect, it } from 'vitest';
import { createInteractionResolver } from '../../drugs/interactions';
import { reportPage } from '../../drugs/page-report';
import { loadKnowledgeBase } from '../../scripts/lib/kb-source';

const kb = loadKnowledgeBase();
const resolver = createInteractionResolver(kb);
const onPage = (id: string, count = 1, names: string[] = []) => ({ id, count, names });

describe('what the popup reports about a page', () => {
  it('describes each drug found, in page order', () => {
    const report = reportPage(kb, resolver, [onPage('sertraline', 2, ['Zoloft']), onPage('baclofen')], []);
    expect(report.drugs).toEqual([
      expect.objectContaining({ id: 'sertraline', name: 'Sertraline', count: 2, hasBoxedWarning: true }),
      expect.objectContaining({ id: 'baclofen', name: 'Baclofen', count: 1 }),
    ]);
    expect(report.drugs[0].mine).toBeUndefined();
  });

  it("flags page drugs that interact with the reader's medicines and reports the pair", () => {
    const report = reportPage(kb, resolver, [onPage('ibuprofen', 1, ['Advil'])], ['warfarin']);
    expect(report.drugs[0].mine).toBe('major');
    expect(report.findings.map((f) => f.drugs.join('+'))).toEqual(['ibuprofen+warfarin']);
  });

  it('reports duplicates on the page: the same ingredient, and one medicine under two names', () => {
    const report = reportPage(
      kb,
      resolver,
      [
        onPage('oxycodone-acetaminophen', 1, ['Percocet']),
        onPage('acetaminophen', 1, ['Tylenol']),
        onPage('ibuprofen', 2, ['Advil', 'ibuprofen']),
      ],
      [],
    );
    const duplicates = report.findings.filter((f) => f.group === 'duplicate').map((f) => [f.drugs.join('+'), f.duplicate?.reason]);
    expect(duplicates).toEqual(
      expect.arrayContaining([
        ['acetaminophen+oxycodone-acetaminophen', 'same-ingredient'],
        ['ibuprofen+ibuprofen', 'same-medicine'],
      ]),
    );
  });

  it("leaves out pairs among the reader's own medicines and ids without a record", () => {
    const report = reportPage(kb, resolver, [onPage('baclofen'), onPage('no-such-drug')], ['warfarin', 'ibuprofen']);
    expect(report.drugs.map((d) => d.id)).toEqual(['baclofen']);
    expect(report.findings.every((f) => f.drugs.includes('baclofen'))).toBe(true);
  });
});
