/**
 * Loads `drug-view.ts` (built as `/drug-view.js`, see `entrypoints/drug-view.ts`)
 * into this content script's world. The file is a classic script, imported
 * with `import()` so it runs in the content script's isolated world (Chrome)
 * or sandbox (Firefox), never in the page's; it hands the view over on that
 * world's global, which the page cannot see. Chrome only; in Firefox the
 * view is part of the content script.
 */
import { browser } from 'wxt/browser';
import type { DrugView } from './drug-view';

/** Where `/drug-view.js` leaves the view. */
export const DRUG_VIEW_GLOBAL = '__medmarkDrugView';
export const DRUG_VIEW_FILE = '/drug-view.js';

export async function loadDrugView(): Promise<DrugView> {
  // Firefox: bundled in the content script. addons-linter warns about any
  // import() of a computed address, and store review reads its warnings; the
  // benchmark's injection cost is Chrome's (docs/adr/0009).
  if (import.meta.env.FIREFOX) return (await import('./drug-view')).drugView;
  const holder = globalThis as unknown as Record<string, DrugView | undefined>;
  if (!holder[DRUG_VIEW_GLOBAL]) await import(/* @vite-ignore */ browser.runtime.getURL(DRUG_VIEW_FILE));
  const view = holder[DRUG_VIEW_GLOBAL];
  if (!view) throw new Error(`${DRUG_VIEW_FILE} did not provide the drug view`);
  return view;
}
