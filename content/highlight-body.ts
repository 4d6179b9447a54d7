/**
 * Highlighting on one <body>: scan it in slices, watch it for new content,
 * find the open shadow roots of its web components (present at load, added
 * later, or attached when a custom element is defined late) and do the same
 * inside them, and serve the hover and popover UI. `startMedmark` keeps one of
 * these for whatever the body currently is.
 */
import type { Match } from '../drugs/match';
import type { NameIndex } from '../drugs/name-index';
import type { BackgroundClient } from './background-client';
import { watchUpgrades } from './custom-element-upgrades';
import { createDrugUi } from './drug-ui';
import type { DrugView } from './drug-view';
import { MARK_ATTRIBUTE } from './exclusions';
import { focusTargetOf, removeHighlights } from './highlight';
import { createContextCheck } from './medical-context-dom';
import { watchMutations } from './mutation-watch';
import { createPageScanner } from './page-scanner';
import { SHADOW_ATTACHED_EVENT } from './shadow-attach-signal';
import { createShadowRoots, marksInOrder } from './shadow-roots';

export type BodyHighlightOptions = {
  index: NameIndex;
  /** Called by the scanner before its first match (see `PageScannerOptions.prepare`). */
  prepareIndex?: (deadline: number, now: () => number) => boolean;
  client: BackgroundClient;
  /** Sees every match; return false to leave it unwrapped. */
  onMatch: (match: Match) => boolean;
  decorate: (marks: HTMLElement[]) => void;
  /** Ids of the drugs on the page, for the popover's interactions. */
  pageDrugIds: () => string[];
  hoverDelayMs: () => number;
  addMedication: (id: string) => Promise<unknown>;
  /** Loads the preview and popover drawing (`drug-ui.ts`). */
  loadView: () => Promise<DrugView>;
};

export type BodyHighlight = {
  body: HTMLElement;
  /** Marks (of one drug, or all), in reading order, shadow roots included. */
  marks(id?: string): HTMLElement[];
  /** Opens the popover on `mark`. */
  open(mark: HTMLElement): void;
  /** Scrolls `mark` into view, gives it (or the link that holds it) focus, and announces `message` to screen readers. */
  focus(mark: HTMLElement, message: string): void;
  /** Stops scanning, watching and the UI, leaving the marks (the body has left the page). */
  detach(): void;
  /** Detaches and removes every mark and our styles: the page text is as before. */
  destroy(): void;
};

export function highlightBody(body: HTMLElement, options: BodyHighlightOptions): BodyHighlight {
  const doc = body.ownerDocument;
  const shadows = createShadowRoots(doc);
  const markSelector = (id?: string) => (id ? `mark[${MARK_ATTRIBUTE}][data-drug="${CSS.escape(id)}"]` : `mark[${MARK_ATTRIBUTE}]`);

  /** Elements named `name` in the page (its light tree and the shadow roots we know). */
  const elementsNamed = (name: string): Element[] =>
    [body, ...shadows.connected()].flatMap((scope) => Array.from(scope.querySelectorAll(CSS.escape(name))));

  const upgrades = watchUpgrades({
    // A rescan of each upgraded element finds its new shadow root.
    onDefined: (name) => elementsNamed(name).forEach((element) => scanner.scan(element)),
    // All elements of a name upgrade together, so any one of them tells.
    find: (name) => elementsNamed(name)[0],
  });
  const watch = watchMutations(body, (node) => scanner.scan(node));
  const scanner = createPageScanner({
    index: options.index,
    prepare: options.prepareIndex,
    withoutObserving: (write) => watch.withoutObserving(write),
    onMatch: options.onMatch,
    inMedicalContext: createContextCheck(options.index, () => body.ownerDocument.title),
    onMarks: (marks) => {
      for (const root of new Set(marks.map((mark) => mark.getRootNode()))) {
        if (root instanceof ShadowRoot) shadows.style(root);
      }
      options.decorate(marks);
    },
    onShadowRoot: (root) => {
      if (shadows.add(root)) watch.observe(root);
    },
    onUndefinedElement: (element) => upgrades.add(element),
  });
  scanner.scan(body);

  // A shadow root attached late to an element already in the page (told by
  // our page-world signal, content/shadow-attach-signal.ts). The event may be
  // the page's own: we only look at elements in this body or its shadow trees
  // that really have an open root.
  const onShadowAttached = (event: Event) => {
    const host = event.composedPath()[0];
    if (!(host instanceof Element) || !host.shadowRoot) return;
    const root = host.getRootNode();
    if (root === doc ? body.contains(host) : root instanceof ShadowRoot && shadows.connected().includes(root)) scanner.scan(host);
  };
  doc.addEventListener(SHADOW_ATTACHED_EVENT, onShadowAttached, true);

  const drugUi = createDrugUi({
    loadView: options.loadView,
    doc,
    client: options.client,
    pageDrugIds: options.pageDrugIds,
    hoverDelayMs: options.hoverDelayMs,
    addMedication: options.addMedication,
  });

  const detach = () => {
    doc.removeEventListener(SHADOW_ATTACHED_EVENT, onShadowAttached, true);
    scanner.destroy();
    watch.destroy();
    upgrades.destroy();
    drugUi.destroy();
  };

  return {
    body,
    marks: (id) => marksInOrder(body, shadows.connected(), markSelector(id)),
    open: (mark) => drugUi.open(mark),
    focus(mark, message) {
      mark.scrollIntoView({ block: 'center', behavior: 'instant' });
      focusTargetOf(mark)?.focus({ preventScroll: true });
      drugUi.announce(message);
    },
    detach,
    destroy() {
      detach();
      removeHighlights(body);
      shadows.destroy();
    },
  };
}
