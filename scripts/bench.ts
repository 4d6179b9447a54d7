/**
 * `npm run bench`: measures what Medmark costs a page, against a baseline
 * measured in the same run, and what the side-panel search costs a keystroke.
 *
 * 0. Search (Node, `lib/bench-search.ts`, first because it needs no browser):
 *    index build time over the full knowledge base, and the time of each
 *    `search()` call while realistic queries are typed a character at a time.
 * 1. Matcher (Node): time to scan ~1 MB of text with the real names and with
 *    5,000 extra synthetic names: the cost should follow the text, not the
 *    number of names.
 * 2. Pages (Chromium): a large generated article (~1 MB of text, thousands of
 *    drug mentions), and the same text as one huge text node, each loaded
 *    without the extension (baseline) and with it.
 *    Reports long tasks after load (tasks over 50 ms), the time until every
 *    highlight is written, and the JS heap.
 *
 * Each load is traced (Chrome DevTools timeline) so tasks that run Medmark's
 * own code can be told apart from the browser's work. On a page this large the
 * browser's re-layout after any DOM change takes 40-60 ms whoever makes the
 * change, so "long tasks after load" is reported against the baseline, while
 * the budget applies to Medmark's tasks.
 *
 * Budgets (exit status 1 when broken):
 * - no task running Medmark's code is longer than LONG_TASK_BUDGET_MS
 *   (median over RUNS loads of each load's longest);
 * - 5,000 extra names cost at most NAME_SCALING_BUDGET times the real-name scan;
 * - a search keystroke takes at most SEARCH_KEYSTROKE_BUDGET_MS at p95.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findMatches } from '../drugs/match';
import { compileNameIndex, type NameEntry } from '../drugs/name-index';
import { nameEntriesOf } from '../drugs/name-entries';
import { benchSearch, searchBudgetFailure } from './lib/bench-search';
import { CHROMIUM, EXTENSION_DIR } from './lib/extension-browser';
import { formatKbFootprint, measureKbFootprint } from './lib/kb-footprint';
import { loadKnowledgeBase } from './lib/kb-source';

const LONG_TASK_BUDGET_MS = 50;
const NAME_SCALING_BUDGET = 2;
const PARAGRAPHS = 6000;
/** Page loads per configuration: long tasks after load vary from load to load, so budgets use medians. */
const RUNS = 3;
/** Longest wait for a page's highlights to settle. */
const SETTLE_LIMIT_MS = 120_000;

const kb = loadKnowledgeBase();
const realNames = nameEntriesOf(kb);
const drugWords = kb.drugs.flatMap((d) => [d.name.toLowerCase(), d.aliases[0]?.name ?? d.name]);
const filler = 'the patient said that after several weeks the stiffness had eased and walking was easier again'.split(' ');

/** Deterministic pseudo-random text with a drug name every ~25 words. */
function paragraph(i: number): string {
  const words: string[] = [];
  let seed = i * 7919 + 1;
  for (let w = 0; w < 60; w++) {
    seed = (seed * 48271) % 2147483647;
    words.push(seed % 25 === 0 ? drugWords[seed % drugWords.length] : filler[seed % filler.length]);
  }
  return `${words.join(' ')}.`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function benchMatcher() {
  const text = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('\n');
  const synthetic: NameEntry[] = Array.from({ length: 5000 }, (_, i) => ({ name: `zz${i.toString(36)}drug extended release`, drug: `zz${i}` }));
  const time = (entries: NameEntry[]) => {
    const index = compileNameIndex(entries);
    findMatches(index, text); // warm up
    const runs = Array.from({ length: 7 }, () => {
      const start = performance.now();
      findMatches(index, text);
      return performance.now() - start;
    });
    return { ms: median(runs), matches: findMatches(index, text).length, names: index.size };
  };
  const real = time(realNames);
  const many = time([...realNames, ...synthetic]);
  console.log('\n## Matcher (Node, median of 7)');
  console.log(`text: ${(text.length / 1024).toFixed(0)} KiB`);
  console.log(`${real.names} names:  ${real.ms.toFixed(1)} ms, ${real.matches} matches`);
  console.log(`${many.names} names: ${many.ms.toFixed(1)} ms, ${many.matches} matches (x${(many.ms / real.ms).toFixed(2)})`);
  return { ratio: many.ms / real.ms };
}

type PageNumbers = {
  longTasksAfterLoad: number[];
  /** Durations (ms) of tasks that ran Medmark's content script. */
  ourTasks: number[];
  highlightedMs: number | null;
  marks: number;
  heapMb: number;
};

type TraceEvent = { name: string; ts: number; dur?: number; tid: number; args?: { data?: { url?: string } } };

/** Tasks (top-level RunTask events) during which a chrome-extension:// script ran. */
function extensionTasks(events: TraceEvent[]): number[] {
  const ours = events.filter((e) => e.dur && String(e.args?.data?.url ?? '').startsWith('chrome-extension://'));
  return events
    .filter((t) => t.name === 'RunTask' && t.dur)
    .filter((t) => ours.some((o) => o.tid === t.tid && o.ts >= t.ts && o.ts < t.ts + t.dur!))
    .map((t) => Math.round(t.dur! / 100) / 10);
}

async function measurePage(context: BrowserContext, url: string, expectMarks: boolean): Promise<PageNumbers> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  // playwright-core types only a few CDP events; these two are standard Tracing events.
  const session = cdp as unknown as { on(event: string, fn: (e: { value: TraceEvent[] }) => void): void; once(event: string, fn: () => void): void };
  session.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise<void>((done) => session.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  } as never);
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __lastMark: number };
    w.__longTasks = [];
    w.__lastMark = 0;
    (w as unknown as { __firstMark: number }).__firstMark = 0;
    // Records when the last highlight was written.
    new MutationObserver((records) => {
      for (const r of records) for (const n of Array.from(r.addedNodes)) if (n.nodeName === 'MARK') {
        w.__lastMark = performance.now();
        const f = w as unknown as { __firstMark: number };
        f.__firstMark ||= w.__lastMark;
      }
    }).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  let highlightedMs: number | null = null;
  if (expectMarks) {
    // Wait until the count of marks has not changed for a whole second (the
    // browser's layout between slices can pause progress for a moment), then
    // read when the last one was written. At most SETTLE_LIMIT_MS.
    let last = -1;
    let stableSince = Date.now();
    const started = Date.now();
    while (Date.now() - started < SETTLE_LIMIT_MS) {
      const count = await page.evaluate(() => document.querySelectorAll('mark[data-medmark]').length);
      if (count !== last) {
        last = count;
        stableSince = Date.now();
      } else if (count > 0 && Date.now() - stableSince >= 1000) {
        break;
      }
      await page.waitForTimeout(250);
    }
  } else {
    await page.waitForTimeout(3000);
  }
  const numbers = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __lastMark: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return {
      loadEnd: nav.loadEventEnd,
      lastMark: w.__lastMark,
      firstMark: (w as unknown as { __firstMark: number }).__firstMark,
      longTasks: w.__longTasks,
      marks: document.querySelectorAll('mark[data-medmark]').length,
      heapMb: memory ? memory.usedJSHeapSize / 1048576 : NaN,
    };
  });
  if (expectMarks) highlightedMs = numbers.lastMark - numbers.loadEnd;
  await cdp.send('Tracing.end');
  await traced;
  await page.close();
  return {
    longTasksAfterLoad: numbers.longTasks.filter((t) => t.start >= numbers.loadEnd).map((t) => Math.round(t.duration)),
    ourTasks: extensionTasks(events),
    highlightedMs,
    marks: numbers.marks,
    heapMb: numbers.heapMb,
  };
}

/** The large article: thousands of paragraphs, a name every ~25 words. */
const LARGE_ARTICLE = `<!doctype html><html><head><meta charset="utf-8"><title>Large article</title></head><body><h1>Large article</h1>${Array.from(
  { length: PARAGRAPHS },
  (_, i) => `<p>${paragraph(i)}</p>`,
).join('\n')}</body></html>`;

/** The same text as ONE text node (a book pasted into a single element): its work must still be sliced. */
const ONE_HUGE_NODE = `<!doctype html><html><head><meta charset="utf-8"><title>One huge text node</title></head><body><h1>One huge text node</h1><p>${Array.from(
  { length: PARAGRAPHS / 2 }, // about 1 MB in one node
  (_, i) => paragraph(i),
).join(' ')}</p></body></html>`;

async function benchPage(title: string, html: string) {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];

  const launch = async (withExtension: boolean) => {
    const profile = mkdtempSync(join(tmpdir(), 'medmark-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: withExtension ? [...args, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : args,
    });
    if (withExtension && !context.serviceWorkers().length) await context.waitForEvent('serviceworker');
    return { context, cleanup: async () => (await context.close(), rmSync(profile, { recursive: true, force: true })) };
  };

  const measureRuns = async (withExtension: boolean) => {
    const browser = await launch(withExtension);
    const runs: PageNumbers[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measurePage(browser.context, url, withExtension));
    await browser.cleanup();
    return runs;
  };
  const baseline = await measureRuns(false);
  const withExtension = await measureRuns(true);
  server.close();

  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
  /** Total blocking time after load: the part of each long task beyond 50 ms. */
  const blocking = (xs: number[]) => xs.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
  const summary = (runs: PageNumbers[]) => ({
    ourLongest: median(runs.map((r) => max(r.ourTasks))),
    ourCount: median(runs.map((r) => r.ourTasks.length)),
    longest: median(runs.map((r) => max(r.longTasksAfterLoad))),
    count: median(runs.map((r) => r.longTasksAfterLoad.length)),
    blocking: median(runs.map((r) => blocking(r.longTasksAfterLoad))),
    marks: median(runs.map((r) => r.marks)),
    heapMb: median(runs.map((r) => r.heapMb)),
    highlightedMs: median(runs.map((r) => r.highlightedMs ?? 0)),
  });
  const b = summary(baseline);
  const e = summary(withExtension);
  console.log(`\n## Page: ${title} (Chromium, ${(html.length / 1024).toFixed(0)} KiB HTML; median of ${RUNS} loads each)`);
  console.log('| run | long tasks after load | longest (ms) | blocking after load (ms) | Medmark tasks | longest Medmark task (ms) | marks | heap (MB) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, n] of [['baseline (no extension)', b], ['with Medmark', e]] as const) {
    console.log(`| ${name} | ${n.count} | ${n.longest} | ${n.blocking} | ${n.ourCount} | ${n.ourLongest} | ${n.marks} | ${n.heapMb.toFixed(1)} |`);
  }
  console.log(`all ${e.marks} highlights written ${e.highlightedMs.toFixed(0)} ms after the load event`);
  return { title, ourLongest: e.ourLongest, marks: e.marks };
}

const search = benchSearch(kb);
const matcher = benchMatcher();
const pages = [await benchPage('large article', LARGE_ARTICLE), await benchPage('one huge text node', ONE_HUGE_NODE)];
const failures: string[] = [];
const searchFailure = searchBudgetFailure(search);
if (searchFailure) failures.push(searchFailure);
if (matcher.ratio > NAME_SCALING_BUDGET) failures.push(`5,000 extra names made matching ${matcher.ratio.toFixed(2)}x slower (budget ${NAME_SCALING_BUDGET}x)`);
for (const page of pages) {
  if (page.ourLongest > LONG_TASK_BUDGET_MS) {
    failures.push(`${page.title}: the longest task running Medmark's code took ${page.ourLongest} ms (budget ${LONG_TASK_BUDGET_MS} ms)`);
  }
  if (page.marks === 0) failures.push(`${page.title}: no highlights were written`);
}
const footprint = measureKbFootprint();
console.log(`\n${formatKbFootprint(footprint)}`);
if (footprint.contentScriptBytes !== undefined && footprint.contentScriptBytes >= 150_000) {
  failures.push(`the content script is ${footprint.contentScriptBytes} bytes (budget 150 kB)`);
}
console.log(failures.length ? `\nBUDGET EXCEEDED:\n- ${failures.join('\n- ')}` : '\nAll budgets met.');
process.exit(failures.length ? 1 : 0);
