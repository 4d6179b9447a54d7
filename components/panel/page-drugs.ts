/**
 * What the side panel knows about the medicines on the reader's current tab,
 * and, when they cannot be added to the checker, the reason to show beside
 * the disabled button (a disabled button cannot be focused, so its reason is
 * visible text, never a tooltip).
 */
import type { PageDrug, PageState } from '../../messaging/tab-protocol';

export type PageDrugs = { state: 'loading' } | { state: 'ready'; drugs: PageDrug[] } | { state: 'unavailable'; reason: string };

export const PAGE_NOT_RUNNING = 'Medmark is not running on this page';
export const PAGE_NO_MEDICINES = 'No medicines found on this page';
export const PAGE_LOOKING = 'Looking for medicines on this page…';

/** From the tab's answer; `undefined` when the tab did not answer (browser pages, the web store, a PDF). */
export function pageDrugsFrom(state: PageState | undefined): PageDrugs {
  if (!state) return { state: 'unavailable', reason: PAGE_NOT_RUNNING };
  if (state.status === 'site-off') return { state: 'unavailable', reason: `${PAGE_NOT_RUNNING} (it is switched off on this site)` };
  if (state.status === 'paused') return { state: 'unavailable', reason: `${PAGE_NOT_RUNNING} (it is paused)` };
  if (state.status === 'page-off')
    return { state: 'unavailable', reason: `${PAGE_NOT_RUNNING} (highlights are switched off for this page)` };
  if (state.drugs.length === 0) return { state: 'unavailable', reason: PAGE_NO_MEDICINES };
  return { state: 'ready', drugs: state.drugs };
}

/** Why "Add drugs on this page" is disabled, or `undefined` when it is not. */
export function pageDrugsUnavailableReason(page: PageDrugs): string | undefined {
  if (page.state === 'loading') return PAGE_LOOKING;
  return page.state === 'unavailable' ? page.reason : undefined;
}
