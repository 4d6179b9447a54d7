/**
 * The precedence between rules that join the same pair (data/README.md, "How
 * interactions resolve"), on a small knowledge base built for it: a rule that
 * names a drug beats a class rule, a narrower class beats a broader one, the
 * grade is the most severe that applies, and no distinct rule is dropped.
 * Doses: aspirin is an antiplatelet at any dose and an NSAID only at pain-relief doses.
 */
import { describe, expect, it } from 'vitest';
import { createInteractionResolver } from '../../drugs/interactions';
import { validateKnowledgeBase } from '../../drugs/validate-kb';
import { drug } from './helpers/sample-kb';

const rule = (withId: string, severity: string, effect: string, extra: object = {}) => ({
  with: withId,
  severity,
  effect,
  action: `Action for: ${effect}`,
  ...extra,
});

const classes = {
  classes: [
    {
      id: 'nsaids',
      name: 'NSAIDs',
      interactions: [rule('antiplatelets', 'major', 'NSAID stomach bleeding.'), rule('nsaids', 'major', 'Two NSAIDs.')],
    },
    {
      id: 'antiplatelets',
      name: 'Antiplatelets',
      interactions: [rule('antiplatelets', 'moderate', 'Dual antiplatelet therapy, often intended.')],
    },
    { id: 'ssris', name: 'SSRIs', interactions: [rule('ssris', 'major', 'Two SSRIs: duplicate therapy.')] },
    {
      id: 'serotonergic',
      name: 'Serotonergic drugs',
      includes: ['ssris'],
      interactions: [rule('serotonergic', 'moderate', 'Serotonin syndrome: watch.')],
    },
  ],
};

const agents = {
  agents: [
    { id: 'ticagrelor', name: 'Ticagrelor', kind: 'drug', classes: ['antiplatelets'], aliases: [{ name: 'Brilinta', kind: 'brand' }] },
    { id: 'digoxin', name: 'Digoxin', kind: 'drug', interactions: [rule('amiodarone', 'major', 'Digoxin level rises.')] },
    { id: 'amiodarone', name: 'Amiodarone', kind: 'drug' },
  ],
};

const drugs = [
  drug('aspirin', {
    classes: ['antiplatelets'],
    doses: [
      { id: 'low-dose', label: 'low-dose aspirin' },
      { id: 'pain-relief', label: 'aspirin at pain-relief doses', classes: ['nsaids'] },
    ],
    interactions: [
      rule('ticagrelor', 'major', 'Keep aspirin at 100 mg a day or less.'),
      rule('ibuprofen', 'moderate', 'Ibuprofen blocks low-dose aspirin.', { dose: 'low-dose' }),
    ] as never,
  }),
  drug('clopidogrel', { classes: ['antiplatelets'] }),
  drug('ibuprofen', { classes: ['nsaids'] }),
  drug('naproxen', { classes: ['nsaids'] }),
  drug('citalopram', { classes: ['ssris'], interactions: [rule('escitalopram', 'major', 'The same medicine twice.')] as never }),
  drug('escitalopram', { classes: ['ssris'] }),
  drug('ondansetron', { classes: ['serotonergic'] }),
];

const kb = validateKnowledgeBase({
  classes: [{ path: 'data/classes/core.json', text: JSON.stringify(classes) }],
  agents: [{ path: 'data/agents/core.json', text: JSON.stringify(agents) }],
  drugs: drugs.map((d) => ({ path: `data/drugs/${d.id}.json`, text: JSON.stringify(d) })),
});
const resolver = createInteractionResolver(kb);
const pair = (a: string, b: string) => {
  const found = resolver.between([a, b]);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('the most specific rule speaks for a pair', () => {
  it('a rule naming the drug beats class rules of the same grade, and the class rules are listed under it', () => {
    const p = pair('aspirin', 'ticagrelor');
    expect(p.summary).toBe('Keep aspirin at 100 mg a day or less.');
    expect(p.severity).toBe('major');
    expect(p.also.map((a) => a.effect)).toEqual(['NSAID stomach bleeding.', 'Dual antiplatelet therapy, often intended.']);
  });

  it('names the drugs in either order and from either side the same way', () => {
    expect(resolver.between(['ticagrelor', 'aspirin'])).toEqual(resolver.between(['aspirin', 'ticagrelor']));
    expect(pair('escitalopram', 'citalopram').summary).toBe('The same medicine twice.');
  });

  it('a narrower class beats a broader one', () => {
    const p = pair('citalopram', 'ondansetron');
    expect(p.summary).toBe('Serotonin syndrome: watch.');
    const two = resolver.between(['escitalopram', 'citalopram', 'ondansetron']).find((x) => x.drugs.join() === 'citalopram,escitalopram')!;
    expect(two.also.map((a) => a.effect)).toEqual(['Two SSRIs: duplicate therapy.', 'Serotonin syndrome: watch.']);
  });

  it('shows the most specific text at the most severe grade that applies', () => {
    // ibuprofen + naproxen: only class rules; ibuprofen + aspirin: the low-dose rule speaks, graded major by the NSAID rules.
    const p = pair('aspirin', 'ibuprofen');
    expect(p.summary).toBe('Ibuprofen blocks low-dose aspirin.');
    expect(p.ruleSeverity).toBe('moderate');
    expect(p.severity).toBe('major');
  });

  it('lists each distinct rule once', () => {
    const p = pair('ibuprofen', 'naproxen');
    expect(p.summary).toBe('Two NSAIDs.');
    expect(p.also).toEqual([]);
  });
});

describe('aspirin at two doses', () => {
  it('low-dose aspirin with another antiplatelet reads as intended dual therapy; the NSAID warning is marked for pain-relief doses', () => {
    const p = pair('aspirin', 'clopidogrel');
    expect(p.summary).toBe('Dual antiplatelet therapy, often intended.');
    expect(p.dose).toBeUndefined();
    expect(p.also).toEqual([
      expect.objectContaining({
        effect: 'NSAID stomach bleeding.',
        severity: 'major',
        dose: expect.objectContaining({ dose: 'pain-relief', label: 'aspirin at pain-relief doses' }),
      }),
    ]);
  });

  it('a rule with a dose of its own carries that dose', () => {
    expect(pair('aspirin', 'ibuprofen').dose).toEqual({ drug: 'aspirin', dose: 'low-dose', label: 'low-dose aspirin' });
    const line = resolver.forDrug('ibuprofen').find((i) => i.other.id === 'aspirin')!;
    expect(line.dose?.dose).toBe('low-dose');
  });

  it("class rules reached only at one dose carry that dose in the drug's own list", () => {
    const nsaidLine = resolver.forDrug('aspirin').find((i) => i.other.id === 'nsaids')!;
    expect(nsaidLine.dose?.dose).toBe('pain-relief');
    expect(nsaidLine.via?.id).toBe('nsaids');
  });
});

describe("one line per other side in a drug's list", () => {
  it('merges rules with the same other side, most specific text first, at the most severe grade', () => {
    const list = resolver.forDrug('aspirin');
    const antiplatelets = list.filter((i) => i.other.id === 'antiplatelets');
    expect(antiplatelets).toHaveLength(1);
    expect(antiplatelets[0].effect).toBe('Dual antiplatelet therapy, often intended.');
    expect(antiplatelets[0].severity).toBe('major');
    expect(antiplatelets[0].also.map((a) => a.effect)).toEqual(['NSAID stomach bleeding.']);
  });

  it('lists the drug-specific rule as its own line, ahead of milder lines', () => {
    const list = resolver.forDrug('aspirin');
    const ticagrelor = list.find((i) => i.other.id === 'ticagrelor')!;
    expect(ticagrelor.severity).toBe('major');
    expect(ticagrelor.via).toBeUndefined();
    expect(list.map((i) => i.severity)).toEqual(
      [...list.map((i) => i.severity)].sort(
        (a, b) =>
          ['contraindicated', 'major', 'moderate', 'minor'].indexOf(a) - ['contraindicated', 'major', 'moderate', 'minor'].indexOf(b),
      ),
    );
  });
});

describe('agents', () => {
  it('rules among agents join them', () => {
    expect(pair('amiodarone', 'digoxin')).toEqual(expect.objectContaining({ severity: 'major', summary: 'Digoxin level rises.' }));
  });
});
