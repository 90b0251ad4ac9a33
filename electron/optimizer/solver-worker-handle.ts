import { Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/api/errors';
import type { MipProgress, SolverOutcome } from './solve-mip';
import type { SolveJob } from './solver-worker';

type WorkerMessage = { kind: 'progress'; progress: MipProgress } | { kind: 'done'; outcome: SolverOutcome };

/** One solver thread, started on first use and again after it died; one job at a time. */
export class SolverWorker {
  private worker: Worker | null = null;

  constructor(private readonly script: string) {}

  solve(job: SolveJob, onProgress?: (progress: MipProgress) => void): Promise<SolverOutcome> {
    const worker = (this.worker ??= new Worker(this.script));
    return new Promise<SolverOutcome>((resolve, reject) => {
      const detach = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.kind === 'progress') onProgress?.(message.progress);
        else {
          detach();
          resolve(message.outcome);
        }
      };
      const onError = (error: Error) => {
        detach();
        this.forget(worker);
        reject(error);
      };
      // A worker that dies without an error (out of memory, killed) must not leave the optimizer busy for good.
      const onExit = (code: number) => {
        detach();
        this.forget(worker);
        reject(new ApiError('internal', `The solver stopped unexpectedly (exit code ${code}). Try again; a smaller problem or a time limit may help.`));
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(job);
    });
  }

  /** Drops a dead thread, unless a new one has already taken its place. */
  private forget(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
  }

  /** Ends the thread at once (a job in it rejects); the next job starts a new one. */
  terminate(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}
