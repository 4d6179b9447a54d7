/** The validated knowledge base, as the extension and the tools use it. */
import type { Agent, ClassRecord, DrugRecord } from './schema';

export type KnowledgeBase = {
  drugs: DrugRecord[];
  classes: ClassRecord[];
  agents: Agent[];
};

/** Kinds of things an interaction rule can name. */
export type EntityKind = 'drug' | 'class' | 'agent';

export type Entity = { id: string; name: string; kind: EntityKind };

/** Every drug, class and agent by id. Ids are unique across the three (validation). */
export function entitiesById(kb: KnowledgeBase): Map<string, Entity> {
  const map = new Map<string, Entity>();
  for (const d of kb.drugs) map.set(d.id, { id: d.id, name: d.name, kind: 'drug' });
  for (const c of kb.classes) map.set(c.id, { id: c.id, name: c.name, kind: 'class' });
  for (const a of kb.agents) map.set(a.id, { id: a.id, name: a.name, kind: 'agent' });
  return map;
}
