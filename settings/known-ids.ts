import type { KnowledgeBase } from '../drugs/knowledge-base';

/**
 * What a reader can put on "My medications": every drug record, and the drug
 * agents (digoxin, amiodarone...) that have no record yet but are checked
 * for interactions. Foods, alcohol and supplements are not medications.
 */
export function medicationIdsOf(kb: KnowledgeBase): Set<string> {
  return new Set([...kb.drugs.map((d) => d.id), ...kb.agents.filter((a) => a.kind === 'drug').map((a) => a.id)]);
}
