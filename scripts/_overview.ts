import { execSync } from 'node:child_process';
import { createInteractionResolver } from '../drugs/interactions';
import { loadKnowledgeBase } from './lib/kb-source';
const kb = loadKnowledgeBase();
const resolver = createInteractionResolver(kb);
const committed = new Set(execSync('git ls-tree --name-only HEAD data/drugs/', { encoding: 'utf8' }).split('\n').map((f) => f.replace(/^data\/drugs\//, '').replace(/\.json$/, '')));
for (const d of kb.drugs.filter((x) => !committed.has(x.id))) {
  const boxed = d.risks.boxedWarnings.map((w) => w.split(':')[0]).join(' | ') || '-';
  const contra = resolver.forDrug(d.id).filter((l) => l.severity === 'contraindicated').map((l) => l.other.id);
  console.log(`${d.id} [${d.classes.join(',')}] BOXED: ${boxed} || CI: ${contra.join(',')}`);
}
