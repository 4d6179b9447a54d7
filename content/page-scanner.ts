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

/** Work per slice: a frame's worth, far below the 50 ms long-task threshold. */
export const SLICE_BUDGET_MS = 8;
/**
 * Very long text nodes are matched in windows of this many characters so one
 * node cannot blow the slice budget; windows end at whitespace.
 */
export const TEXT_WINDOW = 20_000;

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
  const schedule = options.schedule ?? ((run) => setTimeout(run, 0));
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

  const matchText = (node: Text): ReturnType<typeof findMatches> => {
    const text = node.data;
    if (text.length <= TEXT_WINDOW) return findMatches(options.index, text);
    const all = [];
    let from = 0;
    while (from < text.length) {
      let to = Math.min(text.length, from + TEXT_WINDOW);
      if (to < text.length) {
        const space = text.lastIndexOf(' ', to);
        if (space > from) to = space;
      }
      for (const m of findMatches(options.index, text.slice(from, to))) {
        all.push({ ...m, start: m.start + from, end: m.end + from });
      }
      from = to;
    }
    return all;
  };

  /** Matches and wraps nodes until the slice's deadline; returns the marks written. */
  const work = (deadline: number): HTMLElement[] => {
    const marks: HTMLElement[] = [];
    while (now() < deadline) {
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
      const found = matchText(node);
      const matches = options.onMatch ? found.filter((m) => options.onMatch!(m)) : found;
      // Wrapping is part of the slice's budget: it is the costly half of the work.
      if (matches.length) marks.push(...wrapMatches(node, matches));
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
    if (cursor || queue.length) {
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
      waiters.forEach((resolve) => resolve());
      waiters = [];
    },
  };
}
