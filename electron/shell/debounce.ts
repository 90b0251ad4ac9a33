/** A function that runs `action` once, `delayMs` after the last of a burst of calls. */
export interface Debounced<Args extends unknown[]> {
  (...args: Args): void;
  /** runs the pending call now, if there is one */
  flush(): void;
  /** drops the pending call */
  cancel(): void;
}

export function debounce<Args extends unknown[]>(action: (...args: Args) => void, delayMs: number): Debounced<Args> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Args | null = null;
  const run = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const args = pending;
    pending = null;
    if (args !== null) action(...args);
  };
  const debounced = (...args: Args) => {
    pending = args;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  debounced.flush = run;
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return debounced;
}
