/**
 * Runs the scanner's next slice in a new task, as soon as the page's own
 * tasks allow. `setTimeout(run, 0)` is clamped to 4 ms once timers nest, so
 * a page that needs hundreds of slices waited seconds doing nothing (issue 11).
 * `scheduler.postTask` (Chromium, recent Firefox) queues a task at the
 * default, user-visible priority; elsewhere a MessageChannel message does the
 * same. Either way each slice is its own task: the page's input and rendering
 * still run between slices.
 */
type PostTask = (run: () => void) => Promise<unknown>;

export function createTaskScheduler(win: typeof globalThis = globalThis): (run: () => void) => void {
  const scheduler = (win as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const postTask = scheduler.postTask.bind(scheduler);
    return (run) => {
      // A rejected task (the document went away) needs no handling.
      postTask(run).catch(() => {});
    };
  }
  if (typeof win.MessageChannel === 'function') {
    const channel = new win.MessageChannel();
    const queue: (() => void)[] = [];
    channel.port1.onmessage = () => queue.shift()?.();
    return (run) => {
      queue.push(run);
      channel.port2.postMessage(null);
    };
  }
  return (run) => setTimeout(run, 0);
}
