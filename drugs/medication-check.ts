/**
 * The interaction checker behind the popup and the side panel: given a list
 * of medicines (and foods, alcohol, supplements), every interaction among them
 * grouped as drug-drug, drug-other (food, alcohol, supplement, substance) and
 * duplicates (the same medicine or ingredient twice, two of a class that
 * should not be doubled), most severe first.
 * (Being implemented: see the helper brief in this session.)
 */
import type { InteractionResolver, RuleAdvice } from './interactions';
import type { KnowledgeBase } from './knowledge-base';
import type { Severity } from './severity';

export type CheckGroup = 'drug-drug' | 'drug-other' | 'duplicate';

/** One item of the list being checked. */
export type CheckItem = {
  /** Record or agent id. */
  id: string;
  /** The names the reader used or the page showed for it ("Advil", "ibuprofen"), if known. */
  names?: string[];
};

export type CheckFinding = {
  group: CheckGroup;
  /** The two ids, sorted; for a single medicine under two names, the same id twice. */
  drugs: [string, string];
  severity: Severity;
  /** What happens, in plain words. */
  summary: string;
  /** What to do. */
  action: string;
  dose?: RuleAdvice['dose'];
  /** Other distinct rules for the pair, most severe first. */
  also: RuleAdvice[];
  /** For duplicates: why ("same-medicine", "same-ingredient", "same-class"), and the shared ingredient's name. */
  duplicate?: { reason: 'same-medicine' | 'same-ingredient' | 'same-class'; ingredient?: string };
};

export function checkMedications(kb: KnowledgeBase, resolver: InteractionResolver, items: readonly CheckItem[]): CheckFinding[] {
  void kb;
  void resolver;
  void items;
  throw new Error('checkMedications: not implemented yet');
}
