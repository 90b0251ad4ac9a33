import type { SolverOutcome } from './solve-mip';

/**
 * How the racing workers' HiGHS differ (worker i takes entry i): on hard multi-year knapsacks
 * the time to a proof varies two- to five-fold with the search's random choices alone (measured:
 * 5 to 11 s on the same 200 proposals), so the first of two differently seeded searches to prove
 * it is rarely the slow one. The first keeps HiGHS's defaults, so racing is never a worse bet.
 */
export const RACE_SETTINGS: readonly Readonly<Record<string, string | number | boolean>>[] = [{}, { random_seed: 1 }];

/**
 * One answer from the racers: the first proof (of the optimum, or that nothing is feasible) when
 * there is one; otherwise the best portfolio any found, with the tightest bound any proved (both
 * bounds hold, so the smaller one does too).
 */
export function combineRace(answers: readonly { outcome: SolverOutcome; finishedAt: number }[]): SolverOutcome {
  const byFinish = [...answers].sort((a, b) => a.finishedAt - b.finishedAt);
  const proof = byFinish.find(({ outcome }) => outcome.status === 'optimal' || outcome.status === 'infeasible');
  if (proof !== undefined) return proof.outcome;
  const withPortfolio = byFinish.filter(({ outcome }) => outcome.values.length > 0);
  if (withPortfolio.length === 0) return (byFinish[0] as { outcome: SolverOutcome }).outcome;
  const best = withPortfolio.reduce((a, b) => ((b.outcome.objective ?? Number.NEGATIVE_INFINITY) > (a.outcome.objective ?? Number.NEGATIVE_INFINITY) ? b : a)).outcome;
  const bounds = answers.flatMap(({ outcome }) => (outcome.bound === null ? [] : [outcome.bound]));
  return { ...best, bound: bounds.length > 0 ? Math.min(...bounds) : null };
}
