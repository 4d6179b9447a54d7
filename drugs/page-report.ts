/**
 * What the toolbar popup reports about a page: the drugs found, with what a
 * reader needs to pick one (class, mentions, boxed warning, whether it
 * interacts with their medicines), and the interactions and duplicates among
 * them and with the reader's medicines, most severe first. Pure.
 */
import type { PageDrug } from '../messaging/tab-protocol';
import type { InteractionResolver } from './interactions';
import type { KnowledgeBase } from './knowledge-base';
import { checkMedications, type CheckFinding, type CheckItem } from './medication-check';
import type { Severity } from './severity';

export type ReportedDrug = {
  id: string;
  name: string;
  drugClass: string;
  count: number;
  hasBoxedWarning: boolean;
  /** The most severe interaction with one of the reader's medicines, if any. */
  mine?: Severity;
};

export type PageReport = {
  drugs: ReportedDrug[];
  /** Among the page's drugs, and between them and the reader's medicines (not among the reader's own). */
  findings: CheckFinding[];
};

export function reportPage(
  kb: KnowledgeBase,
  resolver: InteractionResolver,
  pageDrugs: readonly PageDrug[],
  myMedicationIds: readonly string[],
): PageReport {
  const records = new Map(kb.drugs.map((d) => [d.id, d]));
  const onPage = pageDrugs.filter((d) => records.has(d.id));
  const pageIds = new Set(onPage.map((d) => d.id));
  const items: CheckItem[] = [
    ...onPage.map((d) => ({ id: d.id, names: d.names })),
    ...myMedicationIds.filter((id) => !pageIds.has(id)).map((id) => ({ id })),
  ];
  const findings = checkMedications(kb, resolver, items).filter((f) => f.drugs.some((id) => pageIds.has(id)));
  const mine = new Set(myMedicationIds);
  const worstMine = (id: string): Severity | undefined =>
    findings.find((f) => f.drugs.includes(id) && f.drugs.some((other) => other !== id && mine.has(other)))?.severity;
  return {
    drugs: onPage.map((d) => {
      const record = records.get(d.id)!;
      const severity = worstMine(d.id);
      return {
        id: d.id,
        name: record.name,
        drugClass: record.drugClass,
        count: d.count,
        hasBoxedWarning: record.risks.boxedWarnings.length > 0,
        ...(severity ? { mine: severity } : {}),
      };
    }),
    findings,
  };
}
