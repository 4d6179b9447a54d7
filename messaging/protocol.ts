/**
 * Messages between the content script and the background. The background owns
 * the full knowledge base; the content script carries only names and asks for
 * details when a reader hovers or opens a popover. See README.md.
 */
import type { DoseNote, DrugInteraction, RuleAdvice } from '../drugs/interactions';
import type { Entity } from '../drugs/knowledge-base';
import type { DrugRecord, Severity } from '../drugs/schema';

export type PreviewRequest = { type: 'medmark/preview'; id: string };
export type DetailsRequest = {
  type: 'medmark/details';
  id: string;
  /** Other drug ids found on the same page, to call out their interactions first. */
  pageDrugIds: string[];
};
export type MedmarkRequest = PreviewRequest | DetailsRequest;

/** What the hover preview shows. */
export type DrugPreview = {
  id: string;
  name: string;
  drugClass: string;
  summary: string;
  hasBoxedWarning: boolean;
};

/** An interaction with another drug on the same page. */
export type PageInteraction = {
  other: Entity;
  /** The most severe grade of all the rules for the pair. */
  severity: Severity;
  /** What happens and what to do, from the most specific rule. */
  summary: string;
  action: string;
  dose?: DoseNote;
  /** The other distinct rules for the pair, most severe first. */
  also: RuleAdvice[];
};

/** The drug record as shipped to readers (review notes stay out of the bundle). */
export type ShippedDrugRecord = Omit<DrugRecord, 'reviewNotes'>;

export type DrugDetails = {
  drug: ShippedDrugRecord;
  /** Ingredient names of a combination, with the record id where one exists. */
  ingredients: { name: string; id?: string }[];
  interactions: DrugInteraction[];
  pageInteractions: PageInteraction[];
};


export function isMedmarkRequest(value: unknown): value is MedmarkRequest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (typeof m.id !== 'string') return false;
  if (m.type === 'medmark/preview') return true;
  return m.type === 'medmark/details' && Array.isArray(m.pageDrugIds) && m.pageDrugIds.every((x) => typeof x === 'string');
}
