/** `npm run -s validate`: validates `data/` and prints a one-line summary, or every problem with file and field. */
import { allRules } from '../drugs/interactions';
import { nameEntriesOf } from '../drugs/name-entries';
import { loadOrExit } from './lib/cli';

const kb = loadOrExit();
console.log(
  `Knowledge base OK: ${kb.drugs.length} drugs, ${nameEntriesOf(kb).length} names, ` +
    `${kb.classes.length} classes, ${kb.agents.length} other agents, ${allRules(kb).length} interaction rules.`,
);
