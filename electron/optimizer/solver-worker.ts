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
  void loadHighs()
    .then((highs) => {
      const outcome = solveProgram(
        highs,
        job.lp,
        job.options,
        (progress) => parentPort?.postMessage({ kind: 'progress', progress }),
        () => Atomics.load(cancelled, 0) === 1,
      );
      parentPort?.postMessage({ kind: 'done', outcome });
    })
    .catch((error: unknown) => parentPort?.postMessage({ kind: 'done', outcome: { status: 'failed', values: [], bound: null, seconds: 0, message: error instanceof Error ? error.message : String(error) } }));
});
