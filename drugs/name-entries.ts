/**
 * The names of every record, in the form the matcher and the name resolver use.
 * This list (not the full records) is what the content script carries.
 */
import type { KnowledgeBase } from './knowledge-base';
import { nameKey, type NameEntry } from './name-index';

export function nameEntriesOf(kb: KnowledgeBase): NameEntry[] {
  return kb.drugs.flatMap((d) => [
    { name: d.name, drug: d.id },
    ...d.aliases.map((a) => (a.match && a.match !== 'any-case' ? { name: a.name, drug: d.id, match: a.match } : { name: a.name, drug: d.id })),
  ]);
}

/**
 * Resolves a name typed by a person (any alias, any case, of a record or an
 * agent, or an id) to its id. Returns undefined when nothing matches.
 */
export function createNameResolver(kb: KnowledgeBase): (name: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const entry of nameEntriesOf(kb)) byKey.set(nameKey(entry.name), entry.drug);
  for (const d of kb.drugs) byKey.set(nameKey(d.id), d.id);
  for (const a of kb.agents) {
    for (const key of [nameKey(a.id), nameKey(a.name)]) if (!byKey.has(key)) byKey.set(key, a.id);
  }
  return (name) => byKey.get(nameKey(name));
}
