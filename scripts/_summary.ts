import { createInteractionResolver } from '../drugs/interactions';
import { recordReadability } from '../drugs/readability';
import { loadKnowledgeBase } from './lib/kb-source';
const kb = loadKnowledgeBase();
const resolver = createInteractionResolver(kb);
const ids = process.argv.slice(2);
for (const id of ids) {
  const d = kb.drugs.find((x) => x.id === id);
  if (!d) { console.log(`## ${id}: MISSING`); continue; }
  const r = recordReadability(d);
  console.log(`\n## ${d.name} (${d.id}) — ${d.drugClass} — grade ${r.summary}/${r.benefits}`);
  console.log(`aliases: ${d.aliases.map((a) => `${a.name}[${a.kind}${a.match ? ',' + a.match : ''}]`).join(', ')}`);
  if (d.ingredients) console.log(`ingredients: ${d.ingredients.join(', ')}`);
  console.log(`classes: ${d.classes.join(', ')}`);
  console.log(`summary: ${d.summary}`);
  for (const b of d.benefits) console.log(`  benefit${b.offLabel ? ' (OFF-LABEL)' : ''}: ${b.text}`);
  for (const w of d.risks.boxedWarnings) console.log(`  BOXED: ${w}`);
  for (const s of d.risks.serious) console.log(`  serious: ${s.slice(0, 160)}`);
  for (const a of d.risks.avoidIf) console.log(`  avoidIf: ${a}`);
  console.log(`  pregnancy: ${d.risks.pregnancy}`);
  for (const i of d.interactions) console.log(`  rule: +${i.with} ${i.severity.toUpperCase()}: ${i.effect} | ${i.action}`);
  const eff = resolver.forDrug(d.id);
  console.log(`  effective lines: ${eff.length} (${eff.filter((e) => e.severity === 'contraindicated').map((e) => e.other.id).join(',')} contraindicated)`);
  console.log(`  sources: ${d.sources.map((s) => s.url.replace('https://', '')).join(' ')}`);
}
