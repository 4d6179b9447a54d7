/**
 * The medication checker (popup and side panel): every interaction among a
 * list, grouped as duplicates, drug-drug and drug-other, most severe first.
 * First on the real knowledge base (the cases readers meet), then on a small
 * one built for the grouping rules.
 */
import { describe, expect, it } from 'vitest';
import { createInteractionResolver } from '../../drugs/interactions';
import { checkMedications, type CheckFinding, type CheckItem } from '../../drugs/medication-check';
import { validateKnowledgeBase } from '../../drugs/validate-kb';
import { loadKnowledgeBase } from '../../scripts/lib/kb-source';
import { drug } from './helpers/sample-kb';

/** The fields that say what kind of finding it is, for compact assertions. */
const shape = (f: CheckFinding) => ({
  group: f.group,
  drugs: f.drugs.join('+'),
  severity: f.severity,
  ...(f.duplicate ? { duplicate: f.duplicate } : {}),
});

const ids = (...list: string[]): CheckItem[] => list.map((id) => ({ id }));

describe('on the real knowledge base', () => {
  const kb = loadKnowledgeBase();
  const resolver = createInteractionResolver(kb);
  const check = (items: CheckItem[]) => checkMedications(kb, resolver, items);

  it('Percocet with Tylenol: the same ingredient, in the words of the acetaminophen rule', () => {
    const found = check([
      { id: 'oxycodone-acetaminophen', names: ['Percocet'] },
      { id: 'acetaminophen', names: ['Tylenol'] },
    ]);
    expect(found.map(shape)).toEqual([
      {
        group: 'duplicate',
        drugs: 'acetaminophen+oxycodone-acetaminophen',
        severity: 'contraindicated',
        duplicate: { reason: 'same-ingredient', ingredient: 'acetaminophen' },
      },
    ]);
    expect(found[0].summary).toMatch(/^Both products contain acetaminophen\./);
  });

  it('Norco with Percocet: two combinations that share acetaminophen', () => {
    const [finding, ...rest] = check(ids('hydrocodone-acetaminophen', 'oxycodone-acetaminophen'));
    expect(rest).toEqual([]);
    expect(shape(finding)).toEqual({
      group: 'duplicate',
      drugs: 'hydrocodone-acetaminophen+oxycodone-acetaminophen',
      severity: 'contraindicated',
      duplicate: { reason: 'same-ingredient', ingredient: 'acetaminophen' },
    });
    // The opioid rules that also join the two stay listed under it.
    expect(finding.also.map((a) => a.severity)).toEqual(['major', 'moderate']);
  });

  it('oxycodone with Percocet: the shared ingredient leads, the sedation rules follow', () => {
    const [finding] = check(ids('oxycodone-acetaminophen', 'oxycodone'));
    expect(shape(finding)).toEqual({
      group: 'duplicate',
      drugs: 'oxycodone+oxycodone-acetaminophen',
      severity: 'major',
      duplicate: { reason: 'same-ingredient', ingredient: 'oxycodone' },
    });
    expect(finding.summary).toBe('Both contain oxycodone. Taking both can add up to more than the safe amount.');
    expect(finding.also.length).toBeGreaterThan(0);
  });

  it('amoxicillin with amoxicillin/clavulanate: no rule joins them, still a duplicate', () => {
    expect(check(ids('amoxicillin', 'amoxicillin-clavulanate')).map(shape)).toEqual([
      {
        group: 'duplicate',
        drugs: 'amoxicillin+amoxicillin-clavulanate',
        severity: 'major',
        duplicate: { reason: 'same-ingredient', ingredient: 'amoxicillin' },
      },
    ]);
  });

  it('two NSAIDs and two SSRIs are duplicates of a class', () => {
    expect(check(ids('ibuprofen', 'naproxen')).map(shape)).toEqual([
      { group: 'duplicate', drugs: 'ibuprofen+naproxen', severity: 'major', duplicate: { reason: 'same-class' } },
    ]);
    expect(check(ids('sertraline', 'escitalopram')).map(shape)).toEqual([
      { group: 'duplicate', drugs: 'escitalopram+sertraline', severity: 'major', duplicate: { reason: 'same-class' } },
    ]);
  });

  it('Advil and ibuprofen are one medicine under two names', () => {
    const found = check([{ id: 'ibuprofen', names: ['Advil', 'ibuprofen'] }]);
    expect(found).toEqual([
      {
        group: 'duplicate',
        drugs: ['ibuprofen', 'ibuprofen'],
        severity: 'major',
        summary: 'Advil and ibuprofen are the same medicine (ibuprofen).',
        action: 'Take only one of them; together they double the dose.',
        also: [],
        duplicate: { reason: 'same-medicine' },
      },
    ]);
  });

  it('warfarin with ibuprofen is drug-drug; alcohol and grapefruit are drug-other', () => {
    expect(check(ids('warfarin', 'ibuprofen')).map(shape)).toEqual([
      { group: 'drug-drug', drugs: 'ibuprofen+warfarin', severity: 'major' },
    ]);
    expect(check(ids('alcohol', 'baclofen')).map(shape)).toEqual([{ group: 'drug-other', drugs: 'alcohol+baclofen', severity: 'major' }]);
    expect(check(ids('grapefruit', 'simvastatin')).map(shape)).toEqual([
      { group: 'drug-other', drugs: 'grapefruit+simvastatin', severity: 'major' },
    ]);
  });

  it('medicines whose effects add up are not duplicates of each other', () => {
    expect(check(ids('amiodarone', 'azithromycin')).map((f) => f.group)).toEqual(['drug-drug']); // QT
    expect(check(ids('gabapentin', 'baclofen')).map((f) => f.group)).toEqual(['drug-drug']); // drowsiness
    // Two antiplatelets after a stent are often intended: an interaction, not a duplicate.
    expect(check(ids('aspirin', 'clopidogrel')).map((f) => f.group)).toEqual(['drug-drug']);
    // Every class marked as duplicate therapy is a class of one job with a rule for two of its members.
    const marked = kb.classes.filter((c) => c.duplicateTherapy).map((c) => c.id);
    expect(marked).toEqual(
      expect.arrayContaining(['nsaids', 'serotonin-reuptake-inhibitors', 'anticoagulants', 'acetaminophen-containing']),
    );
    for (const id of marked)
      expect
        .soft(
          kb.classes.find((c) => c.id === id)?.interactions?.some((r) => r.with === id),
          id,
        )
        .toBe(true);
    expect(marked).not.toContain('antiplatelets');
  });

  it('puts the most severe first', () => {
    const found = check(ids('alcohol', 'warfarin', 'acetaminophen', 'oxycodone-acetaminophen', 'ibuprofen'));
    const severities = found.map((f) => f.severity);
    expect(severities[0]).toBe('contraindicated');
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) =>
          ['contraindicated', 'major', 'moderate', 'minor'].indexOf(a) - ['contraindicated', 'major', 'moderate', 'minor'].indexOf(b),
      ),
    );
    expect(found.map((f) => f.drugs.join('+'))).toContain('ibuprofen+warfarin');
  });

  it('ignores unknown ids and returns nothing for an empty list', () => {
    expect(check(ids('no-such-drug', 'ibuprofen', 'naproxen')).map((f) => f.drugs.join('+'))).toEqual(['ibuprofen+naproxen']);
    expect(check(ids('no-such-drug'))).toEqual([]);
    expect(check([])).toEqual([]);
  });
});

describe('grouping rules, on a small knowledge base', () => {
  const rule = (withId: string, severity: string, effect: string, extra: object = {}) => ({
    with: withId,
    severity,
    effect,
    action: `Action: ${effect}`,
    ...extra,
  });

  const classes = {
    classes: [
      {
        id: 'nsaids',
        name: 'NSAIDs',
        duplicateTherapy: true,
        interactions: [rule('nsaids', 'major', 'Two NSAIDs.'), rule('anticoagulants', 'major', 'Bleeding.')],
      },
      { id: 'anticoagulants', name: 'Blood thinners' },
      { id: 'qt-prolonging-drugs', name: 'QT drugs', interactions: [rule('qt-prolonging-drugs', 'major', 'QT adds up.')] },
      {
        id: 'acetaminophen-containing',
        name: 'Acetaminophen products',
        duplicateTherapy: true,
        interactions: [rule('acetaminophen-containing', 'contraindicated', 'Too much acetaminophen.')],
      },
    ],
  };
  const agents = {
    agents: [
      { id: 'alcohol', name: 'Alcohol', kind: 'substance' },
      { id: 'grapefruit', name: 'Grapefruit', kind: 'food' },
      { id: 'oxycodone', name: 'Oxycodone', kind: 'drug' },
    ],
  };
  const drugs = [
    drug('ibuprofen', {
      aliases: [
        { name: 'Advil', kind: 'brand' },
        { name: 'Motrin', kind: 'brand' },
      ],
      classes: ['nsaids'],
    }),
    drug('naproxen', { classes: ['nsaids'] }),
    drug('aspirin', { doses: [{ id: 'pain-relief', label: 'aspirin for pain', classes: ['nsaids'] }] }),
    drug('warfarin', { classes: ['anticoagulants'], interactions: [rule('alcohol', 'moderate', 'INR changes.')] as never }),
    drug('citalopram', { classes: ['qt-prolonging-drugs'] }),
    drug('ondansetron', { classes: ['qt-prolonging-drugs'] }),
    drug('simvastatin', { interactions: [rule('grapefruit', 'major', 'Grapefruit raises simvastatin.')] as never }),
    drug('acetaminophen', { classes: ['acetaminophen-containing'] }),
    drug('hydrocodone-acetaminophen', {
      name: 'Hydrocodone / acetaminophen',
      ingredients: ['hydrocodone', 'acetaminophen'],
      classes: ['acetaminophen-containing'],
    }),
    // Not in the acetaminophen class here, so only the shared ingredient can join it to acetaminophen.
    drug('oxycodone-acetaminophen', {
      name: 'Oxycodone / acetaminophen',
      ingredients: ['Oxycodone', 'acetaminophen'],
      interactions: [rule('oxycodone', 'minor', 'A minor note.')] as never,
    }),
    drug('amoxicillin-clavulanate', { name: 'Amoxicillin / clavulanate', ingredients: ['amoxicillin', 'clavulanate'] }),
    drug('ticarcillin-clavulanate', { name: 'Ticarcillin / clavulanate', ingredients: ['ticarcillin', 'Clavulanate'] }),
  ];
  const kb = validateKnowledgeBase({
    classes: [{ path: 'data/classes/core.json', text: JSON.stringify(classes) }],
    agents: [{ path: 'data/agents/core.json', text: JSON.stringify(agents) }],
    drugs: drugs.map((d) => ({ path: `data/drugs/${d.id}.json`, text: JSON.stringify(d) })),
  });
  const resolver = createInteractionResolver(kb);
  const check = (items: CheckItem[]) => checkMedications(kb, resolver, items);

  it('a class rule with itself makes a duplicate; a rule between two classes does not', () => {
    expect(check(ids('naproxen', 'ibuprofen', 'warfarin')).map(shape)).toEqual([
      { group: 'duplicate', drugs: 'ibuprofen+naproxen', severity: 'major', duplicate: { reason: 'same-class' } },
      { group: 'drug-drug', drugs: 'ibuprofen+warfarin', severity: 'major' },
      { group: 'drug-drug', drugs: 'naproxen+warfarin', severity: 'major' },
    ]);
  });

  it('an additive-effect class with itself, or a class reached only at one dose, is drug-drug', () => {
    expect(check(ids('citalopram', 'ondansetron')).map(shape)).toEqual([
      { group: 'drug-drug', drugs: 'citalopram+ondansetron', severity: 'major' },
    ]);
    expect(check(ids('aspirin', 'ibuprofen')).map(shape)).toEqual([{ group: 'drug-drug', drugs: 'aspirin+ibuprofen', severity: 'major' }]);
  });

  it('a food or substance on either side makes drug-other', () => {
    expect(check(ids('simvastatin', 'grapefruit', 'alcohol', 'warfarin')).map(shape)).toEqual([
      { group: 'drug-other', drugs: 'grapefruit+simvastatin', severity: 'major' },
      { group: 'drug-other', drugs: 'alcohol+warfarin', severity: 'moderate' },
    ]);
  });

  it('shared ingredient with a duplicate rule: the rule speaks, the reason is the ingredient', () => {
    const [finding] = check(ids('hydrocodone-acetaminophen', 'acetaminophen'));
    expect(shape(finding)).toEqual({
      group: 'duplicate',
      drugs: 'acetaminophen+hydrocodone-acetaminophen',
      severity: 'contraindicated',
      duplicate: { reason: 'same-ingredient', ingredient: 'acetaminophen' },
    });
    expect(finding.summary).toBe('Too much acetaminophen.');
  });

  it('shared ingredient with no rule: major, in generic words', () => {
    expect(check(ids('oxycodone-acetaminophen', 'acetaminophen'))).toEqual([
      {
        group: 'duplicate',
        drugs: ['acetaminophen', 'oxycodone-acetaminophen'],
        severity: 'major',
        summary: 'Both contain acetaminophen. Taking both can add up to more than the safe amount.',
        action: 'Take only one product that contains acetaminophen unless your prescriber says otherwise; check labels.',
        also: [],
        duplicate: { reason: 'same-ingredient', ingredient: 'acetaminophen' },
      },
    ]);
  });

  it('shared ingredient with an unrelated rule: the ingredient leads at least at major, the rule follows', () => {
    const found = check(ids('oxycodone', 'oxycodone-acetaminophen'));
    expect(found).toEqual([
      expect.objectContaining({
        group: 'duplicate',
        drugs: ['oxycodone', 'oxycodone-acetaminophen'],
        severity: 'major',
        summary: 'Both contain oxycodone. Taking both can add up to more than the safe amount.',
        also: [{ severity: 'minor', effect: 'A minor note.', action: 'Action: A minor note.' }],
        duplicate: { reason: 'same-ingredient', ingredient: 'oxycodone' },
      }),
    ]);
  });

  it('an ingredient no record answers to still joins two combinations; each pair is reported once', () => {
    const found = check(ids('amoxicillin-clavulanate', 'ticarcillin-clavulanate', 'hydrocodone-acetaminophen', 'oxycodone-acetaminophen'));
    expect(found.map(shape)).toEqual([
      {
        group: 'duplicate',
        drugs: 'amoxicillin-clavulanate+ticarcillin-clavulanate',
        severity: 'major',
        duplicate: { reason: 'same-ingredient', ingredient: 'clavulanate' },
      },
      {
        group: 'duplicate',
        drugs: 'hydrocodone-acetaminophen+oxycodone-acetaminophen',
        severity: 'major',
        duplicate: { reason: 'same-ingredient', ingredient: 'acetaminophen' },
      },
    ]);
  });

  it('one medicine under names that really differ, from one item or several', () => {
    const [one] = check([
      { id: 'ibuprofen', names: ['Advil'] },
      { id: 'ibuprofen', names: ['Motrin', 'ibuprofen'] },
    ]);
    expect(shape(one)).toEqual({
      group: 'duplicate',
      drugs: 'ibuprofen+ibuprofen',
      severity: 'major',
      duplicate: { reason: 'same-medicine' },
    });
    expect(one.summary).toBe('Advil, Motrin and ibuprofen are the same medicine (ibuprofen).');
    // Case and spacing are not different names; nor is a food under two names a double dose.
    expect(check([{ id: 'ibuprofen', names: ['Advil', ' ADVIL '] }, { id: 'ibuprofen' }])).toEqual([]);
    expect(check([{ id: 'grapefruit', names: ['grapefruit', 'grapefruit juice'] }])).toEqual([]);
  });

  it('orders by severity, then duplicates, drug-drug, drug-other, then ids', () => {
    const found = check([
      { id: 'alcohol' },
      { id: 'warfarin' },
      { id: 'grapefruit' },
      { id: 'simvastatin' },
      { id: 'ibuprofen', names: ['Advil', 'ibuprofen'] },
      { id: 'naproxen' },
      { id: 'hydrocodone-acetaminophen' },
      { id: 'acetaminophen' },
    ]);
    expect(found.map((f) => `${f.severity} ${f.group} ${f.drugs.join('+')}`)).toEqual([
      'contraindicated duplicate acetaminophen+hydrocodone-acetaminophen',
      'major duplicate ibuprofen+ibuprofen',
      'major duplicate ibuprofen+naproxen',
      'major drug-drug ibuprofen+warfarin',
      'major drug-drug naproxen+warfarin',
      'major drug-other grapefruit+simvastatin',
      'moderate drug-other alcohol+warfarin',
    ]);
  });

  it('ignores unknown ids and class ids', () => {
    expect(check(ids('nsaids', 'no-such-drug', 'ibuprofen'))).toEqual([]);
  });
});
