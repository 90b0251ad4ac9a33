import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/api/errors';
import type { MipOutcome } from '../../shared/portfolio/optimize-result';
import { loadHighs, solveMip, type MipOptions, type MipProgress } from './solve-mip';
import type { SolveJob } from './solver-worker';

/**
 * The bundled worker, next to the bundled back (dist/back). In a packaged app it is unpacked
 * from the archive (electron-builder.yml), because a worker thread cannot start from inside app.asar.
 */
const WORKER_SCRIPT = join(__dirname, 'solver-worker.js').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

/**
 * Runs MIP solves one at a time, in a worker thread when the back is bundled (the app), so a
 * long solve never blocks the API; in the calling thread when it is not (unit and integration
 * tests run the TypeScript sources, where no worker script exists). Cancel stops the solve at
 * its next check and returns the best portfolio found so far.
 */
export class OptimizerService {
  private busy = false;
  private cancelFlag: Int32Array | null = null;
  private worker: Worker | null = null;

  constructor(private readonly workerScript: string | null = existsSync(WORKER_SCRIPT) ? WORKER_SCRIPT : null) {}

  async solve(lp: string, options: MipOptions, onProgress?: (progress: MipProgress) => void): Promise<MipOutcome> {
    if (this.busy) throw new ApiError('invalid-input', 'The optimizer is already working on a portfolio. Wait for it or cancel it first.');
    this.busy = true;
    const cancel = new SharedArrayBuffer(4);
    this.cancelFlag = new Int32Array(cancel);
    try {
      if (this.workerScript === null) {
        const flag = this.cancelFlag;
        return solveMip(await loadHighs(), lp, options, onProgress, () => Atomics.load(flag, 0) === 1);
      }
      const worker = (this.worker ??= new Worker(this.workerScript));
      return await new Promise<MipOutcome>((resolve, reject) => {
        const detach = () => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        const onMessage = (message: { kind: 'progress'; progress: MipProgress } | { kind: 'done'; outcome: MipOutcome }) => {
          if (message.kind === 'progress') onProgress?.(message.progress);
          else {
            detach();
            resolve(message.outcome);
          }
        };
        const onError = (error: Error) => {
          detach();
          this.worker = null;
          reject(error);
        };
        // A worker that dies without an error (out of memory, killed) must not leave the optimizer busy for good.
        const onExit = (code: number) => {
          detach();
          this.worker = null;
          reject(new ApiError('internal', `The solver stopped unexpectedly (exit code ${code}). Try again; a smaller problem or a time limit may help.`));
        };
        worker.on('message', onMessage);
        worker.once('error', onError);
        worker.once('exit', onExit);
        worker.postMessage({ lp, options, cancel } satisfies SolveJob);
      });
    } finally {
      this.busy = false;
      this.cancelFlag = null;
    }
  }

  /** Asks the running solve to stop; it answers with the best portfolio found so far. */
  cancel(): boolean {
    if (this.cancelFlag === null) return false;
    Atomics.store(this.cancelFlag, 0, 1);
    return true;
  }

  shutDown(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}
