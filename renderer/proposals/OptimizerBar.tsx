import { useState } from 'react';
import { Decimal } from '../../shared/money/decimal';
import type { Objective } from '../../shared/portfolio/portfolio-model';
import { usePortfolioStore } from '../state/portfolio-store';
import { formatMoney } from './format-metric';

/** Optimize: the objective, the run with its progress and cancel, and what came out of it. */
export function OptimizerBar({ onFrontier, onFundChosen, onMinimums }: { onFrontier: (objective: Objective) => void; onFundChosen: () => void; onMinimums: () => void }) {
  const { optimize, cancelOptimize, optimizing, progress, optimized, optimizedFor } = usePortfolioStore();
  const [objective, setObjective] = useState<Objective>('npv');
  const choice = optimized?.ok === true ? optimized.choice : null;
  const value = (text: string) => (optimizedFor === 'npv' ? `NPV ${formatMoney(new Decimal(text))}` : `score ${new Decimal(text).toDecimalPlaces(2).toString()}`);
  return (
    <fieldset className="optimizer-bar" aria-label="Optimizer">
      <legend>Optimal portfolio</legend>
      <label className="toolbar-select">
        Maximise
        <select aria-label="Objective" value={objective} onChange={(event) => setObjective(event.target.value as Objective)} disabled={optimizing}>
          <option value="npv">Total NPV</option>
          <option value="score">Total weighted score</option>
        </select>
      </label>
      {optimizing ? (
        <>
          <span className="optimizer-progress" role="status" data-testid="optimizer-progress">
            Optimizing… {progress === null ? '' : `${progress.seconds.toFixed(1)} s${progress.gap === null || !Number.isFinite(progress.gap) ? '' : `, within ${(progress.gap * 100).toFixed(2)}% of the optimum`}`}
          </span>
          <button type="button" onClick={() => void cancelOptimize()} title="Stop and keep the best portfolio found so far">Cancel</button>
        </>
      ) : (
        <button type="button" className="primary" onClick={() => void optimize(objective)} title="Find the portfolio that maximises the objective under the caps and constraints">
          Optimize
        </button>
      )}
      <button type="button" onClick={() => onFrontier(objective)} disabled={optimizing} title="Best objective as the capital budget varies">Frontier…</button>
      <button type="button" onClick={onMinimums} disabled={optimizing} title="Capital each department must get at least">Minimums…</button>
      {choice !== null && !optimizing && (
        <span className="optimizer-result" data-testid="optimizer-result">
          {choice.status === 'optimal'
            ? 'Proven optimum'
            : `${choice.status === 'within-gap' ? 'Good enough' : `Best found (${choice.status === 'time-limit' ? 'time limit' : 'cancelled'})`}, within ${choice.gap === null ? 'an unknown distance' : `${new Decimal(choice.gap).times(100).toDecimalPlaces(3).toString()}%`} of the optimum`}: {choice.chosen.length} proposals, {value(choice.objective)} · {choice.seconds.toFixed(2)} s
          <button type="button" className="link-button" onClick={onFundChosen}>Fund these…</button>
        </span>
      )}
    </fieldset>
  );
}
