/**
 * Messages from extension pages (the toolbar popup, the side panel) to the
 * content script of a tab's top frame, sent with
 * `browser.tabs.sendMessage(tabId, ..., { frameId: 0 })`.
 * A tab where content scripts cannot run (browser pages, the web store, the
 * PDF viewer) rejects the message: pages treat that as "Medmark cannot run here".
 */

/** Whether Medmark is highlighting this tab, and if not, why. */
export type PageStatus = 'on' | 'site-off' | 'paused';

/** One drug highlighted on the page. */
export type PageDrug = {
  id: string;
  /** Mentions found on the page (all of them, even when only the first is highlighted). */
  count: number;
  /** The names the page used for it, as written, first seen first ("Advil", "ibuprofen"). */
  names: string[];
};

export type PageState = {
  status: PageStatus;
  /** The page's host name ("example.com"), for "switch off on this site". */
  host: string;
  /** In order of first mention. Empty when the status is not `on`. */
  drugs: PageDrug[];
};

export type PageStateRequest = { type: 'medmark/page-state' };
/** Scrolls to the next mention of the drug (after the last one jumped to) and opens its popover. */
export type JumpRequest = { type: 'medmark/jump'; id: string };
export type TabRequest = PageStateRequest | JumpRequest;

export function isTabRequest(value: unknown): value is TabRequest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.type === 'medmark/page-state' || (m.type === 'medmark/jump' && typeof m.id === 'string');
}
