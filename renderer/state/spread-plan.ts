import type { BudgetLine } from '../../shared/domain/workbook';
import { spreadByWeights, spreadEvenly } from '../../shared/engine/spread';
import { amountOf, type AmountText } from '../../shared/money/amount';
import { Decimal } from '../../shared/money/decimal';
import type { SheetView } from '../../shared/sheet/sheet-view';

/** How a full-year amount is split over the months. */
export type SpreadMethod =
  | { kind: 'even' }
  /** in the proportions of a line's months (the line itself keeps its seasonality) */
  | { kind: 'shape'; lineId: number }
  /** by a named seasonality profile's weights for the months of the fiscal year */
  | { kind: 'profile'; profileId: number }
  /** in the shape of the same months a year earlier: last year's actuals, or the budget's own earlier year */
  | { kind: 'last-year' }
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
  if (method.kind === 'profile') {
    const profile = view.model.profiles.find((candidate) => candidate.id === method.profileId);
    if (profile === undefined) return { ok: false, message: 'The seasonality profile that was chosen no longer exists.' };
    // Period 0 is the first month of the fiscal year, so a period's month of the year is its index modulo twelve.
    const weights = periods.map((period) => new Decimal(profile.weights[period % 12] ?? '0'));
    return withHow(spreadByWeights(total, weights), `by the profile “${profile.name}”`);
  }
  if (method.kind === 'last-year') {
    const prior = view.model.priorYear;
    const lastYear = periods.map((period) => (period >= 12 ? (line.values[period - 12] ?? null) : (prior?.values[line.id]?.[period] ?? null)));
    const source = periods.some((period) => period < 12) ? (prior?.versionName ?? 'last year') : 'the budget’s year before';
    if (lastYear.every((value) => value === null || amountOf(value).isZero())) {
      return {
        ok: false,
        message:
          prior === null && periods.some((period) => period < 12)
            ? `This workbook holds no figures for the year before ${view.model.periods[0]?.label ?? 'the budget'}, so there is no last year to follow. Spread evenly or by a profile.`
            : `“${line.description}” has no figures in ${source} for these months. Spread evenly or by a profile.`,
      };
    }
    const values = lastYear.map((value) => amountOf(value));
    if (values.some((value) => value.isNegative()) && values.some((value) => value.isPositive())) {
      return { ok: false, message: `Last year “${line.description}” had both positive and negative months, so it has no shape to spread by. Spread evenly instead.` };
    }
    return withHow(spreadByWeights(total, values.map((value) => value.abs())), `like last year (${source})`);
  }
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
