/**
 * Scans the page for drug names without blocking it: text nodes are visited
 * with a TreeWalker in time slices of `SLICE_BUDGET_MS`, yielding to the page
 * between slices, so no task of ours comes near the 50 ms long-task line even
 * on very large pages. Roots added later (by the mutation watcher) are queued;
 * a root inside one already queued is dropped.
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
  /** Called around our own DOM writes so the mutation watcher can ignore them. */
  withoutObserving?: (write: () => void) => void;
  schedule?: (run: () => void) => void;
  now?: () => number;
};

const textFilter = {
  acceptNode(node: Node): number {
    if (node.nodeType === Node.ELEMENT_NODE) {
      return isExcludedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    }
    // Shorter than any name, or whitespace only: nothing to find.
    const data = (node as Text).data;
    return data.length > 2 && /\S/.test(data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
  },
};

type Cursor = { root: Node; walker: TreeWalker; next: Node | null };

export function createPageScanner(options: PageScannerOptions): PageScanner {
  const now = options.now ?? (() => performance.now());
  const schedule = options.schedule ?? ((run) => setTimeout(run, 0));
  const withoutObserving = options.withoutObserving ?? ((write) => write());
  const queue: Node[] = [];
  let cursor: Cursor | undefined;
  let running = false;
  let destroyed = false;
  let waiters: (() => void)[] = [];

  const openCursor = (root: Node): Cursor | undefined => {
    if (!root.isConnected || isInsideExcluded(root) || isEditableDocument(root.ownerDocument ?? document)) return undefined;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, textFilter);
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

  return {
    scan(root) {
      if (destroyed) return;
      // Drop roots already covered by a queued root; a new root that covers
      // queued ones replaces them. (The root being walked does not count: the
      // walker may already be past the new node.)
      if (queue.some((queued) => queued.contains(root))) return;
      for (let i = queue.length - 1; i >= 0; i--) if (root.contains(queue[i])) queue.splice(i, 1);
      if (queue.length >= MAX_QUEUED_ROOTS && root.ownerDocument?.body) {
        // A huge burst (a framework re-rendering everything) becomes one rescan.
        queue.length = 0;
        queue.push(root.ownerDocument.body);
      } else {
        queue.push(root);
      }
      if (!running) {
        running = true;
        schedule(runSlice);
      }
    },
    idle() {
      return running ? new Promise((resolve) => waiters.push(resolve)) : Promise.resolve();
    },
    destroy() {
      destroyed = true;
      queue.length = 0;
      cursor = undefined;
      waiters.forEach((resolve) => resolve());
      waiters = [];
    },
  };
}
