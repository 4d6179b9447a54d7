/**
 * The record another page asks the side panel to open, from the panel's own
 * address: `sidepanel.html?drug=baclofen`, `#drug=baclofen` or `#baclofen`.
 * The hash form lets a page already open switch records without a reload.
 * A bare hash is compared as written: ids never need escaping.
 */

/** Record ids are lower-case kebab-case (drugs/schema.ts); anything else is ignored, never looked up. */
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function drugIdFromAddress(search: string, hash: string): string | undefined {
  const fromHash = hash.replace(/^#/, '');
  const isParams = fromHash.includes('=');
  const candidates = [isParams ? new URLSearchParams(fromHash).get('drug') : fromHash, new URLSearchParams(search).get('drug')];
  // The hash wins: it is what changes while the panel stays open.
  return candidates.find((c): c is string => !!c && ID.test(c));
}
