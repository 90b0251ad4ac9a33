import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { MipOutcome } from '../../shared/portfolio/optimize-result';
import { combineRace, RACE_SETTINGS } from './race-outcome';
import { loadHighs, type MipProgress, type SolverOutcome } from './solve-mip';
import { solveProgram, type ProgramOptions } from './solve-program';
import { SolverWorker } from './solver-worker-handle';

/**
 * The bundled worker, next to the bundled back (dist/back). In a packaged app it is unpacked
 * from the archive (electron-builder.yml), because a worker thread cannot start from inside app.asar.
 */
const WORKER_SCRIPT = join(__dirname, 'solver-worker.js').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

/** How long a racer may take to stop by itself after another's proof before its thread is ended. */
const LOSER_GRACE_MS = 30;

/** One program to solve, as the frontier hands them out one by one. */
export interface SolveRequest {
  lp: string;
  options: ProgramOptions;
}

/**
 * Runs MIP solves one at a time, in worker threads when the back is bundled (the app), so a
 * long solve never blocks the API; in the calling thread when it is not (unit and integration
 * tests run the TypeScript sources, where no worker script exists). With two cores, two workers
 * race differently tuned HiGHS on the same program: the first proof wins and stops the other, and
 * otherwise the best portfolio and the tightest bound of the two are kept. Cancel stops the solve
 * at its next check and returns the best portfolio found so far.
 */
export class OptimizerService {
  private busy = false;
  private cancelFlag: Int32Array | null = null;
  private readonly workers: SolverWorker[];

  constructor(
    workerScript: string | null = existsSync(WORKER_SCRIPT) ? WORKER_SCRIPT : null,
    workerCount = Math.min(RACE_SETTINGS.length, availableParallelism()),
  ) {
    this.workers = workerScript === null ? [] : Array.from({ length: Math.max(1, workerCount) }, () => new SolverWorker(workerScript));
  }

  /** How many solvers work on one program at once (1 in the calling thread). */
  get workerCount(): number {
    return Math.max(1, this.workers.length);
  }

  async solve(lp: string, options: ProgramOptions, onProgress?: (progress: MipProgress) => void): Promise<MipOutcome> {
    return this.exclusively(async (cancel, flag) => {
      if (this.workers.length === 0) return solveProgram(await loadHighs(), lp, options, onProgress, () => Atomics.load(flag, 0) === 1);
      // A relaxation is quick and has one answer: one worker does it.
      const racers = options.relaxation === true ? this.workers.slice(0, 1) : this.workers;
      const latest: (MipProgress | null)[] = racers.map(() => null);
      const report = (index: number, progress: MipProgress) => {
        latest[index] = progress;
        onProgress?.(bestProgress(latest));
      };
      const finished = racers.map(() => false);
      let proven: () => void = () => undefined;
      const proof = new Promise<void>((resolve) => (proven = resolve));
      const runs = racers.map((worker, index) =>
        worker.solve({ lp, options: racerOptions(options, index), cancel }, (progress) => report(index, progress)).then((outcome) => {
          finished[index] = true;
          // A proof (or a proof that nothing is feasible) settles the race: the others stop at their next check.
          if (outcome.status === 'optimal' || outcome.status === 'infeasible') {
            Atomics.store(flag, 0, 1);
            Atomics.notify(flag, 0);
            proven();
          }
          return { outcome, finishedAt: performance.now() };
        }),
      );
      // HiGHS checks the flag only between stages of its search (measured: up to half a second late at the root,
      // longer than the own search's whole proof): racing the own search, a racer still running a moment after the
      // proof is ended (its thread starts again on the next solve). HiGHS racing HiGHS is waited for, as before.
      if (options.exactSearch !== undefined) {
        await Promise.race([Promise.allSettled(runs), proof.then(() => new Promise((resolve) => setTimeout(resolve, LOSER_GRACE_MS)))]);
        racers.forEach((worker, index) => finished[index] !== true && worker.terminate());
      }
      const settled = await Promise.allSettled(runs);
      const answers = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const failure = settled.find((result) => result.status === 'rejected');
      if (answers.length === 0 && failure !== undefined) throw failure.reason;
      return combineRace(answers);
    });
  }

  /**
   * Solves `count` independent programs, each in the first free worker; `requestFor` is asked for
   * program i only when a worker takes it, so it can start from what earlier programs found.
   */
  async solveEach(count: number, requestFor: (index: number) => SolveRequest, onSolved: (index: number, outcome: MipOutcome) => void): Promise<void> {
    await this.exclusively(async (cancel, flag) => {
      let next = 0;
      const drain = async (worker: SolverWorker | null) => {
        while (next < count && Atomics.load(flag, 0) === 0) {
          const index = next;
          next += 1;
          const request = requestFor(index);
          const outcome: SolverOutcome = worker === null ? solveProgram(await loadHighs(), request.lp, request.options, undefined, () => Atomics.load(flag, 0) === 1) : await worker.solve({ ...request, cancel });
          onSolved(index, outcome);
        }
      };
      await Promise.all(this.workers.length === 0 ? [drain(null)] : this.workers.map(drain));
    });
  }

  private async exclusively<T>(body: (cancel: SharedArrayBuffer, flag: Int32Array) => Promise<T>): Promise<T> {
    if (this.busy) throw new ApiError('invalid-input', 'The optimizer is already working on a portfolio. Wait for it or cancel it first.');
    this.busy = true;
    const cancel = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancel);
    this.cancelFlag = flag;
    try {
      return await body(cancel, flag);
    } finally {
      this.busy = false;
      this.cancelFlag = null;
    }
  }

  /** Asks the running solve to stop; it answers with the best portfolio found so far. */
  cancel(): boolean {
    if (this.cancelFlag === null) return false;
    Atomics.store(this.cancelFlag, 0, 1);
    Atomics.notify(this.cancelFlag, 0);
    return true;
  }

  shutDown(): void {
    for (const worker of this.workers) worker.terminate();
  }
}

/**
 * How long HiGHS racing the own branch and bound holds back: the own search proves most small
 * portfolios within it (measured on the bench's class of 200: 0.1 to 0.6 s, HiGHS 1 to 7 s), and
 * on two cores a HiGHS started at once only takes the machine from it.
 */
const HIGHS_HOLD_SECONDS = 1;

/** Racer i's options: its HiGHS settings; the own branch and bound in the first racer only, so that the other races plain HiGHS (held back) against it. */
function racerOptions(options: ProgramOptions, index: number): ProgramOptions {
  const { exactSearch, ...rest } = options;
  const highsOptions = { ...RACE_SETTINGS[index], ...options.highsOptions };
  if (exactSearch === undefined) return { ...rest, highsOptions };
  return index === 0 ? { ...rest, highsOptions, exactSearch } : { ...rest, highsOptions, holdSeconds: HIGHS_HOLD_SECONDS };
}

/** The racers' progress as one: the best portfolio any has found, the tightest bound any has proven. */
function bestProgress(latest: readonly (MipProgress | null)[]): MipProgress {
  const known = latest.filter((progress): progress is MipProgress => progress !== null);
  const incumbents = known.flatMap((progress) => (progress.incumbent === null ? [] : [progress.incumbent]));
  const bounds = known.flatMap((progress) => (progress.bound === null ? [] : [progress.bound]));
  const incumbent = incumbents.length > 0 ? Math.max(...incumbents) : null;
  const bound = bounds.length > 0 ? Math.min(...bounds) : null;
  const gap = incumbent === null || bound === null ? null : Math.max(0, bound - incumbent) / Math.max(1, Math.abs(incumbent));
  return { seconds: Math.max(0, ...known.map((progress) => progress.seconds)), incumbent, bound, gap };
}
