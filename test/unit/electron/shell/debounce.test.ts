import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '../../../../electron/shell/debounce';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, with the last arguments, after a burst has been quiet for the delay', () => {
    const action = vi.fn();
    const debounced = debounce(action, 50);
    debounced(1);
    vi.advanceTimersByTime(30);
    debounced(2);
    vi.advanceTimersByTime(49);
    expect(action).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(action).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('flush runs the pending call now, once; cancel drops it', () => {
    const action = vi.fn();
    const debounced = debounce(action, 50);
    debounced('a');
    debounced.flush();
    debounced.flush();
    vi.advanceTimersByTime(100);
    expect(action).toHaveBeenCalledExactlyOnceWith('a');
    debounced('b');
    debounced.cancel();
    vi.advanceTimersByTime(100);
    expect(action).toHaveBeenCalledTimes(1);
  });
});
