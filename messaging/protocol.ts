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
/** Which of these page drugs interact with the reader's medicines, and how badly (for highlighting them distinctly). */
export type MineRequest = { type: 'medmark/mine'; ids: string[] };
/** Adds a record to My medications (from the popover). */
export type AddMedicationRequest = { type: 'medmark/add-medication'; id: string };
/** The content script's count of distinct drugs on its page, for the toolbar badge. */
export type PageCountRequest = { type: 'medmark/page-count'; count: number };
export type MedmarkRequest = PreviewRequest | DetailsRequest | MineRequest | AddMedicationRequest | PageCountRequest;

/** What the background knows besides the knowledge base when it answers. */
export type RequestContext = {
  /** Ids of the reader's saved medicines, in the order they were added. */
  myMedicationIds: string[];
};

/** For each page drug that interacts with one of the reader's medicines: the most severe grade. */
export type MineAnswer = Record<string, Severity>;

/** What the hover preview shows. */
export type DrugPreview = {
  id: string;
  name: string;
  drugClass: string;
  summary: string;
  hasBoxedWarning: boolean;
  /** The reader's medicines this drug interacts with, most severe first. */
  mine: MyMedicationInteraction[];
};

/** An interaction between the drug shown and one of the reader's own medicines. */
export type MyMedicationInteraction = { other: Entity; severity: Severity; summary: string };

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
  /** For a family record ("insulin"): its kinds, each with the records of that kind. */
  kinds: { label: string; drugs: { id: string; name: string }[] }[];
  interactions: DrugInteraction[];
  pageInteractions: PageInteraction[];
  /** Interactions with the reader's own medicines, shown before everything else. */
  myMedicationInteractions: PageInteraction[];
  /** Whether the drug is on the reader's list (the popover offers to add it if not). */
  inMyMedications: boolean;
};

export function isMedmarkRequest(value: unknown): value is MedmarkRequest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  const isIdList = (x: unknown) => Array.isArray(x) && x.every((y) => typeof y === 'string');
  switch (m.type) {
    case 'medmark/preview':
    case 'medmark/add-medication':
      return typeof m.id === 'string';
    case 'medmark/details':
      return typeof m.id === 'string' && isIdList(m.pageDrugIds);
    case 'medmark/mine':
      return isIdList(m.ids);
    case 'medmark/page-count':
      return typeof m.count === 'number' && Number.isInteger(m.count) && m.count >= 0;
    default:
      return false;
  }
}
