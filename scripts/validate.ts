/** `npm run -s validate`: validates `data/` and prints a one-line summary, or every problem with file and field. */
import { allRules } from '../drugs/interactions';
import { nameEntriesOf } from '../drugs/name-entries';
import type { ValidationNotes } from '../drugs/validate-kb';
import { loadOrExit } from './lib/cli';

const notes: ValidationNotes = { supersededAgents: [] };
const kb = loadOrExit(notes);
console.log(
  `Knowledge base OK: ${kb.drugs.length} drugs, ${nameEntriesOf(kb).length} names, ` +
    `${kb.classes.length} classes, ${kb.agents.length} other agents, ${allRules(kb).length} interaction rules.`,
);
if (notes.supersededAgents.length) {
  console.log(`Note: these agents now have drug records and can be removed from data/agents: ${notes.supersededAgents.join(', ')}`);
}
