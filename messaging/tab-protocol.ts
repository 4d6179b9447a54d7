/**
 * Messages from extension pages (the toolbar popup, the side panel) to the
 * content script of a tab's top frame, sent with
 * `browser.tabs.sendMessage(tabId, ..., { frameId: 0 })`.
 * A tab where content scripts cannot run (browser pages, the web store, the
 * PDF viewer) rejects the message: pages treat that as "Medmark cannot run here".
 */

/**
 * Whether Medmark is highlighting this tab, and if not, why: paused
 * everywhere, switched off for the site (both settings), or switched off for
 * this page only with the keyboard shortcut (until the page is reloaded).
 */
export type PageStatus = 'on' | 'site-off' | 'paused' | 'page-off';

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
/**
 * Moves focus to the next or previous highlight in reading order (from the
 * focused one, else from the first in view) and says which it is. Answered
 * with `StepAnswer`, or null when the page has no highlights.
 */
export type StepRequest = { type: 'medmark/step'; direction: 'next' | 'previous' };
export type StepAnswer = { text: string; drug: string; position: number; total: number };
/** Switches highlights off for this page, or back on. Answered with the new `PageState`. */
export type TogglePageRequest = { type: 'medmark/toggle-page' };
export type TabRequest = PageStateRequest | JumpRequest | StepRequest | TogglePageRequest;

export function isTabRequest(value: unknown): value is TabRequest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m.type === 'medmark/page-state' ||
    m.type === 'medmark/toggle-page' ||
    (m.type === 'medmark/jump' && typeof m.id === 'string') ||
    (m.type === 'medmark/step' && (m.direction === 'next' || m.direction === 'previous'))
  );
}
