/**
 * The compact form in which names travel to the content script, which is
 * injected into every page and so must stay small. Names are grouped by
 * record, so the id is written once instead of once per name, and how a name
 * is matched is a one-character prefix each: `{"baclofen": ["Baclofen",
 * "Lioresal"], "fexofenadine": ["~=Allegra", ...]}` (`=` exact case, `~` only
 * in medical context, `!` never guessed at when misspelled). Names with `match: 'none'` are never highlighted, so
 * they are not shipped at all. A plain name that is the id with a capital
 * ("Baclofen" for `baclofen`, most records' first name) is written as "":
 * 3 kB less on every page.
 */
import type { NameEntry } from './name-index';

/** Prefix of a name matched only exactly as written. */
const EXACT_CASE = '=';
/** Prefix of a name highlighted only in medical context. Comes before `=`. */
const MEDICAL_CONTEXT = '~';
/** Prefix of a name never guessed at when misspelled. Comes first. */
const NO_GUESS = '!';

export type EncodedNames = Record<string, string[]>;

const capitalized = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** What the content script receives: the names, and the English words never taken for misspellings. */
export type ShippedNames = { names: EncodedNames; notMisspellings: string[] };

export function encodeNames(entries: readonly NameEntry[]): EncodedNames {
  const byDrug: EncodedNames = {};
  for (const { name, drug, match, context, guess } of entries) {
    if (match === 'none') continue;
    const prefix =
      (guess === false ? NO_GUESS : '') + (context === 'medical' ? MEDICAL_CONTEXT : '') + (match === 'exact-case' ? EXACT_CASE : '');
    (byDrug[drug] ??= []).push(prefix === '' && name === capitalized(drug) ? '' : prefix + name);
  }
  return byDrug;
}

export function decodeNames(encoded: EncodedNames): NameEntry[] {
  const entries: NameEntry[] = [];
  for (const [drug, names] of Object.entries(encoded)) {
    for (let name of names) {
      if (name === '') name = capitalized(drug);
      const entry: NameEntry = { name, drug };
      if (name.startsWith(NO_GUESS)) {
        entry.guess = false;
        name = name.slice(1);
      }
      if (name.startsWith(MEDICAL_CONTEXT)) {
        entry.context = 'medical';
        name = name.slice(1);
      }
      if (name.startsWith(EXACT_CASE)) {
        entry.match = 'exact-case';
        name = name.slice(1);
      }
      entry.name = name;
      entries.push(entry);
    }
  }
  return entries;
}
