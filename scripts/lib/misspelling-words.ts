/**
 * The English words the misspelling guesser must leave alone (Node only; the
 * script that writes `data/misspelling-exclusions.json` and its test share it).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../../drugs/knowledge-base';
import { findMatches } from '../../drugs/match';
import { nameEntriesOf } from '../../drugs/name-entries';
import { compileNameIndex } from '../../drugs/name-index';

/**
 * Debian's word lists (packages wamerican, wbritish). Not the larger -insane
 * lists: they carry drug misspellings themselves ("amitryptyline", "codein"),
 * which are exactly what should be highlighted.
 */
export const DICTIONARIES = ['/usr/share/dict/american-english', '/usr/share/dict/british-english'];

/** Every word of the installed word lists; throws when none is installed. */
export function dictionaryWords(paths = DICTIONARIES): string[] {
  const present = paths.filter((p) => existsSync(p));
  if (present.length === 0) {
    throw new Error(`no word list found (${paths.join(', ')}): apt-get install wamerican wbritish`);
  }
  const words = new Set<string>();
  for (const path of present) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const word = line.trim().replace(/'s$/, '');
      if (word) words.add(word);
    }
  }
  return [...words];
}

/** The words (lower case, sorted) that would be taken for a misspelling of a name. */
export function englishNearNames(kb: KnowledgeBase, words: Iterable<string>): string[] {
  const index = compileNameIndex(nameEntriesOf(kb), { misspellingExclusions: [] });
  const found = new Set<string>();
  for (const word of words) {
    for (const m of findMatches(index, word)) if (m.misspellingOf) found.add(m.text.toLowerCase());
  }
  return [...found].sort();
}
