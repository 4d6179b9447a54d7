/**
 * One run of highlighting on a page: scan in slices, watch for new content,
 * attach the highlight UI, and keep the list of drugs found. Returns a handle
 * whose `destroy` leaves the page text exactly as it was; switching Medmark
 * off for a site, or changing "every mention / first mention", is a destroy
 * followed (later) by a new run.
 */
import type { NameIndex } from '../drugs/name-index';
import type { MentionMode } from '../settings/settings';
import type { PageDrug } from '../messaging/tab-protocol';
import type { BackgroundClient } from './background-client';
import { createDrugUi } from './drug-ui';
import { MARK_ATTRIBUTE } from './exclusions';
import { removeHighlights } from './highlight';
import { watchMutations } from './mutation-watch';
import { createPageScanner } from './page-scanner';
import { createUiRoot } from './ui-root';

export type HighlightRunOptions = {
  index: NameIndex;
  client: BackgroundClient;
  mentions: MentionMode;
  /** Sets our attributes (style, "interacts with your medicines") on new marks. */
  decorate: (marks: HTMLElement[]) => void;
  /** Called when a drug is found for the first time on this page. */
  onNewDrugs: () => void;
  hoverDelayMs: () => number;
  addMedication: (id: string) => Promise<unknown>;
  doc?: Document;
};

export type HighlightRun = {
  /** Drugs found so far, in order of first mention. */
  drugs(): PageDrug[];
  /** Scrolls to the mention after the last one jumped to (wrapping round) and opens its popover. */
  jump(id: string): boolean;
  /** Every mark of this run. */
  marks(): HTMLElement[];
  destroy(): void;
};

export function startMedmark(options: HighlightRunOptions): HighlightRun {
  const doc = options.doc ?? document;
  const body = doc.body;
  const found = new Map<string, PageDrug>();
  const lastJump = new Map<string, number>();
  if (!body) return { drugs: () => [], jump: () => false, marks: () => [], destroy: () => {} };

  let watch: ReturnType<typeof watchMutations> | undefined;
  const scanner = createPageScanner({
    index: options.index,
    withoutObserving: (write) => (watch ? watch.withoutObserving(write) : write()),
    onMatch: (match) => {
      let drug = found.get(match.drug);
      const isFirst = !drug;
      if (!drug) {
        drug = { id: match.drug, count: 0, names: [] };
        found.set(match.drug, drug);
      }
      drug.count++;
      if (!drug.names.includes(match.text)) drug.names.push(match.text);
      if (isFirst) queueMicrotask(options.onNewDrugs);
      return options.mentions === 'all' || isFirst;
    },
    onMarks: options.decorate,
  });
  watch = watchMutations(body, (node) => scanner.scan(node));
  scanner.scan(body);

  const drugUi = createDrugUi({
    createUi: () => createUiRoot(doc),
    client: options.client,
    pageDrugIds: () => [...found.keys()],
    hoverDelayMs: options.hoverDelayMs,
    addMedication: options.addMedication,
  });

  const marks = (id?: string) =>
    Array.from(
      body.querySelectorAll<HTMLElement>(id ? `mark[${MARK_ATTRIBUTE}][data-drug="${CSS.escape(id)}"]` : `mark[${MARK_ATTRIBUTE}]`),
    );

  return {
    drugs: () => [...found.values()].map((d) => ({ ...d, names: [...d.names] })),
    jump(id) {
      const all = marks(id);
      if (all.length === 0) return false;
      const next = ((lastJump.get(id) ?? -1) + 1) % all.length;
      lastJump.set(id, next);
      const mark = all[next];
      // Instant, whatever the page's scroll-behavior: the popover opens where the mark ends up.
      mark.scrollIntoView({ block: 'center', behavior: 'instant' });
      drugUi.open(mark);
      return true;
    },
    marks: () => marks(),
    destroy() {
      scanner.destroy();
      watch?.destroy();
      drugUi.destroy();
      removeHighlights(body);
    },
  };
}
