/**
 * Loads the engine (`medmark-page.ts`: the names, matcher, scanner and
 * controller). In Chrome it is its own file, `/medmark-engine.js`, loaded
 * only once the page has something to read (docs/adr/0010); in Firefox it is
 * part of the content script (see `drug-view-loader.ts` for why).
 */
import { importExtensionModule } from './extension-module';
import type { MedmarkEngine } from './medmark-page';

export const ENGINE_GLOBAL = '__medmarkEngine';

export async function loadEngine(): Promise<MedmarkEngine> {
  if (import.meta.env.FIREFOX) return import('./medmark-page');
  return importExtensionModule<MedmarkEngine>('/medmark-engine.js', ENGINE_GLOBAL);
}
