import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuitSequence, settleWithin } from '../../../../electron/shell/quit-sequence';

function steps(finishWrites: () => Promise<void>) {
  const order: string[] = [];
  const warn = vi.fn();
  const quit = createQuitSequence({
    finishWrites: () => {
      order.push('finish writes');
      return finishWrites();
    },
    shutDown: () => order.push('shut down'),
    exit: () => order.push('exit'),
    timeoutMs: 10_000,
    warn,
  });
  return { quit, order, warn };
}

const event = () => ({ preventDefault: vi.fn() });

describe('quitting', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds the first quit back, waits for the page’s writes, then closes the workbook and exits', async () => {
    let finish: () => void = () => undefined;
    const { quit, order } = steps(() => new Promise<void>((resolve) => (finish = resolve)));
    const first = event();
    quit.beforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(quit.state).toBe('quitting');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(order).toEqual(['finish writes']);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['finish writes', 'shut down', 'exit']);
    expect(quit.state).toBe('done');
  });

  it('asks only once however often quit is asked for meanwhile, and holds each back', async () => {
    const { quit, order } = steps(() => new Promise<void>(() => undefined));
    quit.beforeQuit(event());
    const again = event();
    quit.beforeQuit(again);
    const close = event();
    quit.windowClose(close);
    expect(again.preventDefault).toHaveBeenCalled();
    expect(close.preventDefault).toHaveBeenCalled();
    expect(order).toEqual(['finish writes']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(order).toEqual(['finish writes', 'shut down', 'exit']);
  });

  it('quits anyway after the timeout when the page does not answer, and says so', async () => {
    const { quit, order, warn } = steps(() => new Promise<void>(() => undefined));
    quit.windowClose(event());
    await vi.advanceTimersByTimeAsync(9_999);
    expect(order).toEqual(['finish writes']);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(['finish writes', 'shut down', 'exit']);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/in time/));
  });

  it('quits when the page fails to finish, and lets the last events through once done', async () => {
    const { quit, order, warn } = steps(() => Promise.reject(new Error('gone')));
    quit.beforeQuit(event());
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['finish writes', 'shut down', 'exit']);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/failed/));
    const late = event();
    quit.windowClose(late);
    expect(late.preventDefault).not.toHaveBeenCalled();
  });

  it('settleWithin says which came first', async () => {
    const done = settleWithin(Promise.resolve(), 100);
    await expect(done).resolves.toBe('done');
    const late = settleWithin(new Promise<void>(() => undefined), 100);
    await vi.advanceTimersByTimeAsync(100);
    await expect(late).resolves.toBe('timeout');
  });
});
