/**
 * Loads the preview and popover drawing (`drug-view.ts`) on first use: in
 * Chrome from its own file, `/drug-view.js` (docs/adr/0009); in Firefox it is
 * part of the content script, because addons-linter warns about any import()
 * of a computed address and store review reads its warnings.
 */
import type { DrugView } from './drug-view';
import { importExtensionModule } from './extension-module';

export const DRUG_VIEW_GLOBAL = '__medmarkDrugView';

export async function loadDrugView(): Promise<DrugView> {
  if (import.meta.env.FIREFOX) return (await import('./drug-view')).drugView;
  return importExtensionModule<DrugView>('/drug-view.js', DRUG_VIEW_GLOBAL);
}
