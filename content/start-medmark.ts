/**
 * One run of highlighting on a page: scan in slices, watch for new content,
 * attach the highlight UI, and keep the list of drugs found. Returns a handle
 * whose `destroy` leaves the page text exactly as it was; switching Medmark
 * off for a site, or changing "every mention / first mention", is a destroy
 * followed (later) by a new run.
 *
 * The run follows the page's <body>: when the page swaps in a new one (Turbo
 * style navigation), highlighting moves to it and the list of drugs starts
 * again from what is on the new body. The old body keeps its marks: a page
 * that puts it back (a snapshot cache) has them counted again.
 */
import { withoutInvisible } from '../drugs/text-normalize';
import type { NameIndex } from '../drugs/name-index';
import type { MentionMode } from '../settings/settings';
import type { PageDrug, StepAnswer } from '../messaging/tab-protocol';
import type { BackgroundClient } from './background-client';
import { watchBody } from './body-watch';
import type { DrugView } from './drug-view';
import { MARK_ATTRIBUTE } from './exclusions';
import { highlightBody, type BodyHighlight } from './highlight-body';
import { deepActiveElement, stepTarget } from './highlight-step';

export type HighlightRunOptions = {
  index: NameIndex;
  /** Finishes the index before the first match (`PageScannerOptions.prepare`). */
  prepareIndex?: (deadline: number, now: () => number) => boolean;
  client: BackgroundClient;
  mentions: MentionMode;
  /** Sets our attributes (style, "interacts with your medicines") on new marks. */
  decorate: (marks: HTMLElement[]) => void;
  /** Called when the list of drugs changes: a drug found for the first time, or a new body. */
  onDrugsChanged: () => void;
  hoverDelayMs: () => number;
  addMedication: (id: string) => Promise<unknown>;
  loadView: () => Promise<DrugView>;
  doc?: Document;
};

export type HighlightRun = {
  /** Drugs found so far, in order of first mention. */
  drugs(): PageDrug[];
  /** Scrolls to the mention after the last one jumped to (wrapping round) and opens its popover. */
  jump(id: string): boolean;
  /** Every mark of this run, or those of one drug. */
  marks(id?: string): HTMLElement[];
  /** Focuses the next or previous highlight and announces it (`StepRequest`); null when there is none. */
  step(direction: 'next' | 'previous'): StepAnswer | null;
  destroy(): void;
};

export function startMedmark(options: HighlightRunOptions): HighlightRun {
  const doc = options.doc ?? document;
  const found = new Map<string, PageDrug>();
  const lastJump = new Map<string, number>();
  /** The highlight the last step went to: where the next step starts when focus has moved off the page's highlights. */
  let lastStepped: HTMLElement | undefined;

  /** Counts a mention; true when it is the drug's first on this body. */
  const count = (id: string, text: string): boolean => {
    let drug = found.get(id);
    const isFirst = !drug;
    if (!drug) {
      drug = { id, count: 0, names: [] };
      found.set(id, drug);
    }
    drug.count++;
    // "bac\u00adlofen" (a soft hyphen from the page's hyphenation) is the name "baclofen".
    const name = withoutInvisible(text);
    if (!drug.names.includes(name)) drug.names.push(name);
    if (isFirst) queueMicrotask(options.onDrugsChanged);
    return isFirst;
  };

  const highlight = (body: HTMLElement): BodyHighlight => {
    // Marks the body already carries (moved over from the old body, or a
    // cached snapshot put back) are mentions on the page too.
    for (const mark of Array.from(body.querySelectorAll<HTMLElement>(`mark[${MARK_ATTRIBUTE}]`))) {
      if (mark.dataset.drug) count(mark.dataset.drug, mark.textContent ?? '');
    }
    return highlightBody(body, {
      index: options.index,
      prepareIndex: options.prepareIndex,
      client: options.client,
      onMatch: (match) => count(match.drug, match.text) || options.mentions === 'all',
      decorate: options.decorate,
      pageDrugIds: () => [...found.keys()],
      hoverDelayMs: options.hoverDelayMs,
      addMedication: options.addMedication,
      loadView: options.loadView,
    });
  };

  let current = doc.body ? highlight(doc.body) : undefined;
  const bodyWatch = watchBody(doc, (body) => {
    current?.detach();
    found.clear();
    lastJump.clear();
    current = body ? highlight(body) : undefined;
    queueMicrotask(options.onDrugsChanged);
  });

  return {
    drugs: () => [...found.values()].map((d) => ({ ...d, names: [...d.names] })),
    jump(id) {
      const all = current?.marks(id) ?? [];
      if (all.length === 0) return false;
      const next = ((lastJump.get(id) ?? -1) + 1) % all.length;
      lastJump.set(id, next);
      const mark = all[next];
      // Instant, whatever the page's scroll-behavior: the popover opens where the mark ends up.
      mark.scrollIntoView({ block: 'center', behavior: 'instant' });
      current!.open(mark);
      return true;
    },
    marks: (id) => current?.marks(id) ?? [],
    step(direction) {
      const all = current?.marks() ?? [];
      const at = stepTarget(all, deepActiveElement(doc), lastStepped, direction, doc.defaultView?.innerHeight ?? 0);
      if (at < 0) return null;
      const mark = all[at];
      lastStepped = mark;
      const answer: StepAnswer = { text: mark.textContent ?? '', drug: mark.dataset.drug ?? '', position: at + 1, total: all.length };
      current!.focus(mark, `${answer.text}: medicine ${answer.position} of ${answer.total} on this page`);
      return answer;
    },
    destroy() {
      bodyWatch.destroy();
      current?.destroy();
      current = undefined;
    },
  };
}
