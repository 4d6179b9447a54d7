/**
 * The compact form in which names travel to the content script, which is
 * injected into every page and so must stay small. Names are grouped by
 * record, so the id is written once instead of once per name, and the match
 * mode is a one-character prefix: `{"baclofen": ["Baclofen", "Lioresal"],
 * "aspirin": ["=ASA-like exact-case name", ...]}`. Names with `match: 'none'`
 * are never highlighted, so they are not shipped at all.
 */
import type { NameEntry } from './name-index';

/** Prefix of a name matched only exactly as written. */
const EXACT_CASE = '=';

export type EncodedNames = Record<string, string[]>;

export function encodeNames(entries: readonly NameEntry[]): EncodedNames {
  const byDrug: EncodedNames = {};
  for (const { name, drug, match } of entries) {
    if (match === 'none') continue;
    (byDrug[drug] ??= []).push(match === 'exact-case' ? `${EXACT_CASE}${name}` : name);
  }
  return byDrug;
}

export function decodeNames(encoded: EncodedNames): NameEntry[] {
  const entries: NameEntry[] = [];
  for (const [drug, names] of Object.entries(encoded)) {
    for (const name of names) {
      entries.push(name.startsWith(EXACT_CASE) ? { name: name.slice(1), drug, match: 'exact-case' } : { name, drug });
    }
  }
  return entries;
}
