/**
 * `npm run -s interactions -- [--json] NAME NAME...`: resolves each name (any
 * alias, any case) and prints the interactions among them, most severe first.
 * An unknown name is an error that names it (exit status 2). For each pair it
 * shows the most specific rule's text at the most severe grade that applies,
 * then the other distinct rules ("Also").
 */
import { createInteractionResolver, type DoseNote } from '../drugs/interactions';
import { createNameResolver } from '../drugs/name-entries';
import { MEDICAL_NOTICE_TEXT } from '../components/MedicalNotice';
import { fail, loadOrExit } from './lib/cli';

const args = process.argv.slice(2);
const json = args.includes('--json');
const names = args.filter((a) => a !== '--json');
if (names.length < 2) fail('usage: npm run -s interactions -- [--json] NAME NAME...');

const kb = loadOrExit();
const resolve = createNameResolver(kb);
const resolved = names.map((name) => ({ name, result: resolve(name) }));
const unknown = resolved.filter((r) => r.result.kind === 'unknown').map((r) => `"${r.name}"`);
if (unknown.length) fail(`unknown drug name${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
for (const { name, result } of resolved) {
  if (result.kind === 'ambiguous') fail(`ambiguous drug name "${name}": it names ${result.ids.join(' and ')}; use the generic name`);
}
const ids = resolved.map(({ result }) => (result.kind === 'found' ? result.id : ''));

const pairs = createInteractionResolver(kb).between(ids);
const withDose = (dose: DoseNote | undefined, text: string) => (dose ? `With ${dose.label}: ${text}` : text);
if (json) {
  process.stdout.write(
    `${JSON.stringify(
      pairs.map(({ drugs, severity, summary, action, dose, also }) => ({
        drugs,
        severity,
        summary,
        action,
        ...(dose ? { dose } : {}),
        also,
      })),
    )}\n`,
  );
} else {
  if (pairs.length === 0) console.log('No interactions known among these.\n');
  for (const p of pairs) {
    console.log(`${p.severity.toUpperCase()}: ${p.drugs.join(' + ')}\n  ${withDose(p.dose, p.summary)}\n  What to do: ${p.action}`);
    for (const a of p.also) console.log(`  Also (${a.severity}): ${withDose(a.dose, a.effect)}\n    What to do: ${a.action}`);
    console.log('');
  }
  console.log(MEDICAL_NOTICE_TEXT);
}
