/**
 * Checks on the real knowledge base in data/: it validates, covers the target
 * list, and cites only real source pages (ids from shared/vocab).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMembership, standsFor } from '../../drugs/class-membership';
import { allRules, createInteractionResolver } from '../../drugs/interactions';
import { compileNameIndex, nameKey } from '../../drugs/name-index';
import { nameEntriesOf, recordNameCount } from '../../drugs/name-entries';
import { READING_GRADE_AIM, recordReadability } from '../../drugs/readability';
import { renderReviewList } from '../../drugs/review-list';
import { detectInText } from '../../drugs/text-detection';
import { loadKnowledgeBase, loadMisspellingExclusions, PROJECT_ROOT } from '../../scripts/lib/kb-source';

const kb = loadKnowledgeBase();
const resolver = createInteractionResolver(kb);
const SHARED = join(PROJECT_ROOT, '..', 'shared');

function targetDrugs(): string[] {
  const path = join(SHARED, 'target-drugs.txt');
  if (!existsSync(path)) throw new Error(`${path} is missing: the knowledge-base tests need shared/ beside the repository`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** The first CSV column of every row (ids and URLs never contain commas). */
function firstColumn(file: string): Set<string> {
  return new Set(
    readFileSync(join(SHARED, 'vocab', file), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0].trim())
      .filter(Boolean),
  );
}

/** A target line ("a / b" for combinations) is covered by a record whose id, name or alias matches. */
function findRecord(target: string) {
  // "insulin isophane (NPH)": the words in brackets are another name, not part of this one.
  const parts = target
    .replace(/\([^)]*\)/g, '')
    .split('/')
    .map((p) => nameKey(p));
  return kb.drugs.find((d) => {
    const names = [d.id, d.name, ...d.aliases.map((a) => a.name)].map(nameKey);
    if (parts.length === 1) return names.includes(parts[0]);
    return parts.every((p) => nameKey(`${d.id} ${d.name}`).includes(p));
  });
}

describe('knowledge base content', () => {
  it('has a complete record for every target drug', () => {
    const targets = targetDrugs();
    expect(targets.length).toBeGreaterThan(330);
    expect(targets.filter((t) => !findRecord(t))).toEqual([]);
  });

  it('gives every record benefits, risks, interactions, sources and a review date', () => {
    for (const d of kb.drugs) {
      // A herbal supplement has no approved use: it says what it is, and every use is marked as not approved.
      if (!/supplement/i.test(d.drugClass))
        expect.soft(d.benefits.filter((b) => !b.offLabel).length, `${d.id}: approved uses`).toBeGreaterThan(0);
      expect.soft(d.risks.common.length + d.risks.serious.length, `${d.id}: risks`).toBeGreaterThan(1);
      // What a reader sees: the record's own rules and the class rules that reach it,
      // or, where the labeling lists none of importance, a statement saying so.
      expect.soft(resolver.forDrug(d.id).length > 0 || Boolean(d.interactionsNote), `${d.id}: interactions`).toBe(true);
      expect.soft(d.reviewed, `${d.id}: reviewed`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('cites only MedlinePlus ids and NHS pages listed in shared/vocab, and the DailyMed search for the generic name', () => {
    const medline = firstColumn('medlineplus-drugs.csv');
    const medlineNames = readFileSync(join(SHARED, 'vocab', 'medlineplus-drugs.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => nameKey(l.split(',')[1] ?? ''));
    const nhs = firstColumn('nhs-medicines.csv');
    for (const d of kb.drugs) {
      for (const { url } of d.sources) {
        const medlineId = url.match(/^https:\/\/medlineplus\.gov\/druginfo\/meds\/(a\d{6})\.html$/)?.[1];
        if (medlineId) {
          expect.soft(medline.has(medlineId), `${d.id}: ${url}`).toBe(true);
        } else if (url.startsWith('https://www.nhs.uk/')) {
          expect.soft(nhs.has(url), `${d.id}: ${url}`).toBe(true);
        } else {
          // The generic name, as DailyMed spells it ("amoxicillin and clavulanate potassium"),
          // or one of the record's other generic names (vitamin D: ergocalciferol, cholecalciferol).
          const query = nameKey(new URL(url).searchParams.get('query') ?? '').split(' ');
          const generics = [d.name, ...d.aliases.filter((a) => a.kind !== 'brand' && a.kind !== 'past-brand').map((a) => a.name)];
          expect
            .soft(
              generics.some((name) =>
                nameKey(name)
                  .split(' ')
                  .every((w) => query.includes(w)),
              ),
              `${d.id}: ${url}`,
            )
            .toBe(true);
        }
      }
      expect
        .soft(
          d.sources.some((s) => s.url.includes('dailymed.nlm.nih.gov')),
          `${d.id}: DailyMed source`,
        )
        .toBe(true);
      // MedlinePlus wherever the vocabulary has a page for the drug (tirzepatide, say, has none).
      if (medlineNames.some((n) => n.startsWith(nameKey(d.name)))) {
        expect
          .soft(
            d.sources.some((s) => s.url.includes('medlineplus.gov')),
            `${d.id}: MedlinePlus source`,
          )
          .toBe(true);
      }
    }
  });

  it(`keeps summaries and benefits at reading grade ${READING_GRADE_AIM} or lower`, () => {
    for (const d of kb.drugs) {
      const grades = recordReadability(d);
      expect.soft(grades.summary, `${d.id}: summary grade`).toBeLessThanOrEqual(READING_GRADE_AIM);
      expect.soft(grades.benefits, `${d.id}: benefits grade`).toBeLessThanOrEqual(READING_GRADE_AIM);
    }
  });

  it('marks every boxed warning with its topic and keeps off-label uses after approved ones', () => {
    for (const d of kb.drugs) {
      for (const w of d.risks.boxedWarnings) expect.soft(w, d.id).toMatch(/^[^:]{3,90}:/);
      const firstOff = d.benefits.findIndex((b) => b.offLabel);
      if (firstOff >= 0)
        expect
          .soft(
            d.benefits.slice(firstOff).every((b) => b.offLabel),
            d.id,
          )
          .toBe(true);
    }
  });
});

describe('knowledge base behaviour', () => {
  it('finds no drug name in a few thousand words of ordinary English prose', () => {
    const prose = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/text/ordinary-prose.txt'), 'utf8');
    expect(prose.split(/\s+/).length).toBeGreaterThan(2500);
    // As the extension reads it: names that need a medical context, and probable misspellings, included.
    const index = compileNameIndex(nameEntriesOf(kb), { misspellingExclusions: loadMisspellingExclusions() });
    expect(detectInText(index, prose).map((m) => m.text)).toEqual([]);
  });

  it('finds every interaction from both sides', () => {
    const ids = kb.drugs.map((d) => d.id);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const forward = resolver.between([ids[i], ids[j]]);
        const backward = resolver.between([ids[j], ids[i]]);
        if (JSON.stringify(forward) !== JSON.stringify(backward)) expect.soft(backward, `${ids[i]} + ${ids[j]}`).toEqual(forward);
      }
    }
  });

  it('expands every class rule to the records that belong to its classes', () => {
    const membership = computeMembership(kb);
    const recordsIn = (id: string) => kb.drugs.filter((d) => standsFor(membership, d.id, id)).map((d) => d.id);
    let checked = 0;
    for (const rule of allRules(kb).filter((r) => kb.classes.some((c) => c.id === r.owner))) {
      for (const a of recordsIn(rule.owner)) {
        for (const b of recordsIn(rule.with)) {
          if (a === b) continue;
          const pair = resolver.between([a, b]);
          expect
            .soft(
              pair.flatMap((p) => p.rules).some((r) => r.effect === rule.effect),
              `${rule.owner} rule on ${a} + ${b}`,
            )
            .toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('keeps data/REVIEW.md in sync with the review notes (npm run -s review-list)', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'data/REVIEW.md'), 'utf8')).toBe(renderReviewList(kb));
  });

  it('states the current coverage in the README', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const stated = (label: string) => Number(readme.match(new RegExp(`\\*\\*([\\d,]+) ${label}\\*\\*`))?.[1].replace(',', ''));
    expect(stated('drugs')).toBe(kb.drugs.length);
    expect(stated('names')).toBe(recordNameCount(kb));
    expect(stated('interaction rules')).toBe(allRules(kb).length);
  });
});
