/** Talks to the background. Previews are cached: hovering the same name twice costs nothing. */
import { browser } from 'wxt/browser';
import type { DetailsRequest, DrugDetails, DrugPreview, MedmarkRequest, MineAnswer } from '../messaging/protocol';

export type BackgroundClient = {
  preview(id: string): Promise<DrugPreview | null>;
  details(id: string, pageDrugIds: string[]): Promise<DrugDetails | null>;
  /** Which of these drugs interact with the reader's medicines. */
  mine(ids: string[]): Promise<MineAnswer>;
  addMedication(id: string): Promise<unknown>;
  /** Reports the number of distinct drugs on the page (the toolbar badge). */
  pageCount(count: number): Promise<unknown>;
  /** Forgets cached previews (they mention the reader's medicines, which changed). */
  clearCache(): void;
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
    mine(ids) {
      return send({ type: 'medmark/mine', ids }).then((r) => (r ?? {}) as MineAnswer);
    },
    addMedication(id) {
      return send({ type: 'medmark/add-medication', id });
    },
    pageCount(count) {
      return send({ type: 'medmark/page-count', count });
    },
    clearCache() {
      previews.clear();
    },
  };
}
