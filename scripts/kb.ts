/** `npm run -s kb`: prints the whole knowledge base as JSON: `{"drugs": [...], "classes": [...], "agents": [...]}`. */
import { loadOrExit } from './lib/cli';

const kb = loadOrExit();
process.stdout.write(`${JSON.stringify({ drugs: kb.drugs, classes: kb.classes, agents: kb.agents }, null, 2)}\n`);
