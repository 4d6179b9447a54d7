/**
 * `npm run -s readability [-- ID...]`: the reading grade of each record's
 * summary and benefits (Flesch-Kincaid, bracketed terms left out), flagging
 * those above the aim of grade 9.
 */
import { READING_GRADE_AIM, recordReadability } from '../drugs/readability';
import { loadOrExit } from './lib/cli';

const ids = process.argv.slice(2);
const kb = loadOrExit();
const rows = kb.drugs.filter((d) => !ids.length || ids.includes(d.id)).map(recordReadability);
const flag = (g: number) => (g > READING_GRADE_AIM ? ' *' : '');
console.log(`${'id'.padEnd(34)}summary  benefits`);
for (const r of rows) console.log(`${r.id.padEnd(34)}${`${r.summary}${flag(r.summary)}`.padEnd(9)}${r.benefits}${flag(r.benefits)}`);
const all = rows.flatMap((r) => [r.summary, r.benefits]).sort((a, b) => a - b);
const over = rows.filter((r) => r.summary > READING_GRADE_AIM || r.benefits > READING_GRADE_AIM).length;
console.log(
  `\nmedian grade ${all[Math.floor(all.length / 2)]}; ${over} of ${rows.length} records have a summary or benefits above grade ${READING_GRADE_AIM} (marked *).`,
);
