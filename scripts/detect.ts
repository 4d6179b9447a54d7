/**
 * `npm run -s detect -- [--json] FILE`: the drug names in FILE's text, found by
 * the same matcher and names as the extension. `--json` prints
 * `[{"start", "end", "text", "drug", "misspellingOf"?, "needsContext"?}]` with
 * UTF-16 offsets. Probable misspellings are found too ("metphormin"), and
 * names that need a medical context only in paragraphs that read as medical.
 */
import { readFileSync } from 'node:fs';
import { compileNameIndex } from '../drugs/name-index';
import { nameEntriesOf } from '../drugs/name-entries';
import { detectInText } from '../drugs/text-detection';
import { fail, loadOrExit } from './lib/cli';
import { loadMisspellingExclusions } from './lib/kb-source';

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
const matches = detectInText(compileNameIndex(nameEntriesOf(kb), { misspellingExclusions: loadMisspellingExclusions() }), text);

if (json) {
  process.stdout.write(`${JSON.stringify(matches)}\n`);
} else if (matches.length === 0) {
  console.log('No drug names found.');
} else {
  const names = new Map(kb.drugs.map((d) => [d.id, d.name]));
  for (const m of matches) {
    const guess = m.misspellingOf ? `\tprobable misspelling of ${m.misspellingOf}` : '';
    console.log(`${m.start}-${m.end}\t${m.text}\t-> ${names.get(m.drug)} (${m.drug})${guess}`);
  }
  console.log(`${matches.length} match${matches.length === 1 ? '' : 'es'}, ${new Set(matches.map((m) => m.drug)).size} drugs.`);
}
