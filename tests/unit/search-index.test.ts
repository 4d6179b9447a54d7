/**
 * Side-panel search against the real knowledge base: what people type (names,
 * brands, misspellings, half-typed words, conditions) must find the medicine
 * they mean. Ranking rules that the real data cannot pin down use a tiny
 * in-memory knowledge base.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../drugs/knowledge-base';
import { createDrugSearch, type DrugSearch } from '../../drugs/search-index';
import { loadKnowledgeBase } from '../../scripts/lib/kb-source';
import { drug } from './helpers/sample-kb';

const kb = loadKnowledgeBase();
let search: DrugSearch;
beforeAll(() => {
  search = createDrugSearch(kb);
});

const ids = (query: string, n = 20) => search.search(query, n).map((h) => h.id);
const top = (query: string) => search.search(query, 1)[0];

describe('createDrugSearch on the real knowledge base', () => {
  it('finds nothing for a blank query or one without words', () => {
    for (const query of ['', '   ', '\n', '!!!', "'-"]) expect(search.search(query)).toEqual([]);
  });

  it('finds records by generic, brand and international name, saying which alias matched', () => {
    expect(top('baclofen')).toEqual({ id: 'baclofen', name: 'Baclofen', kind: 'drug', drugClass: expect.any(String) });
    expect(top('Zoloft')).toMatchObject({ id: 'sertraline', name: 'Sertraline', kind: 'drug', matched: 'Zoloft' });
    expect(top('lioresal')).toMatchObject({ id: 'baclofen', matched: 'Lioresal' });
    expect(top('paracetamol')).toMatchObject({ id: 'acetaminophen', matched: 'paracetamol' });
    expect(top('salbutamol')).toMatchObject({ id: 'albuterol', matched: 'salbutamol' });
    // The display name matched: nothing else to show.
    expect(top('Sertraline').matched).toBeUndefined();
  });

  it.each([
    ['baclophen', 'baclofen'],
    ['sertaline', 'sertraline'],
    ['ibuprophen', 'ibuprofen'],
    ['metphormin', 'metformin'],
    ['amoxicilin', 'amoxicillin'],
  ])('corrects the misspelling %s to %s', (query, id) => {
    expect(top(query)).toMatchObject({ id });
    // A misspelling of the generic name shows the generic name, not a rarer alias it is also close to.
    expect(top(query).matched).toBeUndefined();
  });

  it('completes a name while it is typed', () => {
    for (const typed of ['sert', 'sertr', 'sertra', 'sertral', 'sertraline']) expect(top(typed).id).toBe('sertraline');
    const zol = search.search('Zol', 3);
    expect(zol.map((h) => h.id)).toEqual(expect.arrayContaining(['sertraline', 'zolpidem']));
    expect(zol.find((h) => h.id === 'sertraline')?.matched).toBe('Zoloft');
  });

  it('finds brands written with or without their hyphen', () => {
    for (const query of ['Toprol-XL', 'toprol xl', 'toprolxl'])
      expect(top(query)).toMatchObject({ id: 'metoprolol', matched: 'Toprol-XL' });
  });

  it('finds medicines by condition or use', () => {
    expect(ids('spasticity', 2).sort()).toEqual(['baclofen', 'tizanidine']);
    // The top hits for heartburn are acid reducers (proton pump inhibitors, famotidine).
    const acidReducers = kb.drugs.filter((d) => d.classes.includes('proton-pump-inhibitors') || d.id === 'famotidine').map((d) => d.id);
    expect(acidReducers.length).toBeGreaterThan(3);
    for (const id of ids('heartburn', 3)) expect(acidReducers, id).toContain(id);
    // Every one of the top hits is a blood thinner (anticoagulant), whichever comes first.
    const anticoagulants = kb.drugs.filter((d) => d.classes.includes('anticoagulants')).map((d) => d.id);
    expect(anticoagulants.length).toBeGreaterThan(3);
    for (const id of ids('blood thinner', 3)) expect(anticoagulants, id).toContain(id);
    expect(ids('blood thinner', 10)).toEqual(expect.arrayContaining(['apixaban', 'warfarin']));
    expect(top('spasticity').matched).toBe('spasticity');
    expect(top('blood thinner').matched).toBe('blood thinner');
  });

  it('ranks medicines for high blood pressure above those for high blood pressure in the lungs', () => {
    const found = ids('high blood pressure', 80);
    expect(found.slice(0, 12)).toContain('lisinopril');
    expect(found.slice(0, 12)).not.toContain('sildenafil');
    for (const id of ['lisinopril', 'amlodipine', 'losartan', 'metoprolol', 'hydrochlorothiazide']) {
      expect(found.indexOf(id), id).toBeGreaterThanOrEqual(0);
      // Sildenafil (high blood pressure in the lungs) may not appear at all; if it does, it comes after.
      if (found.includes('sildenafil')) expect(found.indexOf(id), id).toBeLessThan(found.indexOf('sildenafil'));
    }
    // Still typing the last word.
    expect(ids('high blood pres', 12)).toContain('lisinopril');
  });

  it('puts a name match above medicines that only mention the word', () => {
    // Some records' benefits mention ibuprofen (stomach protection); baclofen's, alcohol use disorder.
    const [first, second] = ids('ibuprofen', 2);
    expect(first).toBe('ibuprofen');
    expect(JSON.stringify(kb.drugs.find((d) => d.id === second)!.benefits).toLowerCase()).toContain('ibuprofen');
    expect(ids('alcohol')[0]).toBe('alcohol');
    expect(search.search('alcohol').find((h) => h.id === 'baclofen')).toMatchObject({ kind: 'drug', matched: 'alcohol' });
  });

  it('finds agents: foods, substances, supplements and drugs without a record', () => {
    expect(top('grapefruit')).toEqual({ id: 'grapefruit', name: 'Grapefruit and grapefruit juice', kind: 'agent', drugClass: 'food' });
    expect(top('alcohol')).toMatchObject({ id: 'alcohol', kind: 'agent', drugClass: 'substance' });
    expect(top('Tikosyn')).toMatchObject({ id: 'dofetilide', kind: 'agent', matched: 'Tikosyn' });
    expect(top('Lanoxin')).toMatchObject({ id: 'digoxin', kind: 'drug', matched: 'Lanoxin' });
    for (const query of ["St John's wort", 'st johns wort', 'St John’s', 'hypericum']) expect(top(query).id, query).toBe('st-johns-wort');
    // An agent's name can carry a description; its words are uses, not names.
    expect(top('coffee')).toMatchObject({ id: 'caffeine', matched: 'coffee' });
  });

  it('does not let a class name stand for its listed examples or for what its members must avoid', () => {
    // "Dihydropyridine calcium channel blockers (such as amlodipine, nifedipine, ...)": not a use of amlodipine.
    expect(ids('nifedipine')).not.toContain('amlodipine');
    expect(ids('amlodipine')).toEqual(['amlodipine']);
    // "Medicines whose labeling forbids MAO inhibitors" holds SSRIs; they are not MAO inhibitors.
    const mao = ids('MAO inhibitors');
    expect(mao).toEqual(expect.arrayContaining(['phenelzine', 'selegiline']));
    expect(mao).not.toContain('sertraline');
  });

  it('ignores ordinary words: no use matches for "the" or "and", only names that start with them', () => {
    for (const query of ['the', 'and', 'of the', 'with and']) {
      const last = query.split(' ').pop()!;
      for (const hit of search.search(query)) {
        expect((hit.matched ?? hit.name).toLowerCase().split(/[^a-z0-9]+/), `${query}: ${hit.id}`).toEqual(
          expect.arrayContaining([expect.stringMatching(new RegExp(`^${last}`))]),
        );
      }
    }
    // "and" alone finds only names that start with it (AndroGel), never a use.
    for (const hit of search.search('and')) expect((hit.matched ?? hit.name).toLowerCase()).toMatch(/^and/);
    expect(ids('pain and')).toEqual(ids('pain'));
  });

  it('returns one hit per id, best first, within the limit', () => {
    for (const query of ['a', 's', 'sertraline', 'high blood pressure', 'Zol', 'pain']) {
      const hits = search.search(query, 10);
      expect(hits.length, query).toBeLessThanOrEqual(10);
      expect(new Set(hits.map((h) => h.id)).size, query).toBe(hits.length);
    }
    expect(search.search('s').length).toBe(20);
  });
});

describe('createDrugSearch ranking rules', () => {
  const kbOf = (kb: Partial<KnowledgeBase>): KnowledgeBase => ({ drugs: [], classes: [], agents: [], ...kb });

  it('ranks an exact or prefix name match above a fuzzy one, however rare the fuzzy one', () => {
    // Many names share "metformin", so it weighs little; "Metvor" is unique and one letter off "metfor".
    const salts = ['extended release', 'ER', 'XR', 'hydrochloride', 'HCl', 'oral solution', 'tablets', 'liquid'];
    const s = createDrugSearch(
      kbOf({
        drugs: [drug('metvor'), drug('metformin', { aliases: salts.map((x) => ({ name: `metformin ${x}`, kind: 'salt' as const })) })],
      }),
    );
    expect(s.search('metfor').map((h) => h.id)).toEqual(['metformin', 'metvor']);
  });

  it('ranks a record above an agent when they match equally', () => {
    const kb = kbOf({
      agents: [{ id: 'abe', name: 'Abe', kind: 'drug', aliases: [{ name: 'Samename', kind: 'brand' }] }],
      drugs: [drug('zed', { aliases: [{ name: 'Samename', kind: 'brand' }] })],
    });
    expect(createDrugSearch(kb).search('samename')).toEqual([
      { id: 'zed', name: 'Zed', kind: 'drug', drugClass: 'Test class', matched: 'Samename' },
      { id: 'abe', name: 'Abe', kind: 'agent', drugClass: 'drug', matched: 'Samename' },
    ]);
  });

  it('searches uses by prefix only from the third letter, and still matches a short word in uses exactly', () => {
    const kb = kbOf({
      drugs: [
        drug('alpha', { benefits: [{ text: 'Hypertension in adults.', offLabel: false }] }),
        drug('beta', { benefits: [{ text: 'MS relapses.', offLabel: false }] }),
        drug('hyoscine'),
      ],
    });
    const s = createDrugSearch(kb);
    // "hy" starts a name and a use: only the name is offered.
    expect(s.search('hy').map((h) => h.id)).toEqual(['hyoscine']);
    expect(s.search('hyp').map((h) => h.id)).toEqual(['alpha']);
    expect(s.search('ms').map((h) => h.id)).toEqual(['beta']);
  });

  it('finds members of a class by the names of the classes that include it', () => {
    const kb = kbOf({
      classes: [
        { id: 'blood-thinners', name: 'Blood thinners (such as warfarin)', aliases: ['anticoagulants'], includes: ['vka'] },
        { id: 'vka', name: 'Vitamin K antagonists' },
      ],
      drugs: [drug('warfarin', { classes: ['vka'] }), drug('other')],
    });
    const s = createDrugSearch(kb);
    expect(s.search('blood thinner').map((h) => h.id)).toEqual(['warfarin']);
    expect(s.search('anticoagulant').map((h) => h.id)).toEqual(['warfarin']);
    expect(s.search('vitamin k antagonist')[0]).toMatchObject({ id: 'warfarin', matched: 'vitamin k antagonists' });
  });
});
