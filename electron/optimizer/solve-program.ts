import type { Highs } from 'highs';
import { branchAndBound } from '../../shared/portfolio/branch-and-bound';
import type { CentsProblem } from '../../shared/portfolio/cents-problem';
import { solveMip, type MipOptions, type MipProgress, type SolverOutcome } from './solve-mip';

/** The own branch and bound's share of a solve: the program in cents and how long it may search before HiGHS takes over. */
export interface ExactSearch {
  problem: CentsProblem;
  seconds: number;
}

/**
 * What a worker is asked to solve: HiGHS's options, the own search to run first when there is
 * one, and how long to hold back before starting (a racer that lets the own search have the
 * machine first; woken early when the race is settled).
 */
export type ProgramOptions = MipOptions & { exactSearch?: ExactSearch; holdSeconds?: number };

/** Programs up to this many columns go to the own branch and bound: its dense tableau grows with columns times rows. */
export const EXACT_SEARCH_MAX_COLUMNS = 600;

/**
 * Solves a 0/1 program: first the own branch and bound when it is asked for (it proves small and
 * mid-sized portfolios in a fraction of HiGHS's time, which spends seconds on presolve, root
 * cuts and sub-MIPs in WebAssembly), then HiGHS from the best portfolio it found for whatever time
 * is left when it did not close the search. Its bound stands when HiGHS's is looser.
 */
export function solveProgram(highs: Highs, lp: string, options: ProgramOptions, onProgress?: (progress: MipProgress) => void, shouldStop?: () => boolean): SolverOutcome {
  const { exactSearch, holdSeconds: _held, ...mipOptions } = options;
  if (exactSearch === undefined || options.relaxation === true) return solveMip(highs, lp, mipOptions, onProgress, shouldStop);
  const started = performance.now();
  const searchSeconds = Math.min(exactSearch.seconds, options.timeLimitSeconds);
  const searched = branchAndBound(exactSearch.problem, options.start ?? null, { relativeGap: options.relativeGap, deadline: started + searchSeconds * 1000, now: () => performance.now(), shouldStop });
  const seconds = () => (performance.now() - started) / 1000;
  const found = searched.values === null ? {} : { values: searched.values, objective: searched.objective };
  if (searched.complete && searched.values !== null) return { status: 'optimal', values: searched.values, bound: searched.bound, seconds: seconds(), objective: searched.objective };
  if (searched.complete) return { status: 'infeasible', values: [], bound: null, seconds: seconds() };
  const remaining = options.timeLimitSeconds - seconds();
  const stopped = shouldStop?.() === true;
  if (stopped || remaining < 0.05) return { status: stopped ? 'interrupted' : 'time-limit', values: [], bound: searched.bound, seconds: seconds(), ...found };
  const outcome = solveMip(highs, lp, { ...mipOptions, timeLimitSeconds: remaining, start: searched.values ?? options.start }, onProgress, shouldStop);
  const bound = outcome.bound === null ? searched.bound : Math.min(outcome.bound, searched.bound);
  if (outcome.values.length === 0 && searched.values !== null) return { ...outcome, ...found, bound, seconds: seconds() };
  return { ...outcome, bound, seconds: seconds() };
}
