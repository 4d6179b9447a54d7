/**
 * Runs one of the extension's own script files in this content script's
 * world and returns what it leaves on that world's global. `import()` of an
 * extension address runs the file in the content script's isolated world,
 * never in the page's, and the page cannot see that world's global. The
 * files are web-accessible only at Chrome's per-session address
 * (`use_dynamic_url`, wxt.config.ts), so a page cannot probe for them
 * (docs/adr/0009). Chrome only: the Firefox build bundles what they hold.
 */
import { browser } from 'wxt/browser';

export type ExtensionModule = '/medmark-engine.js' | '/drug-view.js';

export async function importExtensionModule<T>(file: ExtensionModule, globalName: string): Promise<T> {
  const holder = globalThis as unknown as Record<string, T | undefined>;
  if (!holder[globalName]) await import(/* @vite-ignore */ browser.runtime.getURL(file));
  const value = holder[globalName];
  if (!value) throw new Error(`${file} did not provide ${globalName}`);
  return value;
}

/** Leaves `value` where `importExtensionModule` finds it (called by the file's entrypoint). */
export function provideExtensionModule(globalName: string, value: unknown): void {
  (globalThis as unknown as Record<string, unknown>)[globalName] = value;
}
