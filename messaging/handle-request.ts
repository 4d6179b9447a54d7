/**
 * Answers content-script requests from the bundled knowledge base. Pure (no
 * extension API), so it is unit-tested directly; `entrypoints/background.ts`
 * only wires it to `runtime.onMessage`.
 */
import { createInteractionResolver } from '../drugs/interactions';
import type { KnowledgeBase } from '../drugs/knowledge-base';
import { createNameResolver } from '../drugs/name-entries';
import type { DrugDetails, DrugPreview, MedmarkRequest, ShippedDrugRecord } from './protocol';

export type RequestHandler = (request: MedmarkRequest) => DrugPreview | DrugDetails | null;

export function createRequestHandler(kb: KnowledgeBase): RequestHandler {
  const drugs = new Map<string, ShippedDrugRecord>(kb.drugs.map((d) => [d.id, d]));
  const resolver = createInteractionResolver(kb);
  const resolveName = createNameResolver(kb);

  return (request) => {
    const drug = drugs.get(request.id);
    if (!drug) return null;
    if (request.type === 'medmark/preview') {
      return {
        id: drug.id,
        name: drug.name,
        drugClass: drug.drugClass,
        summary: drug.summary,
        hasBoxedWarning: drug.risks.boxedWarnings.length > 0,
      };
    }
    const others = request.pageDrugIds.filter((id) => id !== drug.id && drugs.has(id));
    const pageInteractions = resolver
      .between([drug.id, ...others])
      .filter((p) => p.drugs.includes(drug.id))
      .map((p) => {
        const otherId = p.drugs[0] === drug.id ? p.drugs[1] : p.drugs[0];
        return {
          other: { id: otherId, name: drugs.get(otherId)!.name, kind: 'drug' as const },
          severity: p.severity,
          summary: p.summary,
          action: p.action,
          ...(p.dose ? { dose: p.dose } : {}),
          also: p.also,
        };
      });
    return {
      drug,
      ingredients: (drug.ingredients ?? []).map((name) => {
        const resolved = resolveName(name);
        return resolved.kind === 'found' && drugs.has(resolved.id) ? { name, id: resolved.id } : { name };
      }),
      interactions: resolver.forDrug(drug.id),
      pageInteractions,
    };
  };
}
