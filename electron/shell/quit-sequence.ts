/** What main's quit sequence needs from Electron and the back, as plain functions. */
export interface QuitSteps {
  /** asks the renderer to finish the writes in flight; settles when it has */
  finishWrites(): Promise<void>;
  /** closes the workbook cleanly */
  shutDown(): void;
  /** leaves without another before-quit (app.exit) */
  exit(): void;
  /** how long the renderer has before Tandem quits anyway */
  timeoutMs?: number;
  /** told when the renderer did not answer in time or failed */
  warn?(message: string): void;
}

export const QUIT_TIMEOUT_MS = 10_000;

/** An event that can be held back: Electron's before-quit and a window's close. */
export interface Preventable {
  preventDefault(): void;
}

/** Waits for `promise` at most `ms`; says which came first. */
export async function settleWithin(promise: Promise<void>, ms: number): Promise<'done' | 'timeout' | 'failed'> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise.then(() => 'done' as const), timeout]);
  } catch {
    return 'failed';
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}

/**
 * Quitting waits for writes in flight. The first before-quit is held back (preventDefault);
 * the renderer is asked to finish its writes, given `timeoutMs`; then the workbook is closed
 * and the app exits. A second quit while this runs is held back too and changes nothing.
 * Closing the window starts the same sequence, so the page is still there to be asked.
 */
export function createQuitSequence(steps: QuitSteps): { beforeQuit(event: Preventable): void; windowClose(event: Preventable): void; readonly state: 'running' | 'quitting' | 'done' } {
  let state: 'running' | 'quitting' | 'done' = 'running';
  const run = async () => {
    state = 'quitting';
    const outcome = await settleWithin(steps.finishWrites(), steps.timeoutMs ?? QUIT_TIMEOUT_MS);
    if (outcome !== 'done') steps.warn?.(outcome === 'timeout' ? 'Tandem: the window did not finish its writes in time; quitting anyway.' : 'Tandem: the window failed to finish its writes; quitting anyway.');
    try {
      steps.shutDown();
    } catch (error) {
      steps.warn?.(`Tandem: closing the workbook failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    state = 'done';
    steps.exit();
  };
  const hold = (event: Preventable) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'running') void run();
  };
  return {
    beforeQuit: hold,
    windowClose: hold,
    get state() {
      return state;
    },
  };
}
