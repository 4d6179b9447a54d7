/** Asks the background for drug details. Previews are cached: hovering the same name twice costs nothing. */
import { browser } from 'wxt/browser';
import type { DetailsRequest, DrugDetails, DrugPreview, MedmarkRequest } from '../messaging/protocol';

export type BackgroundClient = {
  preview(id: string): Promise<DrugPreview | null>;
  details(id: string, pageDrugIds: string[]): Promise<DrugDetails | null>;
};

export function createBackgroundClient(
  send: (request: MedmarkRequest) => Promise<unknown> = (request) => browser.runtime.sendMessage(request),
): BackgroundClient {
  const previews = new Map<string, Promise<DrugPreview | null>>();
  return {
    preview(id) {
      let pending = previews.get(id);
      if (!pending) {
        pending = send({ type: 'medmark/preview', id }).then((r) => (r ?? null) as DrugPreview | null);
        pending.catch(() => previews.delete(id));
        previews.set(id, pending);
      }
      return pending;
    },
    details(id, pageDrugIds) {
      const request: DetailsRequest = { type: 'medmark/details', id, pageDrugIds };
      return send(request).then((r) => (r ?? null) as DrugDetails | null);
    },
  };
}
