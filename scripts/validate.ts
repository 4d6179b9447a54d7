/**
 * `npm run -s validate`: validates `data/` and prints a summary, the reading
 * grade of every record's summary and benefits, and any agents that records
 * have superseded. On invalid data it prints every problem with file and field
 * and exits 1.
 */
import { allRules } from '../drugs/interactions';
import { recordNameCount } from '../drugs/name-entries';
import { READING_GRADE_AIM, recordReadability } from '../drugs/readability';
import type { ValidationNotes } from '../drugs/validate-kb';
import { loadOrExit } from './lib/cli';

const notes: ValidationNotes = { supersededAgents: [] };
const kb = loadOrExit(notes);
console.log(
  `Knowledge base OK: ${kb.drugs.length} drugs, ${recordNameCount(kb)} names, ` +
    `${kb.classes.length} classes, ${kb.agents.length} other agents, ${allRules(kb).length} interaction rules.`,
);

const grades = kb.drugs.map(recordReadability);
const over = grades.filter((g) => g.summary > READING_GRADE_AIM || g.benefits > READING_GRADE_AIM);
console.log(`Reading grade (summary/benefits; aim ${READING_GRADE_AIM} or lower), ${over.length} above the aim:`);
const cells = grades.map(
  (g) => `${g.id} ${g.summary}/${g.benefits}${g.summary > READING_GRADE_AIM || g.benefits > READING_GRADE_AIM ? ' *' : ''}`,
);
for (let i = 0; i < cells.length; i += 4)
  console.log(
    `  ${cells
      .slice(i, i + 4)
      .map((c) => c.padEnd(38))
      .join('')}`.trimEnd(),
  );

if (notes.supersededAgents.length) {
  console.log(`Note: these agents now have drug records and can be removed from data/agents: ${notes.supersededAgents.join(', ')}`);
}
