/**
 * Scripts the benchmark puts into its pages (as init scripts, in the page's
 * own world, before any of the page's scripts):
 *
 * - the recorder, in every run: when DOMContentLoaded fired, when the last
 *   <mark> was added, and for the feed when each chunk's last mark was added;
 * - the floor: walks the text nodes in slices (the same budget and yielding as
 *   Medmark's scanner) and looks every word up in a set of the names' first
 *   words, writing nothing to the DOM. What finding the names costs when no
 *   highlight is ever written;
 * - naive mark.js: one `mark()` call with every name in the knowledge base
 *   (`accuracy: "exactly"`, phrases kept whole, the usual exclusions), as an
 *   extension built the obvious way would do it. It runs synchronously, so it
 *   is stopped from inside (its callbacks throw once the time limit has
 *   passed) and reported as "> limit", with how many names it got through.
 *
 * All three write what they measure to `window.__bench`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type BenchRecord = {
  dcl: number;
  lastMark: number;
  /** Chunk number → time its last mark was added (or, for the floor, it was scanned). */
  chunkLast: Record<string, number>;
  floorDone?: number;
  floorHits?: number;
  markjs?: { timedOut: boolean; termsDone: number; termsTotal: number; done?: number };
};

const recorder = () => {
  const b: BenchRecord = { dcl: 0, lastMark: 0, chunkLast: {} };
  (window as unknown as { __bench: BenchRecord }).__bench = b;
  document.addEventListener('DOMContentLoaded', () => (b.dcl = performance.now()), { once: true });
  // Kept cheap: it runs at the end of every task that writes marks, so its
  // time is counted in that task. Only the feed needs the chunk of each mark.
  let isFeed: boolean | undefined;
  new MutationObserver((records) => {
    const t = performance.now();
    isFeed ??= document.readyState === 'loading' ? undefined : document.getElementById('feed') !== null;
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeName !== 'MARK') continue;
        b.lastMark = t;
        if (!isFeed) break;
        const chunk = (n as Element).parentElement?.closest<HTMLElement>('[data-chunk]');
        if (chunk) b.chunkLast[chunk.dataset.chunk!] = t;
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

const floor = (firstWords: string[], sliceMs: number) => {
  const b = (window as unknown as { __bench: BenchRecord }).__bench;
  const names = new Set(firstWords);
  const WINDOW = 4_000;
  const wordPattern = /[\p{L}\p{N}]+/gu;
  const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE']);
  const filter = {
    acceptNode: (n: Node) =>
      n.nodeType === Node.ELEMENT_NODE
        ? skipped.has((n as Element).tagName)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
        : (n as Text).data.length > 2
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_REJECT,
  };
  b.floorHits = 0;
  const look = (text: string) => {
    for (const m of text.matchAll(wordPattern)) if (names.has(m[0].toLowerCase())) b.floorHits!++;
  };
  const post = (run: () => void) =>
    (window as unknown as { scheduler: { postTask(f: () => void): Promise<void> } }).scheduler.postTask(run);
  const queue: { root: Node; done: () => void }[] = [];
  let current: { walker: TreeWalker; done: () => void } | undefined;
  let partial: { text: string; from: number } | undefined;
  let running = false;
  const slice = () => {
    const deadline = performance.now() + sliceMs;
    while (performance.now() < deadline) {
      if (partial) {
        look(partial.text.slice(partial.from, partial.from + WINDOW));
        partial.from += WINDOW;
        if (partial.from >= partial.text.length) partial = undefined;
        continue;
      }
      if (!current) {
        const next = queue.shift();
        if (!next) break;
        current = { walker: document.createTreeWalker(next.root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter), done: next.done };
      }
      const node = current.walker.nextNode() as Text | null;
      if (!node) {
        current.done();
        current = undefined;
        continue;
      }
      if (node.data.length > WINDOW) partial = { text: node.data, from: 0 };
      else look(node.data);
    }
    if (partial || current || queue.length) void post(slice);
    else running = false;
  };
  const scan = (root: Node, done: () => void) => {
    queue.push({ root, done });
    if (!running) {
      running = true;
      void post(slice);
    }
  };
  document.addEventListener('DOMContentLoaded', () => scan(document.body, () => (b.floorDone = performance.now())), { once: true });
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) {
        const chunk = n instanceof HTMLElement ? n.dataset.chunk : undefined;
        if (chunk !== undefined) scan(n, () => (b.chunkLast[chunk] = b.floorDone = performance.now()));
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

const naiveMarkJs = (names: string[], limitMs: number) => {
  type MarkJs = new (root: Element) => { mark(keywords: string[], options: object): void };
  const Mark = (window as unknown as { Mark: MarkJs }).Mark;
  const b = (window as unknown as { __bench: BenchRecord }).__bench;
  const run = { timedOut: false, termsDone: 0, termsTotal: names.length, done: undefined as number | undefined };
  b.markjs = run;
  let deadline = 0;
  const seen = new Set<string>();
  const note = (term: string) => {
    seen.add(term);
    if (performance.now() > deadline) throw new Error('bench time limit');
  };
  const markIn = (root: Element, done: () => void) => {
    if (run.timedOut) return;
    // The feed gets one time limit in all, from its first chunk.
    deadline ||= performance.now() + limitMs;
    seen.clear();
    try {
      new Mark(root).mark(names, {
        accuracy: 'exactly',
        separateWordSearch: false,
        exclude: ['script', 'style', 'noscript', 'textarea', 'input', 'select', 'button', '[contenteditable]'],
        filter: (_node: Text, term: string) => (note(term), true),
        noMatch: (term: string) => note(term),
      });
      run.termsDone = names.length;
      done();
    } catch {
      run.timedOut = true;
      run.termsDone = seen.size;
    }
  };
  document.addEventListener('DOMContentLoaded', () => markIn(document.body, () => (run.done = performance.now())), { once: true });
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of Array.from(r.addedNodes))
        if (n instanceof HTMLElement && n.dataset.chunk !== undefined) markIn(n, () => (run.done = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true });
};

/** `fn` called with `args`, as source. esbuild (tsx) may wrap functions in a `__name` helper the page lacks. */
const call = (fn: (...args: never[]) => void, ...args: unknown[]) =>
  `(() => { const __name = (f) => f; (${fn.toString()})(${args.map((a) => JSON.stringify(a)).join(', ')}); })();`;

export const recorderScript = () => call(recorder);

export const floorScript = (names: readonly string[], sliceMs: number) =>
  call(floor, [...new Set(names.map((n) => n.toLowerCase().match(/[\p{L}\p{N}]+/u)?.[0] ?? ''))].filter(Boolean), sliceMs);

export function naiveMarkJsScript(names: readonly string[], limitMs: number): string {
  const source = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');
  return `${source}\n${call(naiveMarkJs, names, limitMs)}`;
}
