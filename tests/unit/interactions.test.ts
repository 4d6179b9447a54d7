import { describe, expect, it } from 'vitest';
import { createInteractionResolver } from '../../drugs/interactions';
import { sampleKb } from './helpers/sample-kb';

const resolver = createInteractionResolver(sampleKb());

describe('interactions between drugs', () => {
  it('applies a class rule to its members, from either side', () => {
    const forward = resolver.between(['ibuprofen', 'warfarin']);
    const backward = resolver.between(['warfarin', 'ibuprofen']);
    expect(forward).toEqual(backward);
    expect(forward).toEqual([expect.objectContaining({ drugs: ['ibuprofen', 'warfarin'], severity: 'major', summary: 'Bleeding.' })]);
  });

  it('reaches members of included classes (SSRI is serotonergic)', () => {
    expect(resolver.between(['sertraline', 'escitalopram'])).toEqual([
      expect.objectContaining({ drugs: ['escitalopram', 'sertraline'], severity: 'major' }),
    ]);
  });

  it('reaches agents through their classes and keeps the most severe rule first', () => {
    const [pair] = resolver.between(['phenelzine', 'sertraline']);
    expect(pair.severity).toBe('contraindicated');
    expect(pair.rules.map((r) => r.severity)).toEqual(['contraindicated', 'major']);
  });

  it('finds drug-level rules from both sides', () => {
    expect(resolver.between(['alcohol', 'baclofen'])).toEqual(resolver.between(['baclofen', 'alcohol']));
    expect(resolver.between(['alcohol', 'baclofen'])).toHaveLength(1);
  });

  it('sorts pairs most severe first and ignores duplicates and unrelated drugs', () => {
    const pairs = resolver.between(['sertraline', 'ibuprofen', 'phenelzine', 'warfarin', 'sertraline', 'baclofen']);
    expect(pairs.map((p) => [p.drugs.join('+'), p.severity])).toEqual([
      ['phenelzine+sertraline', 'contraindicated'],
      ['ibuprofen+warfarin', 'major'],
    ]);
  });

  it('returns nothing for drugs that do not interact', () => {
    expect(resolver.between(['baclofen', 'amoxicillin'])).toEqual([]);
    expect(resolver.between(['baclofen'])).toEqual([]);
  });
});

describe('interactions for one drug', () => {
  it('lists class rules that reach the drug, naming the class it came through', () => {
    const list = resolver.forDrug('ibuprofen');
    expect(list).toEqual([
      expect.objectContaining({
        other: expect.objectContaining({ id: 'anticoagulants', kind: 'class' }),
        severity: 'major',
        via: expect.objectContaining({ id: 'nsaids' }),
      }),
    ]);
  });

  it('lists rules written on the other side (warfarin sees the NSAID rule)', () => {
    expect(resolver.forDrug('warfarin')).toEqual([
      expect.objectContaining({ other: expect.objectContaining({ id: 'nsaids' }), severity: 'major' }),
    ]);
  });

  it('lists drug-level rules without a via class', () => {
    const list = resolver.forDrug('baclofen');
    expect(list).toEqual([expect.objectContaining({ other: expect.objectContaining({ id: 'alcohol', kind: 'agent' }) })]);
    expect(list[0].via).toBeUndefined();
  });

  it('orders by severity', () => {
    expect(resolver.forDrug('sertraline').map((i) => i.severity)).toEqual(['contraindicated', 'major']);
  });
});
