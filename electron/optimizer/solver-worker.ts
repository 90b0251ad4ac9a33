import { parentPort } from 'node:worker_threads';
import { loadHighs } from './solve-mip';
import { solveProgram, type ProgramOptions } from './solve-program';

/** A solve request: the program, the limits, and a shared flag the service sets to cancel. */
export interface SolveJob {
  lp: string;
  options: ProgramOptions;
  cancel: SharedArrayBuffer;
}

// The solver blocks its thread: here, not the back's, so the API keeps answering (and can cancel).
parentPort?.on('message', (job: SolveJob) => {
  const cancelled = new Int32Array(job.cancel);
  const { holdSeconds = 0, ...options } = job.options;
  // A racer held back sleeps until its time comes or the race is settled (the service wakes it).
  if (holdSeconds > 0) Atomics.wait(cancelled, 0, 0, holdSeconds * 1000);
  if (holdSeconds > 0 && Atomics.load(cancelled, 0) === 1) {
    parentPort?.postMessage({ kind: 'done', outcome: { status: 'interrupted', values: [], bound: null, seconds: holdSeconds } });
    return;
  }
  void loadHighs()
    .then((highs) => {
      const outcome = solveProgram(
        highs,
        job.lp,
        { ...options, timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds - holdSeconds) },
        (progress) => parentPort?.postMessage({ kind: 'progress', progress }),
        () => Atomics.load(cancelled, 0) === 1,
      );
      parentPort?.postMessage({ kind: 'done', outcome });
    })
    .catch((error: unknown) => parentPort?.postMessage({ kind: 'done', outcome: { status: 'failed', values: [], bound: null, seconds: 0, message: error instanceof Error ? error.message : String(error) } }));
});
