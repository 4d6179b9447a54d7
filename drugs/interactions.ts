/**
 * Interaction resolution. A rule is owned by a drug, a class or an agent and
 * names a target. Drugs A and B interact through a rule when A stands for the
 * owner and B for the target, or the other way round, so every interaction is
 * found from both sides whichever drug is asked first.
 *
 * When several rules join the same pair, the most specific one speaks (see
 * `data/README.md`, "How interactions resolve"):
 * - a rule that names the drug itself is more specific than one reached
 *   through a class, and a narrower class more specific than a broader one;
 * - the reader sees the most specific rule's text at the most severe grade of
 *   all the rules that apply, and every other distinct rule under it, so
 *   nothing is dropped.
 */
import { computeMembership, type Membership } from './class-membership';
import { entitiesById, type Entity, type KnowledgeBase } from './knowledge-base';
import type { InteractionRule } from './schema';
import { SEVERITIES, type Severity } from './severity';

/** A rule together with the drug, class or agent whose file it lives in. */
export type OwnedRule = InteractionRule & { owner: string };

/** The rule holds only at one dose of one drug (low-dose aspirin, say). */
export type DoseNote = { drug: string; dose: string; label: string };

/** One rule's advice, as readers see it. */
export type RuleAdvice = {
  severity: Severity;
  effect: string;
  action: string;
  /** Set when the rule holds only at one dose of a drug. */
  dose?: DoseNote;
};

/** A rule as it applies to a pair, with how specifically it names the two. */
export type AppliedRule = Omit<OwnedRule, 'dose'> & {
  /** Set when the rule holds only at one dose (its own `dose`, or a class the drug has only at a dose). */
  dose?: DoseNote;
  /** Lower is more specific: see `specificityOf`. */
  specificity: number;
};

/** An interaction between two specific drugs (or a drug and an agent). */
export type PairInteraction = {
  drugs: [string, string];
  /** The most severe grade of all the rules that join the pair. */
  severity: Severity;
  /** What happens, from the most specific rule. */
  summary: string;
  /** What to do, from the most specific rule. */
  action: string;
  /** The most specific rule's own grade (may be milder than `severity`). */
  ruleSeverity: Severity;
  /** Set when the most specific rule holds only at one dose. */
  dose?: DoseNote;
  /** The other distinct rules that join the pair, most severe first. */
  also: RuleAdvice[];
  /** Every rule that joins the pair, most specific first. */
  rules: AppliedRule[];
};

/** One line of a drug's interaction list: what it interacts with, and how. */
export type DrugInteraction = {
  /** The other side: a drug, a class or an agent. */
  other: Entity;
  /** The most severe grade of all the rules between this drug and `other`. */
  severity: Severity;
  /** What happens, from the most specific rule. */
  effect: string;
  action: string;
  /** The most specific rule's own grade (may be milder than `severity`). */
  ruleSeverity: Severity;
  dose?: DoseNote;
  /** Set when the most specific rule reaches this drug through one of its classes. */
  via?: Entity;
  /** Other distinct rules between this drug and `other`, most severe first. */
  also: (RuleAdvice & { via?: Entity })[];
};

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

const bySeverity = <T extends { severity: Severity }>(a: T, b: T) => severityRank(a.severity) - severityRank(b.severity);

const mostSevere = (severities: Severity[]): Severity =>
  severities.reduce((worst, s) => (severityRank(s) < severityRank(worst) ? s : worst));

export type InteractionResolver = {
  /** Interactions among the given ids (drugs or agents), one per pair, most severe first. */
  between(ids: readonly string[]): PairInteraction[];
  /** Everything the drug interacts with, one line per other side, most severe first. */
  forDrug(id: string): DrugInteraction[];
};

export function allRules(kb: KnowledgeBase): OwnedRule[] {
  return [
    ...kb.classes.flatMap((c) => (c.interactions ?? []).map((r) => ({ ...r, owner: c.id }))),
    ...kb.agents.flatMap((a) => (a.interactions ?? []).map((r) => ({ ...r, owner: a.id }))),
    ...kb.drugs.flatMap((d) => d.interactions.map((r) => ({ ...r, owner: d.id }))),
  ];
}

/** How one side stands for a rule's end: the distance (0 = named itself) and the dose it needs, if any. */
type SideMatch = { distance: number; dose?: DoseNote };

/**
 * Specificity of a rule for a pair, from the two sides' distances: first how
 * many sides the rule names itself (both, one, none), then how narrow the
 * classes are (a class the drug lists is 1, a class that includes it 2...).
 */
export function specificityOf(distanceA: number, distanceB: number): number {
  const named = Number(distanceA === 0) + Number(distanceB === 0);
  return (2 - named) * 1000 + distanceA + distanceB;
}

export function createInteractionResolver(kb: KnowledgeBase): InteractionResolver {
  const membership: Membership = computeMembership(kb);
  const entities = entitiesById(kb);
  const rules = allRules(kb);
  const doseLabel = new Map(kb.drugs.flatMap((d) => (d.doses ?? []).map((x) => [`${d.id}|${x.id}`, x.label] as const)));

  /**
   * How `id` stands for `end` under `rule`: at any dose when it can, otherwise
   * at the first dose that makes it a member. A rule with its own `dose` holds
   * only at that dose of the drug that defines it.
   */
  const sideMatch = (id: string, end: string, rule: OwnedRule): SideMatch | undefined => {
    const m = membership.get(id);
    if (!m) return undefined;
    const note = (dose: string): DoseNote => ({ drug: id, dose, label: doseLabel.get(`${id}|${dose}`) ?? dose });
    if (rule.dose && doseLabel.has(`${id}|${rule.dose}`)) {
      const at = m.doses.find((d) => d.dose.id === rule.dose);
      const distance = at?.reach.get(end);
      return distance === undefined ? undefined : { distance, dose: note(rule.dose) };
    }
    const base = m.base.get(end);
    if (base !== undefined) return { distance: base };
    for (const { dose, reach } of m.doses) {
      const distance = reach.get(end);
      if (distance !== undefined) return { distance, dose: note(dose.id) };
    }
    return undefined;
  };

  /** The rule applied to (a, b), in whichever orientation fits more specifically. */
  const apply = (rule: OwnedRule, a: string, b: string): AppliedRule | undefined => {
    let best: AppliedRule | undefined;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const owner = sideMatch(x, rule.owner, rule);
      const target = owner && sideMatch(y, rule.with, rule);
      if (!owner || !target) continue;
      // A rule with a dose of its own must meet that dose on one side.
      if (rule.dose && owner.dose?.dose !== rule.dose && target.dose?.dose !== rule.dose) continue;
      const applied: AppliedRule = {
        ...rule,
        dose: owner.dose ?? target.dose,
        specificity: specificityOf(owner.distance, target.distance),
      };
      if (!best || applied.specificity < best.specificity) best = applied;
    }
    return best;
  };

  /** Most specific first; among equals, rules that hold at any dose, then the most severe. */
  const bySpecificity = (x: AppliedRule, y: AppliedRule) =>
    x.specificity - y.specificity || Number(!!x.dose) - Number(!!y.dose) || bySeverity(x, y);

  // Index: rules by owner, and each entity's reach at any dose, so a pair looks
  // only at the rules whose ends it can stand for (a few), not at all of them.
  const rulesByOwner = new Map<string, OwnedRule[]>();
  for (const rule of rules) rulesByOwner.set(rule.owner, [...(rulesByOwner.get(rule.owner) ?? []), rule]);
  const reachCache = new Map<string, Set<string>>();
  const reachOf = (id: string): Set<string> => {
    let reach = reachCache.get(id);
    if (!reach) {
      const m = membership.get(id);
      reach = new Set(m ? [...m.base.keys(), ...m.doses.flatMap((d) => [...d.reach.keys()])] : []);
      reachCache.set(id, reach);
    }
    return reach;
  };
  const candidateRules = (a: string, b: string): Set<OwnedRule> => {
    const found = new Set<OwnedRule>();
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const other = reachOf(y);
      for (const end of reachOf(x)) for (const rule of rulesByOwner.get(end) ?? []) if (other.has(rule.with)) found.add(rule);
    }
    return found;
  };

  const rulesForPair = (a: string, b: string): AppliedRule[] =>
    [...candidateRules(a, b)]
      .map((r) => apply(r, a, b))
      .filter((r): r is AppliedRule => r !== undefined)
      .sort(bySpecificity);

  const advice = (r: AppliedRule): RuleAdvice =>
    r.dose
      ? { severity: r.severity, effect: r.effect, action: r.action, dose: r.dose }
      : { severity: r.severity, effect: r.effect, action: r.action };

  /** The rules after the first, without repeats of the same text, most severe first. */
  const distinctOthers = (sorted: AppliedRule[]): AppliedRule[] => {
    const seen = new Set([sorted[0].effect]);
    return sorted
      .slice(1)
      .filter((r) => !seen.has(r.effect) && seen.add(r.effect))
      .sort((x, y) => bySeverity(x, y) || x.specificity - y.specificity);
  };

  return {
    between(ids) {
      const unique = [...new Set(ids)];
      const pairs: PairInteraction[] = [];
      for (let i = 0; i < unique.length; i++) {
        for (let j = i + 1; j < unique.length; j++) {
          const [a, b] = [unique[i], unique[j]].sort();
          const joined = rulesForPair(a, b);
          if (!joined.length) continue;
          const [head] = joined;
          pairs.push({
            drugs: [a, b],
            severity: mostSevere(joined.map((r) => r.severity)),
            summary: head.effect,
            action: head.action,
            ruleSeverity: head.severity,
            ...(head.dose ? { dose: head.dose } : {}),
            also: distinctOthers(joined).map(advice),
            rules: joined,
          });
        }
      }
      return pairs.sort((x, y) => bySeverity(x, y) || x.drugs.join().localeCompare(y.drugs.join()));
    },

    forDrug(id) {
      // Every rule that reaches the drug, grouped by what is on the other side.
      const byOther = new Map<string, { rule: AppliedRule; via?: string }[]>();
      for (const rule of rules) {
        for (const [mine, theirs] of [
          [rule.owner, rule.with],
          [rule.with, rule.owner],
        ]) {
          if (theirs === id) continue;
          const side = sideMatch(id, mine, rule);
          if (!side) continue;
          // A rule with a dose of its own holds only at a dose of this drug or of the other side (a drug).
          if (rule.dose && side.dose?.dose !== rule.dose && !doseLabel.has(`${theirs}|${rule.dose}`)) continue;
          const dose =
            side.dose ?? (rule.dose ? { drug: theirs, dose: rule.dose, label: doseLabel.get(`${theirs}|${rule.dose}`)! } : undefined);
          const applied: AppliedRule = { ...rule, dose, specificity: specificityOf(side.distance, 0) };
          const list = byOther.get(theirs) ?? [];
          list.push({ rule: applied, via: mine !== id ? mine : undefined });
          byOther.set(theirs, list);
          break; // a rule that fits both ways (a class with itself) is listed once
        }
      }
      const result: DrugInteraction[] = [];
      for (const [otherId, found] of byOther) {
        const other = entities.get(otherId);
        if (!other) continue; // validation guarantees every target exists
        found.sort((x, y) => bySpecificity(x.rule, y.rule));
        const [head] = found;
        const seen = new Set([head.rule.effect]);
        const also = found
          .slice(1)
          .filter((f) => !seen.has(f.rule.effect) && seen.add(f.rule.effect))
          .sort((x, y) => bySeverity(x.rule, y.rule))
          .map((f) => ({ ...advice(f.rule), ...(f.via ? { via: entities.get(f.via) } : {}) }));
        result.push({
          other,
          severity: mostSevere(found.map((f) => f.rule.severity)),
          effect: head.rule.effect,
          action: head.rule.action,
          ruleSeverity: head.rule.severity,
          ...(head.rule.dose ? { dose: head.rule.dose } : {}),
          ...(head.via ? { via: entities.get(head.via) } : {}),
          also,
        });
      }
      return result.sort((a, b) => bySeverity(a, b) || a.other.name.localeCompare(b.other.name));
    },
  };
}
