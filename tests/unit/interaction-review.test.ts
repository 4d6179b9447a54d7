/**
 * What a pharmacist's review of the interaction model found (issue 6), checked
 * on the real knowledge base: the most specific rule speaks, aspirin's two
 * doses read right, grades reach only the drugs whose labeling supports them,
 * moderate CYP3A4 inhibitors exist, contraindications have rules, agents are
 * resolvable and joined, and review notes point at things that exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standsFor, computeMembership } from '../../drugs/class-membership';
import { findUnbackedContraindications } from '../../drugs/contraindication-check';
import { allRules, createInteractionResolver, severityRank, type PairInteraction } from '../../drugs/interactions';
import { createNameResolver } from '../../drugs/name-entries';
import type { Severity } from '../../drugs/schema';
import { loadKnowledgeBase, PROJECT_ROOT } from '../../scripts/lib/kb-source';

const kb = loadKnowledgeBase();
const resolver = createInteractionResolver(kb);
const membership = computeMembership(kb);
const classIds = new Set(kb.classes.map((c) => c.id));
const drugRecord = (id: string) => kb.drugs.find((d) => d.id === id)!;

const pair = (a: string, b: string): PairInteraction => {
  const [found] = resolver.between([a, b]);
  expect(found, `${a} + ${b}: no interaction`).toBeDefined();
  return found;
};
const atLeast = (severity: Severity, floor: Severity) => severityRank(severity) <= severityRank(floor);

describe('the most specific rule speaks', () => {
  const direct = allRules(kb).filter((r) => !classIds.has(r.owner) && !classIds.has(r.with));

  it('for every pair a rule names directly, that rule (or another naming both) is the text shown', () => {
    expect(direct.length).toBeGreaterThan(100);
    for (const rule of direct) {
      const p = pair(rule.owner, rule.with);
      const directTexts = direct
        .filter((r) => [r.owner, r.with].sort().join() === [rule.owner, rule.with].sort().join())
        .map((r) => r.effect);
      expect.soft(directTexts, `${rule.owner} + ${rule.with}`).toContain(p.summary);
      // Nothing is dropped: every rule's text is shown, as the headline or under it.
      expect.soft([p.summary, ...p.also.map((a) => a.effect)], `${rule.owner} + ${rule.with}`).toContain(rule.effect);
    }
  });

  it.each([
    ['aspirin', 'ticagrelor'],
    ['aspirin', 'ibuprofen'],
    ['aspirin', 'naproxen'],
    ['duloxetine', 'fluvoxamine'],
    ['citalopram', 'escitalopram'],
    ['cyclobenzaprine', 'tramadol'],
    ['carbamazepine', 'diltiazem'],
    ['phenytoin', 'trazodone'],
    ['alcohol', 'aspirin'],
  ])('%s + %s shows its own rule, not a class rule', (a, b) => {
    const p = pair(a, b);
    const own = direct.filter((r) => [r.owner, r.with].sort().join() === [a, b].sort().join());
    expect(own.length, 'a rule names both').toBeGreaterThan(0);
    expect(own.map((r) => r.effect)).toContain(p.summary);
  });

  it('shows the grade of the most severe rule that applies to the pair', () => {
    for (const p of resolver.between(kb.drugs.map((d) => d.id))) {
      const worst = p.rules.reduce((w, r) => (severityRank(r.severity) < severityRank(w) ? r.severity : w), p.rules[0].severity);
      if (p.severity !== worst) expect.soft(p.severity, p.drugs.join(' + ')).toBe(worst);
    }
  });

  it("aspirin + ticagrelor leads with ticagrelor's boxed warning (aspirin 100 mg a day or less)", () => {
    expect(pair('aspirin', 'ticagrelor').summary).toMatch(/100 mg/);
  });
});

describe('aspirin at two doses', () => {
  it('with clopidogrel, reads as intended dual antiplatelet therapy; the NSAID warning holds at pain-relief doses', () => {
    const p = pair('aspirin', 'clopidogrel');
    expect(p.summary).toMatch(/antiplatelet/i);
    expect(p.action).toMatch(/heart doctor/i);
    expect(p.dose).toBeUndefined();
    const nsaid = p.also.find((a) => a.dose?.dose === 'pain-relief');
    expect(nsaid?.effect).toMatch(/ulcer|bleed/i);
  });

  it('is an NSAID only at pain-relief doses', () => {
    expect(membership.get('aspirin')!.base.has('nsaids')).toBe(false);
    expect(
      membership
        .get('aspirin')!
        .doses.find((d) => d.dose.id === 'pain-relief')!
        .reach.has('nsaids'),
    ).toBe(true);
    expect(membership.get('aspirin')!.base.has('antiplatelets')).toBe(true);
  });

  it('the ibuprofen timing advice is marked as being about low-dose aspirin', () => {
    const p = pair('aspirin', 'ibuprofen');
    expect(p.dose?.dose).toBe('low-dose');
    expect(p.dose?.label).toMatch(/low-dose aspirin/);
  });
});

describe('grades reach only the drugs whose labeling supports them', () => {
  it.each([
    ['ondansetron', 'phenelzine'],
    ['lithium', 'phenelzine'],
  ])('%s + %s is not contraindicated', (a, b) => {
    expect(pair(a, b).severity).not.toBe('contraindicated');
  });

  it.each([
    ['sertraline', 'sumatriptan'],
    ['sertraline', 'ondansetron'],
    ['sertraline', 'buspirone'],
    ['escitalopram', 'sumatriptan'],
  ])('%s + %s is graded monitor (moderate), not major', (a, b) => {
    expect(pair(a, b).severity).toBe('moderate');
  });

  it('the low-tyramine diet warning reaches only the MAO inhibitors whose labeling asks for it', () => {
    expect(pair('phenelzine', 'tyramine-rich-foods').severity).toBe('major');
    expect(resolver.between(['rasagiline', 'tyramine-rich-foods'])).toEqual([]);
    expect(resolver.between(['methylene-blue', 'tyramine-rich-foods'])).toEqual([]);
  });

  it('digoxin + a drug whose labeling asks to cut the digoxin dose is major; a milder raiser stays moderate', () => {
    expect(pair('digoxin', 'verapamil').severity).toBe('major');
    expect(pair('azithromycin', 'digoxin').severity).toBe('moderate');
  });

  it('an SSRI with an MAO inhibitor stays contraindicated', () => {
    expect(pair('sertraline', 'phenelzine').severity).toBe('contraindicated');
  });

  it('rules whose words say "not recommended" or "do not take together" are graded major or contraindicated', () => {
    const strongWords = /\bnot recommended\b|\bdo not (take|use|combine)\b[^.]*\btogether\b|\bdo not combine\b/i;
    for (const r of allRules(kb)) {
      if (strongWords.test(`${r.effect} ${r.action}`))
        expect.soft(r.severity, `${r.owner} + ${r.with}: ${r.action}`).toMatch(/^(major|contraindicated)$/);
    }
  });

  it('tramadol + carbamazepine ("not recommended") is major', () => {
    expect(atLeast(pair('tramadol', 'carbamazepine').severity, 'major')).toBe(true);
  });
});

describe('moderate CYP3A4 inhibitors', () => {
  it('exist as a class with diltiazem, verapamil, fluconazole and erythromycin', () => {
    expect(classIds.has('moderate-cyp3a4-inhibitors')).toBe(true);
    for (const id of ['diltiazem', 'verapamil', 'fluconazole', 'erythromycin']) {
      expect.soft(standsFor(membership, id, 'moderate-cyp3a4-inhibitors'), id).toBe(true);
    }
  });

  it("grapefruit is joined where labeling names it, not through the class (its strength varies with the amount, and amlodipine's label finds no effect)", () => {
    expect(standsFor(membership, 'grapefruit', 'moderate-cyp3a4-inhibitors')).toBe(false);
    expect(resolver.between(['amlodipine', 'grapefruit'])).toEqual([]);
    for (const id of ['simvastatin', 'atorvastatin']) expect.soft(resolver.between([id, 'grapefruit']), id).toHaveLength(1);
  });

  it.each(['oxycodone', 'hydrocodone-acetaminophen', 'oxycodone-acetaminophen', 'tramadol'])(
    '%s is joined with fluconazole, diltiazem and verapamil (opioid boxed warning)',
    (opioid) => {
      for (const inhibitor of ['fluconazole', 'diltiazem', 'verapamil']) {
        expect
          .soft(
            resolver.between([opioid, inhibitor]).some((p) => atLeast(p.severity, 'major')),
            `${opioid} + ${inhibitor}`,
          )
          .toBe(true);
      }
    },
  );

  it.each([
    ['apixaban', 'diltiazem'],
    ['rivaroxaban', 'diltiazem'],
    ['rivaroxaban', 'verapamil'],
    ['simvastatin', 'diltiazem'],
    ['simvastatin', 'verapamil'],
  ])('%s + %s has a rule', (a, b) => {
    expect(resolver.between([a, b])).toHaveLength(1);
  });
});

describe('contraindications have rules', () => {
  it('hydrochlorothiazide + dofetilide is contraindicated (Tikosyn labeling)', () => {
    expect(pair('hydrochlorothiazide', 'dofetilide').severity).toBe('contraindicated');
  });

  it('every avoidIf item that names a drug, agent or class has a rule at major or contraindicated', () => {
    expect(findUnbackedContraindications(kb, resolver)).toEqual([]);
  });
});

describe('agents are drugs too', () => {
  const resolve = createNameResolver(kb);

  it.each([
    ['rifampicin', 'rifampin'],
    ['Flagyl', 'metronidazole'],
    ['Lanoxin', 'digoxin'],
    ['Cordarone', 'amiodarone'],
    ['Biaxin', 'clarithromycin'],
    ['Tikosyn', 'dofetilide'],
  ])('the tools resolve %s to %s', (name, id) => {
    expect(resolve(name)).toEqual({ kind: 'found', id });
  });

  it('drug agents carry their common names, and those names are never highlighted', () => {
    const drugAgents = kb.agents.filter((a) => a.kind === 'drug');
    const named = drugAgents.filter((a) => (a.aliases ?? []).length > 0);
    expect(named.length / drugAgents.length).toBeGreaterThan(0.7);
  });

  it.each([
    ['digoxin', 'amiodarone'],
    ['metronidazole', 'alcohol'],
    ['colchicine', 'clarithromycin'],
  ])('%s + %s is joined at major or above', (a, b) => {
    expect(atLeast(pair(a, b).severity, 'major')).toBe(true);
  });
});

describe('smaller corrections from the review', () => {
  const text = (id: string) => JSON.stringify(drugRecord(id).risks);

  it("Mydayis's age limit is not presented as a benefit", () => {
    for (const b of drugRecord('amphetamine-dextroamphetamine').benefits) expect.soft(b.text).not.toMatch(/Mydayis/);
  });

  it('the IV meloxicam product is not presented as a current brand', () => {
    const anjeso = drugRecord('meloxicam').aliases.find((a) => a.name === 'Anjeso');
    if (anjeso) expect(anjeso.kind).toBe('past-brand');
  });

  it("thyroxine is never highlighted, and levothyroxine's review notes say so", () => {
    const record = drugRecord('levothyroxine');
    expect(record.aliases.find((a) => a.name.toLowerCase() === 'thyroxine')?.match).toBe('none');
    const notes = record.reviewNotes.filter(
      (n) => /thyroxine\b/i.test(`${n.fact} ${n.settled}`) && /highlight|match/i.test(`${n.fact} ${n.settled}`),
    );
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes)
      expect
        .soft(`${n.fact} ${n.settled}`)
        .toMatch(/not (be )?highlighted|never (be )?highlighted|match(es)? nothing|"none"|never matche/i);
  });

  it('warfarin lists calciphylaxis; the PPIs list fundic gland polyps; ibuprofen and naproxen list high potassium', () => {
    expect(text('warfarin')).toMatch(/calciphylaxis/i);
    for (const id of ['omeprazole', 'pantoprazole']) expect.soft(text(id), id).toMatch(/fundic gland polyps/i);
    for (const id of ['ibuprofen', 'naproxen']) expect.soft(text(id), id).toMatch(/potassium/i);
  });

  it('levetiracetam is a CNS depressant', () => {
    expect(standsFor(membership, 'levetiracetam', 'cns-depressants')).toBe(true);
  });

  it('alprazolam + fluoxetine has a rule (fluoxetine raises alprazolam levels)', () => {
    expect(pair('alprazolam', 'fluoxetine').summary).toMatch(/alprazolam/i);
  });
});

describe('review notes', () => {
  const ids = new Set([...kb.drugs.map((d) => d.id), ...kb.classes.map((c) => c.id), ...kb.agents.map((a) => a.id)]);
  // Hyphenated words that name a class or target by id rather than ordinary hyphenated English.
  const ID_LIKE =
    /\b[a-z0-9]+(?:-[a-z0-9]+)*-(?:inhibitors|blockers|drugs|diuretics|antidiabetics|agonists|ccbs|supplements|foods|substitutes|contraceptives|hormones|depressants|antidepressants|binders|antihistamines|relaxants|inducers|sequestrants|vaccines|anesthetics|antibiotics)\b(?!\.csv)/g;

  it('name only files and ids that exist', () => {
    let checked = 0;
    for (const d of kb.drugs) {
      for (const note of d.reviewNotes) {
        const words = `${note.fact} ${note.settled}`;
        for (const path of words.match(/\bdata\/[\w./-]+\.json\b/g) ?? []) {
          expect.soft(existsSync(join(PROJECT_ROOT, path)), `${d.id}: ${path}`).toBe(true);
          checked++;
        }
        // "x (data/classes/y.json)": x is defined in that file.
        for (const [, id, path] of words.matchAll(/\b([a-z0-9]+(?:-[a-z0-9]+)*) \((data\/(?:classes|agents)\/[\w-]+\.json)\)/g)) {
          // Only words that are ids, or look like one (hyphenated): "was added (data/...)" names no id.
          if (!ids.has(id) && !id.includes('-')) continue;
          const defined = existsSync(join(PROJECT_ROOT, path)) && readFileSync(join(PROJECT_ROOT, path), 'utf8').includes(`"id": "${id}"`);
          expect.soft(defined, `${d.id}: review note says ${id} is in ${path}`).toBe(true);
        }
        for (const sentence of words.split(/(?<=\.)\s+/)) {
          // "There is no X agent": stale once X exists.
          for (const [, id] of sentence.matchAll(/\b(?:is|are) no '?([a-z][a-z0-9-]*)'? (?:agent|class)\b/g)) {
            expect.soft(ids.has(id), `${d.id}: review note says there is no "${id}", but there is`).toBe(false);
          }
          // A sentence that places an agent or class in one data file: it is defined there.
          const paths = sentence.match(/\bdata\/(?:agents|classes)\/[\w-]+\.json\b/g) ?? [];
          if (paths.length !== 1) continue;
          const named = [...sentence.matchAll(/'([a-z0-9-]+)'|"([a-z0-9-]+)"|\b([a-z0-9-]+) (?:agent|class)\b/g)]
            .map((m) => m[1] ?? m[2] ?? m[3])
            .filter((id) => (paths[0].startsWith('data/agents/') ? kb.agents.some((a) => a.id === id) : classIds.has(id)));
          const file = readFileSync(join(PROJECT_ROOT, paths[0]), 'utf8');
          for (const id of named)
            expect.soft(file.includes(`"id": "${id}"`), `${d.id}: review note places ${id} in ${paths[0]}`).toBe(true);
        }
        for (const id of words.match(ID_LIKE) ?? []) {
          expect.soft(ids.has(id), `${d.id}: review note names "${id}"`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
