/**
 * Reads a Chrome DevTools timeline trace of one page load: the page's main
 * thread, its tasks, which tasks ran the extension's code, and what the
 * longest of ours spent its time on.
 */
export type TraceEvent = {
  name: string;
  ph?: string;
  ts: number;
  dur?: number;
  /** Thread time: the part of `dur` the thread was actually running (Chrome records it for most events). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string }; beginData?: { url?: string } };
};

/**
 * `ms` is wall time, what a reader waits; `cpuMs` is the thread's own running
 * time, without the moments the operating system gave the CPU to another
 * process (on a busy 2-core CI machine, the browser's other processes and
 * the benchmark itself). `evaluate`: the browser compiling and running our
 * content script when it is injected.
 */
export type Task = { start: number; ms: number; cpuMs: number; ours: boolean; evaluate: boolean };

export type TraceSummary = {
  tasks: Task[];
  /** Sum of the main thread's task durations (ms). */
  mainThreadMs: number;
  /** Of which: tasks that ran the extension's code (the injection task aside), and the browser's style, layout and paint work (wherever it ran). */
  ourMs: number;
  renderMs: number;
  /** What the longest task that ran our code spent its time on: the longest events inside it. */
  longestOursParts: string;
};

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
/** The browser's rendering work: style, layout, paint (these events do not nest in one another). */
const RENDER_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
const isOurs = (e: TraceEvent) => {
  const url = e.args?.data?.url ?? '';
  return url.startsWith('chrome-extension://') || url.startsWith('moz-extension://');
};

/** The renderer main thread that parsed `url`. */
function pageThread(events: TraceEvent[], url: string): { pid: number; tid: number } | undefined {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (parse) return { pid: parse.pid, tid: parse.tid };
  const commit = events.find((e) => (e.args?.data?.url ?? '') === url && e.name !== 'ResourceSendRequest');
  return commit && { pid: commit.pid, tid: commit.tid };
}

export function summarizeTrace(events: TraceEvent[], url: string): TraceSummary {
  const thread = pageThread(events, url);
  if (!thread) return { tasks: [], mainThreadMs: 0, ourMs: 0, renderMs: 0, longestOursParts: '' };
  const onThread = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph !== 'M');
  // Top-level tasks only: a RunTask nested in another is counted once, in its parent.
  const all = onThread.filter((e) => TASK_NAMES.has(e.name) && e.dur).sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  for (const t of all) {
    const last = top.at(-1);
    if (last && t.ts < last.ts + last.dur!) continue;
    top.push(t);
  }
  const oursAt = onThread
    .filter(isOurs)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const evaluations = onThread.filter((e) => e.name === 'EvaluateScript' && isOurs(e));
  let i = 0;
  const tasks = top.map((t) => {
    while (i < oursAt.length && oursAt[i] < t.ts) i++;
    const ours = i < oursAt.length && oursAt[i] < t.ts + t.dur!;
    const evaluate = ours && evaluations.some((e) => e.ts >= t.ts && e.ts < t.ts + t.dur!);
    return { start: t.ts / 1000, ms: t.dur! / 1000, cpuMs: (t.tdur ?? t.dur!) / 1000, ours, evaluate };
  });
  const renderMs = onThread.filter((e) => RENDER_EVENTS.has(e.name) && e.dur).reduce((sum, e) => sum + e.dur! / 1000, 0);
  const total = (xs: Task[]) => xs.reduce((sum, t) => sum + t.ms, 0);
  const longest = tasks.filter((t) => t.ours && !t.evaluate).sort((a, b) => b.ms - a.ms)[0];
  const parts = longest
    ? onThread
        .filter((e) => e.dur && e.ts >= longest.start * 1000 && e.ts < (longest.start + longest.ms) * 1000 && !TASK_NAMES.has(e.name))
        .sort((a, b) => b.dur! - a.dur!)
        .slice(0, 4)
        .map((e) => `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''} ${(e.dur! / 1000).toFixed(1)}`)
        .join(', ')
    : '';
  return { tasks, mainThreadMs: total(tasks), ourMs: total(tasks.filter((t) => t.ours && !t.evaluate)), renderMs, longestOursParts: parts };
}
