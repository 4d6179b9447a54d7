/**
 * Which classes each drug or agent belongs to, following `includes`: an SSRI
 * is also a serotonin reuptake inhibitor and a serotonergic drug. Computed once
 * per knowledge base; rules are then matched against these sets.
 */
import type { KnowledgeBase } from './knowledge-base';

/** For every id (drug, agent or class): the set of ids it stands for, itself included. */
export type Membership = Map<string, Set<string>>;

export function computeMembership(kb: KnowledgeBase): Membership {
  // parents: class id -> classes that include it
  const parents = new Map<string, string[]>();
  for (const c of kb.classes) {
    for (const child of c.includes ?? []) {
      parents.set(child, [...(parents.get(child) ?? []), c.id]);
    }
  }
  const ancestorsOf = (classId: string, into: Set<string>) => {
    if (into.has(classId)) return;
    into.add(classId);
    for (const parent of parents.get(classId) ?? []) ancestorsOf(parent, into);
  };
  const membership: Membership = new Map();
  const add = (id: string, classes: readonly string[]) => {
    const set = new Set<string>([id]);
    for (const c of classes) ancestorsOf(c, set);
    membership.set(id, set);
  };
  for (const c of kb.classes) add(c.id, []);
  for (const c of kb.classes) {
    const set = new Set<string>();
    ancestorsOf(c.id, set);
    membership.set(c.id, set);
  }
  for (const a of kb.agents) add(a.id, a.classes ?? []);
  for (const d of kb.drugs) add(d.id, d.classes);
  return membership;
}
