/**
 * `npm run misspelling-exclusions`: rebuilds `data/misspelling-exclusions.json`,
 * the English words that are one edit from a drug name ("aspiring",
 * "singular", "proverb") and so must never be highlighted as misspellings.
 * Reads Debian's word lists (packages wamerican and wbritish); run it after
 * adding names. A unit test fails when the list is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryWords, englishNearNames } from './lib/misspelling-words';
import { DATA_DIR } from './lib/kb-source';
import { loadOrExit } from './lib/cli';

const kb = loadOrExit(undefined, process.env.MEDMARK_DATA_DIR);
const words = englishNearNames(kb, dictionaryWords());
const file = join(DATA_DIR, 'misspelling-exclusions.json');
writeFileSync(
  file,
  `${JSON.stringify(
    {
      about:
        'English words one edit from a drug name: never highlighted as misspellings. Built from the dictionary by `npm run misspelling-exclusions`; do not edit by hand.',
      words,
    },
    null,
    1,
  )}\n`,
);
console.log(`${words.length} words written to ${file}`);
