/** The scanner's slices are queued as tasks without setTimeout's clamp (issue 11). */
import { describe, expect, it, vi } from 'vitest';
import { createTaskScheduler } from '../../content/task-scheduler';

describe('createTaskScheduler', () => {
  it('uses scheduler.postTask where the browser has it', async () => {
    const postTask = vi.fn((run: () => void) => Promise.resolve().then(run));
    const schedule = createTaskScheduler({ scheduler: { postTask } } as unknown as typeof globalThis);
    const ran: number[] = [];
    schedule(() => ran.push(1));
    expect(postTask).toHaveBeenCalledOnce();
    await Promise.resolve();
    await Promise.resolve();
    expect(ran).toEqual([1]);
  });

  it('falls back to a MessageChannel, in order, and never runs a task synchronously', async () => {
    const schedule = createTaskScheduler({ MessageChannel } as unknown as typeof globalThis);
    const ran: number[] = [];
    schedule(() => ran.push(1));
    schedule(() => ran.push(2));
    expect(ran).toEqual([]);
    await vi.waitFor(() => expect(ran).toEqual([1, 2]));
  });

  it('falls back to setTimeout when neither exists', () => {
    vi.useFakeTimers();
    try {
      const schedule = createTaskScheduler({} as typeof globalThis);
      const run = vi.fn();
      schedule(run);
      expect(run).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(run).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
