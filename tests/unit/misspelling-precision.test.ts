/**
 * Precision of misspelling guesses on ordinary English (issue 9): the real
 * names against Debian's word lists (wamerican, wbritish) and a large
 * plain-text corpus (the fortunes package: quotations, jokes, literature).
 * Guesses must add no highlight there. `.ci/run` and `npm test` install the
 * packages (scripts/ensure-test-packages.sh); a missing one fails, it is not skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMatches } from '../../drugs/match';
import { compileNameIndex } from '../../drugs/name-index';
import { nameEntriesOf } from '../../drugs/name-entries';
import { loadKnowledgeBase, loadMisspellingExclusions } from '../../scripts/lib/kb-source';
import { DICTIONARIES, dictionaryWords, englishNearNames } from '../../scripts/lib/misspelling-words';

const FORTUNES = '/usr/share/games/fortunes';

const kb = loadKnowledgeBase();
const exclusions = loadMisspellingExclusions();
const index = compileNameIndex(nameEntriesOf(kb), { misspellingExclusions: exclusions });

function corpusFiles(): string[] {
  if (!existsSync(FORTUNES)) throw new Error(`${FORTUNES} is missing: apt-get install fortunes`);
  // The plain files; .dat are indexes and .u8 the same text in UTF-8.
  return readdirSync(FORTUNES)
    .filter((f) => !f.includes('.'))
    .map((f) => join(FORTUNES, f));
}

describe('misspelling guesses on ordinary English', () => {
  it('the word lists are installed, and large', () => {
    for (const path of DICTIONARIES) expect(existsSync(path), `${path} (apt-get install wamerican wbritish)`).toBe(true);
    expect(dictionaryWords().length).toBeGreaterThan(70_000);
  });

  it('no dictionary word is taken for a misspelling', () => {
    const guessed = dictionaryWords().flatMap((word) =>
      findMatches(index, word)
        .filter((m) => m.misspellingOf)
        .map((m) => m.text),
    );
    expect(guessed, 'run `npm run misspelling-exclusions` after adding names').toEqual([]);
  });

  it('the exclusion list is no longer than it needs to be: every word on it is near a name', () => {
    // A stale list would hide real misspellings; it is rebuilt with the names.
    const needed = new Set(englishNearNames(kb, dictionaryWords()));
    expect(
      exclusions.filter((w) => !needed.has(w)),
      'run `npm run misspelling-exclusions`',
    ).toEqual([]);
  });

  it('a large English corpus gets no guessed highlight, while the names in it are still found', () => {
    const files = corpusFiles();
    let bytes = 0;
    let names = 0;
    const guesses: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      bytes += text.length;
      for (const m of findMatches(index, text)) {
        if (m.misspellingOf) guesses.push(`${m.text} (${file})`);
        else names++;
      }
    }
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(names).toBeGreaterThan(0); // the corpus does mention medicines, spelled right
    expect(guesses).toEqual([]);
  });
});
