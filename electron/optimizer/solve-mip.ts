import highsLoader, { type Highs } from 'highs';
import type { MipOutcome } from '../../shared/portfolio/optimize-result';

/** How long and how close: the solver stops at the time limit or once the gap is this small. */
export interface MipOptions {
  timeLimitSeconds: number;
  /** relative gap at which a solution counts as optimal; 0 asks for the proven optimum */
  relativeGap: number;
  /** a feasible 0/1 start (a greedy pass), so the search has an incumbent from the outset */
  start?: number[];
  /** further HiGHS options: the racing workers differ by these (random seed, heuristics, presolve) */
  highsOptions?: Readonly<Record<string, string | number | boolean>>;
  /** solve the linear relaxation only (0 <= x <= 1): its optimum bounds the program's, its values guide a heuristic */
  relaxation?: boolean;
}

/** Progress as the solver reports it: the best portfolio so far, the proven bound, the gap between them. */
export interface MipProgress {
  seconds: number;
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
}

/** The solver's answer with the objective of its portfolio (in floating point), so racing solvers' answers can be compared. */
export type SolverOutcome = MipOutcome & { objective?: number | null };

let loading: Promise<Highs> | undefined;
/** HiGHS compiled to WebAssembly, loaded once per thread. */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

/**
 * Solves a 0/1 program in CPLEX LP text with HiGHS. Blocks the thread it runs on (run it in a
 * worker), reports progress, and stops when `shouldStop` says so (cancel).
 */
export function solveMip(highs: Highs, lp: string, options: MipOptions, onProgress?: (progress: MipProgress) => void, shouldStop?: () => boolean): SolverOutcome {
  const started = performance.now();
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({ time_limit: options.timeLimitSeconds, mip_rel_gap: options.relativeGap, mip_abs_gap: 1e-6, output_flag: false, ...options.highsOptions });
    if (options.relaxation === true) model.clearIntegrality();
    else if (options.start !== undefined) model.setSolution({ colValue: options.start });
    let lastReport = 0;
    const types = highs.constants.callbackType;
    const result = model.run({
      [types.mipLogging](event) {
        const now = performance.now();
        if (onProgress !== undefined && now - lastReport > 200) {
          lastReport = now;
          onProgress({ seconds: (now - started) / 1000, incumbent: event.data.mip_primal_bound ?? null, bound: event.data.mip_dual_bound ?? null, gap: event.data.mip_gap ?? null });
        }
        return undefined;
      },
      [types.mipInterrupt](event) {
        if (shouldStop?.() === true) event.interrupt();
        return undefined;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const statuses = highs.constants.modelStatus;
    const status = result.modelStatus;
    if (status === statuses.infeasible) return { status: 'infeasible', values: [], bound: null, seconds };
    const mapped = status === statuses.optimal ? 'optimal' : status === statuses.timeLimit ? 'time-limit' : status === statuses.interrupted ? 'interrupted' : null;
    if (mapped === null) return { status: 'failed', values: [], bound: null, seconds, message: `HiGHS stopped with status ${status}` };
    const values = [...model.getSolution().colValue];
    // A relaxation's optimum is itself the bound (by a hair more, for the floating point it was found in).
    const bound = options.relaxation === true ? withMargin(Number(model.info.get('objective_function_value'))) : Number(model.info.get('mip_dual_bound'));
    const objective = Number(model.info.get('objective_function_value'));
    return { status: mapped, values, bound: Number.isFinite(bound) ? bound : null, seconds, objective: values.length > 0 && Number.isFinite(objective) ? objective : null };
  } finally {
    model.dispose();
  }
}

const withMargin = (bound: number) => bound + Math.abs(bound) * 1e-9 + 0.01;
