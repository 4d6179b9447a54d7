/**
 * Which classes each drug or agent belongs to, and how directly. An SSRI is an
 * SSRI at distance 1, and through `includes` a serotonergic drug at distance 2;
 * the distance is what makes a rule about SSRIs more specific than one about
 * serotonergic drugs (see `interactions.ts` and `data/README.md`).
 *
 * A drug with `doses` has one extra context per dose: aspirin belongs to
 * `nsaids` only at its pain-relief dose. Computed once per knowledge base.
 */
import type { KnowledgeBase } from './knowledge-base';
import type { Dose } from './schema';

/** For one context: every id the entity stands for (itself at 0), with its distance. */
export type Reach = Map<string, number>;

/** A drug's or agent's membership: its reach at any dose, and its extra reach at each dose. */
export type EntityMembership = {
  base: Reach;
  /** Only for drugs with `doses`: the reach at that dose (base included). */
  doses: { dose: Dose; reach: Reach }[];
};

/** Drugs and agents by id (classes are not sides of a pair). */
export type Membership = Map<string, EntityMembership>;

export function computeMembership(kb: KnowledgeBase): Membership {
  // parents: class id -> classes that include it
  const parents = new Map<string, string[]>();
  for (const c of kb.classes) {
    for (const child of c.includes ?? []) parents.set(child, [...(parents.get(child) ?? []), c.id]);
  }
  /** Breadth-first up the `includes` graph, so each class gets its shortest distance. */
  const reachOf = (id: string, classes: readonly string[]): Reach => {
    const reach: Reach = new Map([[id, 0]]);
    let frontier = classes.filter((c) => !reach.has(c));
    let distance = 1;
    while (frontier.length) {
      const next: string[] = [];
      for (const c of frontier) {
        if (reach.has(c)) continue;
        reach.set(c, distance);
        next.push(...(parents.get(c) ?? []));
      }
      frontier = next;
      distance++;
    }
    return reach;
  };

  const membership: Membership = new Map();
  for (const a of kb.agents) membership.set(a.id, { base: reachOf(a.id, a.classes ?? []), doses: [] });
  for (const d of kb.drugs) {
    membership.set(d.id, {
      base: reachOf(d.id, d.classes),
      doses: (d.doses ?? []).map((dose) => ({ dose, reach: reachOf(d.id, [...d.classes, ...(dose.classes ?? [])]) })),
    });
  }
  return membership;
}

/** Whether a drug or agent belongs to a class (or is the id) at any of its doses. */
export function standsFor(membership: Membership, id: string, target: string): boolean {
  const m = membership.get(id);
  return !!m && (m.base.has(target) || m.doses.some((d) => d.reach.has(target)));
}
