/**
 * A small knowledge base built in memory, so logic tests do not depend on the
 * real data (which the knowledge-base tests check separately).
 */
import { validateKnowledgeBase, type KbSources } from '../../../drugs/validate-kb';
import type { DrugRecord } from '../../../drugs/schema';

export function drug(id: string, overrides: Partial<DrugRecord> = {}): DrugRecord {
  return {
    id,
    name: id[0].toUpperCase() + id.slice(1),
    aliases: [],
    drugClass: 'Test class',
    classes: [],
    summary: `${id} summary.`,
    benefits: [{ text: 'Treats a condition.', offLabel: false }],
    risks: {
      boxedWarnings: [],
      common: ['Headache'],
      serious: ['Allergic reaction: swelling of the face. Get help.'],
      avoidIf: [],
      pregnancy: 'Ask your prescriber.',
      breastfeeding: 'Ask your prescriber.',
    },
    interactions: [],
    sources: [{ title: 'MedlinePlus', url: 'https://medlineplus.gov/druginfo/meds/a682530.html' }],
    reviewed: '2026-11-24',
    reviewNotes: [1, 2, 3].map((n) => ({ fact: `Fact ${n}.`, settled: 'Checked the label.' })),
    ...overrides,
  };
}

export const SAMPLE_CLASSES = {
  classes: [
    { id: 'nsaids', name: 'NSAIDs', interactions: [{ with: 'anticoagulants', severity: 'major', effect: 'Bleeding.', action: 'Avoid.' }] },
    { id: 'anticoagulants', name: 'Blood thinners' },
    { id: 'ssris', name: 'SSRIs' },
    { id: 'maois', name: 'MAOIs' },
    {
      id: 'serotonergic-drugs',
      name: 'Serotonergic drugs',
      includes: ['ssris', 'maois'],
      interactions: [
        { with: 'maois', severity: 'contraindicated', effect: 'Serotonin syndrome.', action: 'Never combine.' },
        { with: 'serotonergic-drugs', severity: 'major', effect: 'Serotonin syndrome risk.', action: 'Watch for signs.' },
      ],
    },
  ],
};

export const SAMPLE_AGENTS = {
  agents: [
    { id: 'alcohol', name: 'Alcohol', kind: 'substance' },
    { id: 'phenelzine', name: 'Phenelzine', kind: 'drug', classes: ['maois'] },
  ],
};

export const SAMPLE_DRUGS: DrugRecord[] = [
  drug('baclofen', {
    aliases: [
      { name: 'Lioresal', kind: 'brand' },
      { name: 'Ozobax', kind: 'brand' },
    ],
    interactions: [{ with: 'alcohol', severity: 'major', effect: 'More drowsiness.', action: 'Avoid alcohol.' }],
  }),
  drug('sertraline', { aliases: [{ name: 'Zoloft', kind: 'brand' }], classes: ['ssris'] }),
  drug('escitalopram', { aliases: [{ name: 'Lexapro', kind: 'brand' }], classes: ['ssris'] }),
  drug('ibuprofen', { aliases: [{ name: 'Advil', kind: 'brand' }], classes: ['nsaids'] }),
  drug('warfarin', { aliases: [{ name: 'Coumadin', kind: 'brand' }], classes: ['anticoagulants'] }),
  drug('acetaminophen', {
    aliases: [
      { name: 'paracetamol', kind: 'international' },
      { name: 'APAP', kind: 'abbreviation', match: 'exact-case' },
    ],
  }),
  drug('insulin-glargine', { name: 'Insulin glargine', aliases: [{ name: 'Lantus', kind: 'brand' }] }),
  drug('metoprolol', {
    aliases: [
      { name: 'Toprol-XL', kind: 'brand' },
      { name: 'metoprolol succinate', kind: 'salt' },
    ],
  }),
  drug('amoxicillin', {}),
  drug('amoxicillin-clavulanate', {
    name: 'Amoxicillin / clavulanate',
    aliases: [
      { name: 'Augmentin', kind: 'brand' },
      { name: 'co-amoxiclav', kind: 'international' },
    ],
  }),
  drug('tizanidine', { aliases: [{ name: 'Zanaflex', kind: 'brand' }] }),
];

export function sampleSources(drugs: DrugRecord[] = SAMPLE_DRUGS): KbSources {
  return {
    classes: [{ path: 'data/classes/core.json', text: JSON.stringify(SAMPLE_CLASSES) }],
    agents: [{ path: 'data/agents/core.json', text: JSON.stringify(SAMPLE_AGENTS) }],
    drugs: drugs.map((d) => ({ path: `data/drugs/${d.id}.json`, text: JSON.stringify(d) })),
  };
}

export const sampleKb = () => validateKnowledgeBase(sampleSources());
