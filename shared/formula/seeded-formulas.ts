import type { BudgetLine } from '../domain/workbook';
import type { EngineLine, FormulaEngine, FormulaOutcome } from './formula-engine';

/**
 * A sheet's formulas whose outcomes the back computed and sent with the sheet (issue 14, open):
 * the page shows them without building the engine, which parses every formula and orders the
 * lines (about a third of building a 10,000-line sheet). The engine is built on the first call
 * that needs it (an edit, a patch), from the lines as they were read: every change goes through
 * it after that, so it ends in the state an engine built at once would have.
 */
export class SeededFormulas {
  private built: FormulaEngine | null = null;

  constructor(
    private readonly outcomes: ReadonlyMap<number, FormulaOutcome>,
    private readonly build: () => FormulaEngine,
  ) {}

  /** The engine, built now if it was not yet (after the first paint, so the first edit need not wait for it). */
  engine(): FormulaEngine {
    this.built ??= this.build();
    return this.built;
  }

  outcome(lineId: number): FormulaOutcome | undefined {
    return this.built === null ? this.outcomes.get(lineId) : this.built.outcome(lineId);
  }

  allOutcomes(): Map<number, FormulaOutcome> {
    return this.built === null ? new Map(this.outcomes) : this.built.allOutcomes();
  }

  renameLines(lines: readonly Pick<BudgetLine, 'id' | 'description'>[]): FormulaEngine {
    return this.engine().renameLines(lines);
  }

  valuesChanged(changed: readonly EngineLine[]): Map<number, FormulaOutcome> {
    return this.engine().valuesChanged(changed);
  }
}

/** A sheet's formulas: the engine itself, or outcomes sent by the back with the engine built when first needed. */
export type SheetFormulas = FormulaEngine | SeededFormulas;

/** Builds the engine behind seeded formulas now (when the page is idle after its first paint). */
export function prepareFormulas(formulas: SheetFormulas): void {
  if (formulas instanceof SeededFormulas) formulas.engine();
}
