/**
 * Scans the page for drug names without blocking it: text nodes are visited
 * with a TreeWalker in time slices of `SLICE_BUDGET_MS`, yielding to the page
 * between slices, so no task of ours comes near the 50 ms long-task line even
 * on very large pages. Roots added later (by the mutation watcher) are queued;
 * a root inside one already queued is dropped.
 *
 * A TreeWalker does not enter shadow trees, so the walk looks at each
 * element's open shadow root (closed ones are out of reach, by design) and
 * queues it as a root of its own. Every pass over a host queues its shadow
 * root again: a rescan of a subtree is a rescan of the components in it, and
 * that keeps a burst collapsed into one body rescan complete.
 */
import { findMatches, type Match } from '../drugs/match';
import type { NameIndex } from '../drugs/name-index';
import { isEditableDocument, isExcludedElement, isInsideExcluded } from './exclusions';
import { wrapMatches } from './highlight';
import { createTaskScheduler } from './task-scheduler';

/**
 * Work per slice: a frame's worth, well below the 50 ms long-task line. Each
 * slice that writes highlights costs the page a style and layout pass
 * afterwards, so fewer, fuller slices cost less in all: on the benchmark's
 * dense page 8 ms slices took about 5.2 s to the last highlight, 16-20 ms
 * slices 4.3 s (issue 11).
 */
export const SLICE_BUDGET_MS = 16;
/**
 * Very long text nodes are matched in windows of this many characters so one
 * node cannot blow the slice budget; windows end at whitespace.
 */
export const TEXT_WINDOW = 4_000;
/** Longer than any drug name, so a name that starts inside a window is matched whole. */
export const WINDOW_OVERLAP = 200;

/** Highlights matched before a slice writes them: the first batch, and every later one (see `pending`). */
export const FIRST_BATCH = 30;
export const BATCH = 500;

/** Past this many pending roots, rescanning the whole body is cheaper than tracking them. */
export const MAX_QUEUED_ROOTS = 200;

export type PageScanner = {
  /** Queue `root` (an element or text node) for scanning. */
  scan(root: Node): void;
  /** Resolves when the queue is empty. */
  idle(): Promise<void>;
  destroy(): void;
};

export type PageScannerOptions = {
  index: NameIndex;
  /**
   * Called for every match found, in page order; return false to leave it
   * unwrapped (only the first mention of each drug, say). Sees every match, so
   * it can count mentions whether or not they are highlighted.
   */
  onMatch?: (match: Match) => boolean;
  /**
   * Decides matches of names that need a medical context (`match.needsContext`)
   * from the text around them. Absent: such matches are never highlighted.
   */
  inMedicalContext?: (node: Text, match: Match) => boolean;
  /** Called after each slice with the marks it created. */
  onMarks?: (marks: HTMLElement[]) => void;
  /** Called for each open shadow root the walk passes (it is queued too), so the caller can watch it. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Called for custom elements not defined yet (`:not(:defined)`): once
   * defined they may attach a shadow root without any mutation we could see.
   */
  onUndefinedElement?: (element: Element) => void;
  /** Called around our own DOM writes so the mutation watcher can ignore them. */
  withoutObserving?: (write: () => void) => void;
  /**
   * Work to finish before the first match, given time until `deadline`; true
   * once done (building the name index a slice at a time: a page with no text
   * never needs it). Absent: nothing to prepare.
   */
  prepare?: (deadline: number, now: () => number) => boolean;
  schedule?: (run: () => void) => void;
  now?: () => number;
};

type Cursor = { root: Node; walker: TreeWalker; next: Node | null };

export function createPageScanner(options: PageScannerOptions): PageScanner {
  const now = options.now ?? (() => performance.now());
  const schedule = options.schedule ?? createTaskScheduler();
  const withoutObserving = options.withoutObserving ?? ((write) => write());
  const queue: Node[] = [];
  /** The shadow roots in `queue`, so a page of components does not make queuing quadratic. */
  const queuedShadows = new Set<ShadowRoot>();
  let cursor: Cursor | undefined;
  let running = false;
  let destroyed = false;
  let prepared = !options.prepare;
  let waiters: (() => void)[] = [];

  /** Queues an element's open shadow root, or reports it if it may get one when defined. */
  const lookInside = (element: Element) => {
    const shadow = element.shadowRoot;
    if (shadow) {
      enqueue(shadow);
      options.onShadowRoot?.(shadow);
    } else if (options.onUndefinedElement && element.localName.includes('-') && !element.matches(':defined')) {
      options.onUndefinedElement(element);
    }
  };

  const textFilter = {
    acceptNode(node: Node): number {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const element = node as Element;
        if (isExcludedElement(element)) return NodeFilter.FILTER_REJECT;
        // Its light children are walked on as usual: slotted, they are shown too.
        lookInside(element);
        return NodeFilter.FILTER_SKIP;
      }
      // Shorter than any name, or whitespace only: nothing to find.
      const data = (node as Text).data;
      return data.length > 2 && /\S/.test(data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  };

  const openCursor = (root: Node): Cursor | undefined => {
    if (!root.isConnected || isInsideExcluded(root) || isEditableDocument(root.ownerDocument ?? document)) return undefined;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, textFilter);
    // The walker never shows its root to the filter: a component added (or upgraded) on its own is a root.
    if (root.nodeType === Node.ELEMENT_NODE) lookInside(root as Element);
    // A text root is its own only node; an element root starts at its first text.
    const next =
      root.nodeType === Node.TEXT_NODE ? (textFilter.acceptNode(root) === NodeFilter.FILTER_ACCEPT ? root : null) : walker.nextNode();
    return { root, walker, next };
  };

  /** The matches to highlight: in a medical context where they need one, and wanted by `onMatch`. */
  const accepted = (node: Text, found: Match[]): Match[] => {
    const inContext = found.filter((m) => !m.needsContext || (options.inMedicalContext?.(node, m) ?? false));
    return options.onMatch ? inContext.filter((m) => options.onMatch!(m)) : inContext;
  };

  /**
   * A long text node part-way through. Its highlights are built in a
   * detached copy, a window at a time, and swapped in whole once every window
   * is done: writing into a 1 MB paragraph window by window made the browser
   * lay the whole paragraph out again after every slice (13 s of layout on the
   * benchmark's page, issue 11); one swap costs one layout.
   */
  type LongNode = { node: Text; text: string; from: number; copy: DocumentFragment; marks: HTMLElement[] };
  let partial: LongNode | undefined;

  /**
   * Matches one window of a long node from `long.from` into its copy. A window
   * ends at whitespace, so a word is never cut in two, and takes in a name that
   * starts inside it and runs on past its end ("insulin glargine"). True when
   * the node is done.
   */
  const doWindow = (long: LongNode): boolean => {
    const { node, text, from } = long;
    let to = Math.min(text.length, from + TEXT_WINDOW);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from) to = space;
    }
    const found = findMatches(options.index, text.slice(from, Math.min(text.length, to + WINDOW_OVERLAP)))
      .map((m) => ({ ...m, start: m.start + from, end: m.end + from }))
      .filter((m) => m.start < to);
    // Offsets into the whole node here: the context check reads the text around a name.
    const matches = accepted(node, found);
    const end = Math.max(to, matches.at(-1)?.end ?? 0);
    const piece = document.createTextNode(text.slice(from, end));
    long.copy.append(piece);
    if (matches.length) {
      const inPiece = matches.map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
      long.marks.push(...wrapMatches(piece, inPiece, node.parentElement));
    }
    long.from = end;
    return end >= text.length;
  };

  /** Swaps a finished long node for its highlighted copy, unless the page changed it meanwhile (then it is scanned again). */
  const commitLong = (long: LongNode, marks: HTMLElement[]) => {
    const { node, text } = long;
    if (!node.isConnected || !node.parentNode) return;
    if (node.data !== text) {
      enqueue(node);
      return;
    }
    if (long.marks.length === 0) return;
    node.parentNode.replaceChild(long.copy, node);
    marks.push(...long.marks);
  };

  /**
   * Matches of short nodes waiting to be written. Writing is what costs the
   * page: after every slice that writes, the browser recomputes style and
   * layout, and on a large page that pass costs more than the slice itself.
   * So slices match without writing until a batch has built up, then write the
   * batch in as few slices as it takes: a few dozen layouts for a whole page
   * instead of one per slice (issue 11). The first batch is small, so what
   * the reader sees first (the top of the page) lights up at once.
   */
  let pending: ({ node: Text; text: string; matches: Match[] } | { long: LongNode })[] = [];
  let pendingMarks = 0;
  let batches = 0;
  /** A batch is being written: it is written whole before matching goes on. */
  let flushing = false;

  /** Writes the oldest pending node's highlights; a node the page changed meanwhile is scanned again. */
  const writePending = (marks: HTMLElement[]) => {
    const next = pending.shift()!;
    pendingMarks -= 'long' in next ? next.long.marks.length : next.matches.length;
    if (pending.length === 0) {
      batches++;
      flushing = false;
    }
    if ('long' in next) {
      commitLong(next.long, marks);
      return;
    }
    const { node, text, matches } = next;
    if (!node.isConnected) return;
    if (node.data !== text) {
      enqueue(node);
      return;
    }
    marks.push(...wrapMatches(node, matches));
  };

  /**
   * Matches the next node (or window of a long one); writes nothing. 'done' when there is
   * nothing left to match; 'wait' when the name index needs more time first.
   */
  const matchNext = (deadline: number): 'more' | 'done' | 'wait' => {
    if (partial) {
      if (!partial.node.isConnected) partial = undefined;
      else if (doWindow(partial)) {
        // Swapped in with the next batch: the parser cuts a long text into
        // nodes of 64k characters, and swapping each in its own slice cost a layout each.
        if (partial.marks.length) {
          pending.push({ long: partial });
          pendingMarks += partial.marks.length;
        }
        partial = undefined;
      }
      return 'more';
    }
    if (!cursor || !cursor.next) {
      const root: Node | undefined = queue.shift();
      if (root instanceof ShadowRoot) queuedShadows.delete(root);
      if (!root) {
        cursor = undefined;
        return 'done';
      }
      cursor = openCursor(root);
      return 'more';
    }
    if (!cursor.next.isConnected) {
      // The page removed the node we were about to visit: restart this root.
      // Rescanning is harmless because marked text is excluded.
      cursor = openCursor(cursor.root);
      return 'more';
    }
    if (!prepared) {
      prepared = options.prepare?.(deadline, now) ?? true;
      if (!prepared) return 'wait';
    }
    const node = cursor.next as Text;
    // Advance before writing: the splits we make stay behind the walker.
    cursor.next = node === cursor.root ? null : cursor.walker.nextNode();
    const text = node.data;
    if (text.length > TEXT_WINDOW) {
      // A long node is matched a window at a time (doWindow), from the next step on.
      partial = { node, text, from: 0, copy: document.createDocumentFragment(), marks: [] };
      return 'more';
    }
    const matches = accepted(node, findMatches(options.index, text));
    if (matches.length) {
      pending.push({ node, text, matches });
      pendingMarks += matches.length;
    }
    return 'more';
  };

  /** Matches and writes until the slice's deadline; returns the marks written. */
  const work = (deadline: number): HTMLElement[] => {
    const marks: HTMLElement[] = [];
    while (now() < deadline) {
      if (pending.length && (flushing || pendingMarks >= (batches === 0 ? FIRST_BATCH : BATCH))) {
        flushing = true;
        writePending(marks);
        continue;
      }
      const step = matchNext(deadline);
      if (step === 'more') continue;
      // Nothing left to match (or the index is not ready): write what is waiting.
      if (step === 'wait' || !pending.length) break;
      writePending(marks);
    }
    return marks;
  };

  const runSlice = () => {
    if (destroyed) return;
    const deadline = now() + SLICE_BUDGET_MS;
    let marks: HTMLElement[] = [];
    // One pause of the mutation watcher per slice: no page script runs inside it.
    withoutObserving(() => {
      marks = work(deadline);
    });
    if (marks.length) options.onMarks?.(marks);
    if (cursor || partial || queue.length || pending.length) {
      schedule(runSlice);
    } else {
      running = false;
      const done = waiters;
      waiters = [];
      done.forEach((resolve) => resolve());
    }
  };

  function enqueue(root: Node) {
    if (root instanceof ShadowRoot) {
      // Shadow roots are never collapsed into a body rescan (the rescan would
      // queue them all again), so a page of components cannot loop us.
      if (queuedShadows.has(root)) return;
      queuedShadows.add(root);
      queue.push(root);
    } else {
      // Drop roots already covered by a queued root; a new root that covers
      // queued ones replaces them. (The root being walked does not count: the
      // walker may already be past the new node.)
      if (queue.some((queued) => queued.contains(root))) return;
      for (let i = queue.length - 1; i >= 0; i--) if (root.contains(queue[i])) queue.splice(i, 1);
      const body = root.ownerDocument?.body;
      if (queue.length - queuedShadows.size >= MAX_QUEUED_ROOTS && body) {
        // A huge burst (a framework re-rendering everything) becomes one rescan.
        const shadows = queue.filter((queued) => queued instanceof ShadowRoot);
        queue.length = 0;
        queue.push(...shadows, body);
      } else {
        queue.push(root);
      }
    }
    if (!running) {
      running = true;
      schedule(runSlice);
    }
  }

  return {
    scan(root) {
      if (!destroyed) enqueue(root);
    },
    idle() {
      return running ? new Promise((resolve) => waiters.push(resolve)) : Promise.resolve();
    },
    destroy() {
      destroyed = true;
      queue.length = 0;
      queuedShadows.clear();
      cursor = undefined;
      partial = undefined;
      pending = [];
      pendingMarks = 0;
      flushing = false;
      waiters.forEach((resolve) => resolve());
      waiters = [];
    },
  };
}
