/**
 * The names of every record, in the form the matcher and the name resolver use.
 * This list (not the full records) is what the content script carries.
 */
import type { KnowledgeBase } from './knowledge-base';
import { nameKey, NOT_A_NAME, type NameEntry } from './name-index';
import type { AliasKind, MatchMode } from './schema';

/**
 * Brands are never guessed at when misspelled: they are coined to sound like
 * words, and many sit one letter from English words and names (Lyrica and
 * lyrics, Provera and proverb, Coumadin and coumarin, Pyridium and pygidium;
 * README, "Robustness"). Generic and international names are long and unlike
 * words.
 */
function isBrand(kind: AliasKind): boolean {
  return kind === 'brand' || kind === 'past-brand';
}

/**
 * Names for the matcher. Ambiguous names (marked so in every record that uses
 * them) are left out: a highlight must point to one medicine.
 */
export function nameEntriesOf(kb: KnowledgeBase): NameEntry[] {
  const entry = (name: string, drug: string, match: MatchMode | undefined, context: 'medical' | undefined, guess = true): NameEntry => ({
    name,
    drug,
    ...(match && match !== 'any-case' && { match }),
    ...(context && { context }),
    ...(!guess && { guess: false as const }),
  });
  return kb.drugs.flatMap((d) => [
    ...(d.notPartOf ?? []).map((phrase) => entry(phrase, NOT_A_NAME, undefined, undefined, false)),
    entry(d.name, d.id, undefined, d.nameContext),
    ...d.aliases.filter((a) => !a.ambiguous).map((a) => entry(a.name, d.id, a.match, a.context, !isBrand(a.kind))),
  ]);
}

export type NameResolution = { kind: 'found'; id: string } | { kind: 'ambiguous'; ids: string[] } | { kind: 'unknown' };

/**
 * Resolves a name typed by a person (any alias in any case, an id, or an
 * agent's name) to what it names. Names of records win over names of agents.
 */
export function createNameResolver(kb: KnowledgeBase): (name: string) => NameResolution {
  const byKey = new Map<string, Set<string>>();
  const add = (name: string, id: string) => {
    const key = nameKey(name);
    byKey.set(key, (byKey.get(key) ?? new Set()).add(id));
  };
  for (const d of kb.drugs) for (const name of [d.id, d.name, ...d.aliases.map((a) => a.name)]) add(name, d.id);
  for (const a of kb.agents) {
    for (const name of [a.id, a.name, ...(a.aliases ?? []).map((x) => x.name)]) if (!byKey.has(nameKey(name))) add(name, a.id);
  }
  return (name) => {
    const ids = [...(byKey.get(nameKey(name)) ?? [])];
    if (ids.length === 0) return { kind: 'unknown' };
    return ids.length === 1 ? { kind: 'found', id: ids[0] } : { kind: 'ambiguous', ids: ids.sort() };
  };
}

/** How many names point to a record (phrases that name nothing, `notPartOf`, are not counted). */
export function recordNameCount(kb: KnowledgeBase): number {
  return nameEntriesOf(kb).filter((e) => e.drug !== NOT_A_NAME).length;
}
