import type { BudgetLine } from '../../shared/domain/workbook';
import { spreadByWeights, spreadEvenly } from '../../shared/engine/spread';
import { amountOf, type AmountText } from '../../shared/money/amount';
import type { SheetView } from './sheet-view';

/** How a full-year amount is split over the months. */
export type SpreadMethod =
  | { kind: 'even' }
  /** in the proportions of a line's months (the line itself keeps its seasonality) */
  | { kind: 'shape'; lineId: number }
  /** the line's own shape when it has one, else evenly: what typing into the year total does */
  | { kind: 'auto' };

export type SpreadPlan = { ok: true; amounts: AmountText[]; how: string } | { ok: false; message: string };

/**
 * The amounts of `line` in `periods` (all months when omitted) for a new `total` over them, by
 * `method`: one amount per listed period, in that order.
 */
export function planSpread(view: SheetView, line: BudgetLine, total: AmountText, method: SpreadMethod, periods: readonly number[] = view.model.periods.map((period) => period.index)): SpreadPlan {
  const pick = (source: BudgetLine) => periods.map((period) => amountOf(source.values[period]));
  const shapeOf = (source: BudgetLine) => pick(source).map((value) => value.abs());
  if (method.kind === 'even') return withHow(spreadEvenly(total, periods.length), 'evenly');
  if (method.kind === 'shape') {
    const index = view.rowIndex.get(method.lineId);
    const source = index === undefined ? undefined : view.rows[index]?.line;
    if (source === undefined) return { ok: false, message: 'The line whose shape was chosen is no longer in the sheet.' };
    const values = pick(source);
    if (values.some((value) => value.isNegative()) && values.some((value) => value.isPositive())) {
      return { ok: false, message: `“${source.description}” has both positive and negative months, so it has no shape to spread by. Spread evenly instead.` };
    }
    const how = source.id === line.id ? 'in the shape of its current months' : `in the shape of “${source.description}”`;
    return withHow(spreadByWeights(total, shapeOf(source)), how);
  }
  const own = pick(line);
  const oneSign = !(own.some((value) => value.isNegative()) && own.some((value) => value.isPositive()));
  if (oneSign && own.some((value) => !value.isZero())) return planSpread(view, line, total, { kind: 'shape', lineId: line.id }, periods);
  return planSpread(view, line, total, { kind: 'even' }, periods);
}

function withHow(result: ReturnType<typeof spreadEvenly>, how: string): SpreadPlan {
  return result.ok ? { ok: true, amounts: result.amounts, how } : result;
}
