/**
 * Search over the whole knowledge base for the side panel: names (generic,
 * brand, international), likely misspellings, and conditions or uses
 * ("spasticity", "heartburn", "blood thinner"). Built on MiniSearch.
 * (Being implemented: see the helper brief in this session.)
 */
import type { KnowledgeBase } from './knowledge-base';

/** One search result. */
export type SearchHit = {
  /** Record or agent id. */
  id: string;
  /** Display name ("Baclofen", "Alcohol"). */
  name: string;
  /** `drug` for a record (has a full page), `agent` for an interaction partner without one. */
  kind: 'drug' | 'agent';
  /** Class in words for records; the agent's kind for agents ("food", "supplement", "drug"). */
  drugClass: string;
  /** What matched, when it is not the display name: "Lioresal", "spasticity". */
  matched?: string;
};

export type DrugSearch = {
  /** Best first; empty for a blank query. */
  search(query: string, limit?: number): SearchHit[];
};

export function createDrugSearch(kb: KnowledgeBase): DrugSearch {
  void kb;
  throw new Error('createDrugSearch: not implemented yet');
}
