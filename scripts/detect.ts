/**
 * `npm run -s detect -- [--json] FILE`: the drug names in FILE's text, found by
 * the same matcher and names as the extension. `--json` prints
 * `[{"start", "end", "text", "drug"}]` with UTF-16 offsets.
 */
import { readFileSync } from 'node:fs';
import { findMatches } from '../drugs/match';
import { compileNameIndex } from '../drugs/name-index';
import { nameEntriesOf } from '../drugs/name-entries';
import { fail, loadOrExit } from './lib/cli';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
if (files.length !== 1) fail('usage: npm run -s detect -- [--json] FILE');

let text: string;
try {
  text = readFileSync(files[0], 'utf8');
} catch (error) {
  fail(`cannot read ${files[0]}: ${(error as Error).message}`);
}
const kb = loadOrExit();
const matches = findMatches(compileNameIndex(nameEntriesOf(kb)), text);

if (json) {
  process.stdout.write(`${JSON.stringify(matches)}\n`);
} else if (matches.length === 0) {
  console.log('No drug names found.');
} else {
  const names = new Map(kb.drugs.map((d) => [d.id, d.name]));
  for (const m of matches) console.log(`${m.start}-${m.end}\t${m.text}\t-> ${names.get(m.drug)} (${m.drug})`);
  console.log(`${matches.length} match${matches.length === 1 ? '' : 'es'}, ${new Set(matches.map((m) => m.drug)).size} drugs.`);
}
