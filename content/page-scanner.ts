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

/** Work per slice: a frame's worth, far below the 50 ms long-task threshold. */
export const SLICE_BUDGET_MS = 8;
/**
 * Very long text nodes are matched in windows of this many characters so one
 * node cannot blow the slice budget; windows end at whitespace.
 */
export const TEXT_WINDOW = 4_000;
/** Longer than any drug name, so a name that starts inside a window is matched whole. */
export const WINDOW_OVERLAP = 200;

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
    const next = root.nodeType === Node.TEXT_NODE ? (textFilter.acceptNode(root) === NodeFilter.FILTER_ACCEPT ? root : null) : walker.nextNode();
    return { root, walker, next };
  };

  /** A long text node part-way through: `node` holds, from `from` on, the text still to do. */
  let partial: { node: Text; from: number } | undefined;

  /**
   * Matches and wraps one window of `node` from `from` (the whole node when it
   * is short). Returns where to go on, or undefined when the node is done. A
   * long node is so spread over as many slices as it needs: matching and
   * wrapping a 1 MB node at once took hundreds of milliseconds.
   */
  const doWindow = (node: Text, from: number, marks: HTMLElement[]): { node: Text; from: number } | undefined => {
    const text = node.data;
    let to = Math.min(text.length, from + TEXT_WINDOW);
    if (to < text.length) {
      // End at whitespace, so a word is never cut in two.
      const space = text.lastIndexOf(' ', to);
      if (space > from) to = space;
    }
    // Match a little past the window's end, so a name that starts inside it
    // ("insulin glargine") is found whole; a name starting past the end is left
    // for the next window.
    const found =
      from === 0 && to === text.length
        ? findMatches(options.index, text)
        : findMatches(options.index, text.slice(from, Math.min(text.length, to + WINDOW_OVERLAP)))
            .map((m) => ({ ...m, start: m.start + from, end: m.end + from }))
            .filter((m) => m.start < to);
    const inContext = found.filter((m) => !m.needsContext || (options.inMedicalContext?.(node, m) ?? false));
    const matches = options.onMatch ? inContext.filter((m) => options.onMatch!(m)) : inContext;
    if (matches.length === 0) return to < text.length ? { node, from: to } : undefined;
    const wrapped = wrapMatches(node, matches);
    marks.push(...wrapped);
    // The text after the last highlight is now a node of its own: go on there.
    const after = wrapped.at(-1)?.nextSibling;
    if (!(after instanceof Text)) return undefined;
    const lastEnd = text.length - after.data.length;
    return lastEnd < text.length && to < text.length ? { node: after, from: Math.max(0, to - lastEnd) } : undefined;
  };

  /** Matches and wraps nodes until the slice's deadline; returns the marks written. */
  const work = (deadline: number): HTMLElement[] => {
    const marks: HTMLElement[] = [];
    while (now() < deadline) {
      if (partial) {
        partial = partial.node.isConnected ? doWindow(partial.node, partial.from, marks) : undefined;
        continue;
      }
      if (!cursor || !cursor.next) {
        const root: Node | undefined = queue.shift();
        if (root instanceof ShadowRoot) queuedShadows.delete(root);
        if (!root) {
          cursor = undefined;
          break;
        }
        cursor = openCursor(root);
        continue;
      }
      if (!cursor.next.isConnected) {
        // The page removed the node we were about to visit: restart this root.
        // Rescanning is harmless because marked text is excluded.
        cursor = openCursor(cursor.root);
        continue;
      }
      const node = cursor.next as Text;
      // Advance before writing: the splits we make stay behind the walker.
      cursor.next = node === cursor.root ? null : cursor.walker.nextNode();
      // Wrapping is part of the slice's budget: it is the costly half of the work.
      partial = doWindow(node, 0, marks);
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
    if (cursor || partial || queue.length) {
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
      waiters.forEach((resolve) => resolve());
      waiters = [];
    },
  };
}
