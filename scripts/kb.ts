/**
 * `npm run -s kb`: prints the whole knowledge base as JSON:
 * `{"drugs": [...], "classes": [...], "agents": [...]}`. Each drug also carries
 * `effectiveInteractions`: what a reader sees for it, with class rules expanded
 * (each line names the class it comes through, `via`), not only the rules
 * written on the record.
 */
import { createInteractionResolver } from '../drugs/interactions';
import { loadOrExit } from './lib/cli';

const kb = loadOrExit();
const resolver = createInteractionResolver(kb);
const drugs = kb.drugs.map((d) => ({
  ...d,
  effectiveInteractions: resolver.forDrug(d.id).map(({ other, via, also, ...rest }) => ({
    with: { id: other.id, name: other.name, kind: other.kind },
    ...rest,
    ...(via ? { via: via.id } : {}),
    also: also.map(({ via: alsoVia, ...a }) => ({ ...a, ...(alsoVia ? { via: alsoVia.id } : {}) })),
  })),
}));
process.stdout.write(`${JSON.stringify({ drugs, classes: kb.classes, agents: kb.agents }, null, 2)}\n`);
