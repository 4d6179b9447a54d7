/**
 * A tab, as the popup and the side panel see it: which medicines its content
 * script found. A tab where content scripts cannot run (browser pages, the
 * web store, the PDF viewer) rejects the message; that is an answer too
 * ("Medmark is not running on this page"), so it is never thrown.
 */
import { browser } from 'wxt/browser';
import type { PageState, TabRequest } from '../messaging/tab-protocol';

function isPageState(value: unknown): value is PageState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.status === 'on' || v.status === 'site-off' || v.status === 'paused' || v.status === 'page-off') && Array.isArray(v.drugs);
}

/** The page itself; its frames are pages of their own with their own drug lists. */
const TOP_FRAME = 0;

/** Sends a request to the tab's page (its top frame). Rejects when no content script runs there. */
export function sendToTab(tabId: number, request: TabRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, request, { frameId: TOP_FRAME });
}

/** The tab's page state, or undefined when the tab did not answer (or answered nonsense). */
export async function fetchPageState(tabId: number): Promise<PageState | undefined> {
  try {
    const answer = await sendToTab(tabId, { type: 'medmark/page-state' });
    return isPageState(answer) ? answer : undefined;
  } catch {
    return undefined;
  }
}

/** The active tab's page state, or undefined when the tab did not answer. */
export async function fetchActivePageState(): Promise<PageState | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? undefined : await fetchPageState(tab.id);
  } catch {
    return undefined;
  }
}

/**
 * Calls `onChange` when the page the panel should describe may have changed:
 * another tab was chosen, or the active tab finished loading. Returns the
 * function that stops watching.
 */
export function watchActiveTab(onChange: () => void): () => void {
  const activated = () => onChange();
  const updated = (_tabId: number, info: { status?: string }, tab: { active?: boolean }) => {
    if (tab.active && info.status === 'complete') onChange();
  };
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  return () => {
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
  };
}
