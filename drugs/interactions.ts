/**
 * Interaction resolution. A rule is owned by a drug or a class and names a
 * target. Drugs A and B interact through a rule when A stands for the owner
 * and B for the target, or the other way round, so every interaction is found
 * from both sides whichever drug is asked first.
 */
import { computeMembership, type Membership } from './class-membership';
import { entitiesById, type Entity, type KnowledgeBase } from './knowledge-base';
import type { InteractionRule } from './schema';
import { SEVERITIES, type Severity } from './severity';

/** A rule together with the drug or class whose file it lives in. */
export type OwnedRule = InteractionRule & { owner: string };

/** An interaction between two specific drugs (or a drug and an agent). */
export type PairInteraction = {
  drugs: [string, string];
  severity: Severity;
  /** What happens, from the most severe rule. */
  summary: string;
  /** What to do, from the most severe rule. */
  action: string;
  /** Every rule that joins the pair, most severe first. */
  rules: OwnedRule[];
};

/** One line of a drug's interaction list: what it interacts with, and how. */
export type DrugInteraction = {
  /** The other side: a drug, a class or an agent. */
  other: Entity;
  severity: Severity;
  effect: string;
  action: string;
  /** Set when the rule reaches this drug through one of its classes. */
  via?: Entity;
};

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

const bySeverity = <T extends { severity: Severity }>(a: T, b: T) =>
  severityRank(a.severity) - severityRank(b.severity);

export type InteractionResolver = {
  /** Interactions among the given ids (drugs or agents), one per pair, most severe first. */
  between(ids: readonly string[]): PairInteraction[];
  /** Everything the drug interacts with, most severe first. */
  forDrug(id: string): DrugInteraction[];
};

export function allRules(kb: KnowledgeBase): OwnedRule[] {
  return [
    ...kb.classes.flatMap((c) => (c.interactions ?? []).map((r) => ({ ...r, owner: c.id }))),
    ...kb.agents.flatMap((a) => (a.interactions ?? []).map((r) => ({ ...r, owner: a.id }))),
    ...kb.drugs.flatMap((d) => d.interactions.map((r) => ({ ...r, owner: d.id }))),
  ];
}

export function createInteractionResolver(kb: KnowledgeBase): InteractionResolver {
  const membership: Membership = computeMembership(kb);
  const entities = entitiesById(kb);
  const rules = allRules(kb);
  const stands = (id: string, forId: string) => membership.get(id)?.has(forId) ?? false;

  const rulesForPair = (a: string, b: string): OwnedRule[] =>
    rules
      .filter(
        (r) => (stands(a, r.owner) && stands(b, r.with)) || (stands(b, r.owner) && stands(a, r.with)),
      )
      .sort(bySeverity);

  return {
    between(ids) {
      const unique = [...new Set(ids)];
      const pairs: PairInteraction[] = [];
      for (let i = 0; i < unique.length; i++) {
        for (let j = i + 1; j < unique.length; j++) {
          const joined = rulesForPair(unique[i], unique[j]);
          if (!joined.length) continue;
          const [a, b] = [unique[i], unique[j]].sort();
          pairs.push({
            drugs: [a, b],
            severity: joined[0].severity,
            summary: joined[0].effect,
            action: joined[0].action,
            rules: joined,
          });
        }
      }
      return pairs.sort((x, y) => bySeverity(x, y) || x.drugs.join().localeCompare(y.drugs.join()));
    },

    forDrug(id) {
      const result: DrugInteraction[] = [];
      const seen = new Set<string>();
      for (const rule of rules) {
        let otherId: string | undefined;
        let viaId: string | undefined;
        if (stands(id, rule.owner)) {
          otherId = rule.with;
          viaId = rule.owner;
        } else if (stands(id, rule.with)) {
          otherId = rule.owner;
          viaId = rule.with;
        }
        if (!otherId || otherId === id) continue;
        const key = `${otherId}|${rule.effect}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const other = entities.get(otherId);
        if (!other) continue; // validation guarantees every target exists
        result.push({
          other,
          severity: rule.severity,
          effect: rule.effect,
          action: rule.action,
          via: viaId && viaId !== id ? entities.get(viaId) : undefined,
        });
      }
      return result.sort((a, b) => bySeverity(a, b) || a.other.name.localeCompare(b.other.name));
    },
  };
}
