/**
 * Every contraindication a record states in `risks.avoidIf` that names another
 * medicine, an agent or a class must be backed by an interaction rule, or a
 * reader checking the pair would be told nothing while the record itself says
 * "do not take it with...". Pure: the knowledge-base tests run it, and
 * `npm run -s validate` could report it too.
 */
import { computeMembership } from './class-membership';
import { severityRank, type InteractionResolver } from './interactions';
import type { KnowledgeBase } from './knowledge-base';
import { findMatches } from './match';
import { compileNameIndex, type NameEntry } from './name-index';

/** Allergy items name a drug without being about taking it with another. */
const ALLERGY = /\ballerg|\bhypersensitiv|\breaction to\b/i;

export type UnbackedContraindication = {
  drug: string;
  /** `risks.avoidIf[i]` */
  field: string;
  /** The words in the item that name the other side. */
  text: string;
  /** The drug, agent or class they name. */
  target: string;
};

/** Names of records, agents and classes (by their `aliases`), as the matcher sees them. */
function entityNames(kb: KnowledgeBase): NameEntry[] {
  return [
    ...kb.drugs.flatMap((d) => [
      ...(d.nameContext ? [] : [{ name: d.name, drug: d.id }]),
      // Names that are also ordinary words ("calcium" in "low blood calcium") name no medicine here.
      ...d.aliases
        .filter((a) => a.match !== 'none' && !a.ambiguous && !a.context)
        .map((a) => ({ name: a.name, drug: d.id, match: a.match })),
    ]),
    ...kb.agents.flatMap((a) => [a.name, ...(a.aliases ?? []).map((x) => x.name)].map((name) => ({ name, drug: a.id }))),
    ...kb.classes.flatMap((c) => (c.aliases ?? []).map((name) => ({ name, drug: c.id }))),
  ];
}

export function findUnbackedContraindications(kb: KnowledgeBase, resolver: InteractionResolver): UnbackedContraindication[] {
  const index = compileNameIndex(entityNames(kb));
  const membership = computeMembership(kb);
  const classIds = new Set(kb.classes.map((c) => c.id));
  // A class C is covered by a rule about C or about any class that includes C.
  const includers = new Map<string, Set<string>>();
  for (const c of kb.classes) for (const child of c.includes ?? []) includers.set(child, (includers.get(child) ?? new Set()).add(c.id));
  const classAndAncestors = (id: string, into = new Set<string>()): Set<string> => {
    if (into.has(id)) return into;
    into.add(id);
    for (const parent of includers.get(id) ?? []) classAndAncestors(parent, into);
    return into;
  };
  const serious = (s: Parameters<typeof severityRank>[0]) => severityRank(s) <= severityRank('major');

  const unbacked: UnbackedContraindication[] = [];
  for (const drug of kb.drugs) {
    const lines = resolver.forDrug(drug.id);
    const own = membership.get(drug.id);
    drug.risks.avoidIf.forEach((item, i) => {
      if (ALLERGY.test(item)) return;
      for (const match of findMatches(index, item)) {
        const target = match.drug;
        if (target === drug.id || own?.base.has(target)) continue; // the drug itself, or "another NSAID" in an NSAID
        const backed = classIds.has(target)
          ? lines.some((l) => classAndAncestors(target).has(l.other.id) && serious(l.severity))
          : resolver.between([drug.id, target]).some((p) => serious(p.severity));
        if (!backed) unbacked.push({ drug: drug.id, field: `risks.avoidIf[${i}]`, text: match.text, target });
      }
    });
  }
  return unbacked;
}
