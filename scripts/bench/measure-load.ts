/**
 * One traced page load under one of the benchmark's configurations, and the
 * numbers it yields. The browser context decides whether Medmark is
 * installed; the floor and naive mark.js are init scripts (page-scripts.ts).
 */
import type { BrowserContext } from 'playwright-core';
import type { BenchRecord } from './page-scripts';
import { summarizeTrace, type TraceEvent } from './trace';

export type Config = 'none' | 'medmark' | 'floor' | 'markjs';

export type LoadNumbers = {
  /** DOMContentLoaded to the last highlight (for the floor: to the end of its scan); null when none was made or it timed out. */
  toLastMs: number | null;
  timedOut: boolean;
  /** For naive mark.js when it timed out: the share of names it got through. */
  termsDone?: number;
  termsTotal?: number;
  /** Highlights written (the floor: names found). */
  highlights: number;
  mainThreadMs: number;
  /** Main-thread time in tasks that ran Medmark's code, and in style, layout and paint. */
  ourMs: number;
  renderMs: number;
  longTasks: number;
  longestMs: number;
  /**
   * Tasks that ran Medmark's code (other than the injection of its script):
   * how many, the longest, and how many were long.
   */
  ourTasks: number;
  ourLongestMs: number;
  /** The longest of them in thread time (see `Task.cpuMs`): what the budget holds, as it does not count other processes' turns on the CPU. */
  ourLongestCpuMs: number;
  ourLongTasks: number;
  /** The task in which the browser compiled and ran the content script on injection (the longest, with frames). */
  evaluateMs: number;
  /** Inside the longest of them: its longest events (a diagnosis, not a measure). */
  ourLongestParts: string;
  heapMb: number;
  /** The feed: per chunk, ms from being added to its last highlight. */
  chunkDelays?: number[];
  chunksAdded?: number;
};

/** Longest wait for a page to settle. */
const SETTLE_LIMIT_MS = 150_000;
/** Settled: nothing has changed for this long. */
const QUIET_MS = 1_000;

type Probe = { progress: string; finished: boolean };

export async function measureLoad(context: BrowserContext, url: string, config: Config, initScripts: string[]): Promise<LoadNumbers> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  // playwright-core types only some CDP events; these are the standard Tracing ones.
  const session = cdp as unknown as {
    on(event: string, fn: (e: { value: TraceEvent[] }) => void): void;
    once(event: string, fn: () => void): void;
  };
  session.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise<void>((done) => session.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  } as never);
  for (const script of initScripts) await page.addInitScript({ content: script });
  await page.goto(url, { waitUntil: 'load', timeout: SETTLE_LIMIT_MS });

  const probe = (cfg: Config) => {
    const b = (window as unknown as { __bench: BenchRecord }).__bench;
    const feedDone = (window as unknown as { __feedDone?: boolean }).__feedDone;
    const isFeed = document.getElementById('feed') !== null;
    const marks = document.getElementsByTagName('mark').length;
    const progress = `${marks} ${b.floorHits ?? ''} ${Object.keys(b.chunkLast).length}`;
    const finished = (!isFeed || feedDone === true) && (cfg !== 'floor' || b.floorDone !== undefined);
    return { progress, finished } satisfies Probe;
  };
  const started = Date.now();
  let last = '';
  let quietSince = Date.now();
  while (Date.now() - started < SETTLE_LIMIT_MS) {
    const p = await page.evaluate(probe, config);
    if (p.progress !== last) {
      last = p.progress;
      quietSince = Date.now();
    } else if (p.finished && Date.now() - quietSince >= QUIET_MS) {
      break;
    }
    await page.waitForTimeout(250);
  }

  const read = await page.evaluate((cfg: Config) => {
    const b = (window as unknown as { __bench: BenchRecord }).__bench;
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    const chunks = Array.from(document.querySelectorAll<HTMLElement>('[data-chunk]'));
    const selector = cfg === 'medmark' ? 'mark[data-medmark]' : 'mark[data-markjs]';
    return {
      b,
      highlights: cfg === 'floor' ? (b.floorHits ?? 0) : cfg === 'none' ? 0 : document.querySelectorAll(selector).length,
      heapMb: memory ? memory.usedJSHeapSize / 1048576 : NaN,
      chunks: chunks.map((c) => ({ id: c.dataset.chunk!, at: Number(c.dataset.at) })),
    };
  }, config);
  await cdp.send('Tracing.end');
  await traced;
  await page.close();

  const { b } = read;
  const end = config === 'floor' ? b.floorDone : config === 'markjs' && b.markjs?.timedOut ? undefined : b.lastMark || undefined;
  const trace = summarizeTrace(events, url);
  const long = trace.tasks.filter((t) => t.ms > 50);
  const ours = trace.tasks.filter((t) => t.ours && !t.evaluate);
  const chunkDelays = read.chunks.length
    ? read.chunks.flatMap((c) => (b.chunkLast[c.id] !== undefined ? [b.chunkLast[c.id] - c.at] : []))
    : undefined;
  return {
    toLastMs: end !== undefined && config !== 'none' ? end - b.dcl : null,
    timedOut: b.markjs?.timedOut ?? false,
    termsDone: b.markjs?.termsDone,
    termsTotal: b.markjs?.termsTotal,
    highlights: read.highlights,
    mainThreadMs: trace.mainThreadMs,
    ourMs: trace.ourMs,
    renderMs: trace.renderMs,
    longTasks: long.length,
    longestMs: Math.max(0, ...long.map((t) => t.ms)),
    ourTasks: ours.length,
    ourLongestMs: Math.max(0, ...ours.map((t) => t.ms)),
    ourLongestCpuMs: Math.max(0, ...ours.map((t) => t.cpuMs)),
    ourLongTasks: ours.filter((t) => t.ms > 50).length,
    ourLongestParts: trace.longestOursParts,
    evaluateMs: Math.max(0, ...trace.tasks.filter((t) => t.evaluate).map((t) => t.ms)),
    heapMb: read.heapMb,
    chunkDelays,
    chunksAdded: read.chunks.length || undefined,
  };
}
