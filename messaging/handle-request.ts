/**
 * Answers content-script requests from the bundled knowledge base. Pure (no
 * extension API), so it is unit-tested directly; `entrypoints/background.ts`
 * wires it to `runtime.onMessage`, reads the reader's medicines from storage
 * into the context, and handles the requests that change state (adding a
 * medicine, the toolbar badge) itself.
 */
import { createInteractionResolver, type PairInteraction } from '../drugs/interactions';
import type { KnowledgeBase } from '../drugs/knowledge-base';
import { createNameResolver } from '../drugs/name-entries';
import type {
  DetailsRequest,
  DrugDetails,
  DrugPreview,
  MineAnswer,
  MineRequest,
  MyMedicationInteraction,
  PageInteraction,
  PreviewRequest,
  RequestContext,
  ShippedDrugRecord,
} from './protocol';

/** The requests answered from the knowledge base alone. */
export type KnowledgeRequest = PreviewRequest | DetailsRequest | MineRequest;

export type RequestHandler = {
  (request: PreviewRequest, context?: RequestContext): DrugPreview | null;
  (request: DetailsRequest, context?: RequestContext): DrugDetails | null;
  (request: MineRequest, context?: RequestContext): MineAnswer;
  (request: KnowledgeRequest, context?: RequestContext): DrugPreview | DrugDetails | MineAnswer | null;
};

const NO_CONTEXT: RequestContext = { myMedicationIds: [] };

export function createRequestHandler(kb: KnowledgeBase): RequestHandler {
  const drugs = new Map<string, ShippedDrugRecord>(kb.drugs.map((d) => [d.id, d]));
  const agentNames = new Map(kb.agents.map((a) => [a.id, a.name]));
  const resolver = createInteractionResolver(kb);
  const resolveName = createNameResolver(kb);
  const known = (id: string) => drugs.has(id) || agentNames.has(id);

  /** The pairs between `id` and each of `others`, as seen from `id`, most severe first. */
  const withOthers = (id: string, others: readonly string[]): PageInteraction[] =>
    resolver
      .between([id, ...others.filter((other) => other !== id && known(other))])
      .filter((p) => p.drugs.includes(id))
      .map((p: PairInteraction) => {
        const otherId = p.drugs[0] === id ? p.drugs[1] : p.drugs[0];
        const other = drugs.get(otherId);
        return {
          other: other
            ? { id: otherId, name: other.name, kind: 'drug' as const }
            : { id: otherId, name: agentNames.get(otherId) ?? otherId, kind: 'agent' as const },
          severity: p.severity,
          summary: p.summary,
          action: p.action,
          ...(p.dose ? { dose: p.dose } : {}),
          also: p.also,
        };
      });

  const mineFor = (id: string, context: RequestContext): MyMedicationInteraction[] =>
    withOthers(id, context.myMedicationIds).map(({ other, severity, summary }) => ({ other, severity, summary }));

  function handle(request: KnowledgeRequest, context: RequestContext = NO_CONTEXT) {
    if (request.type === 'medmark/mine') {
      const answer: MineAnswer = {};
      for (const id of request.ids) {
        if (!drugs.has(id)) continue;
        const [worst] = mineFor(id, context);
        if (worst) answer[id] = worst.severity;
      }
      return answer;
    }
    const drug = drugs.get(request.id);
    if (!drug) return null;
    if (request.type === 'medmark/preview') {
      return {
        id: drug.id,
        name: drug.name,
        drugClass: drug.drugClass,
        summary: drug.summary,
        hasBoxedWarning: drug.risks.boxedWarnings.length > 0,
        mine: mineFor(drug.id, context),
      };
    }
    const pageOnly = request.pageDrugIds.filter((id) => drugs.has(id) && !context.myMedicationIds.includes(id));
    return {
      drug,
      ingredients: (drug.ingredients ?? []).map((name) => {
        const resolved = resolveName(name);
        return resolved.kind === 'found' && drugs.has(resolved.id) ? { name, id: resolved.id } : { name };
      }),
      kinds: (drug.kinds ?? []).map((kind) => ({
        label: kind.label,
        drugs: kind.drugs.flatMap((id) => {
          const member = drugs.get(id);
          return member ? [{ id, name: member.name }] : [];
        }),
      })),
      interactions: resolver.forDrug(drug.id),
      pageInteractions: withOthers(drug.id, pageOnly),
      myMedicationInteractions: withOthers(drug.id, context.myMedicationIds),
      inMyMedications: context.myMedicationIds.includes(drug.id),
    };
  }
  return handle as RequestHandler;
}
