import type { AmountText } from '../money/amount';
import { spreadEvenly } from '../engine/spread';

/** Months of each fiscal year, both ends included: 0 is the year's first month, 11 its last. */
export interface MonthSpan {
  from: number;
  to: number;
}

/**
 * Where a funded proposal's costs go in the budget: the account of its capital costs and of its
 * operating costs (null: the chart's first of that type), and the months of each year they are
 * spread over. Chosen when the proposal is funded, remembered with it, proposed the next time.
 */
export interface FundingPlacement {
  capitalAccountId: number | null;
  operatingAccountId: number | null;
  capitalMonths: MonthSpan;
  operatingMonths: MonthSpan;
}

export const WHOLE_YEAR: MonthSpan = { from: 0, to: 11 };

/** Where a proposal's costs go when nothing was chosen: the first account of each type, over whole years. */
export const DEFAULT_PLACEMENT: FundingPlacement = { capitalAccountId: null, operatingAccountId: null, capitalMonths: WHOLE_YEAR, operatingMonths: WHOLE_YEAR };

/** A placed amount: the budget's month (0 is its first) and the amount, never zero. */
export interface PlacedAmount {
  period: number;
  amount: AmountText;
}

/**
 * Each year's amount spread evenly over the span's months of that fiscal year, exact to the cent
 * (largest remainder), then kept where the budget's months reach: a year the budget covers in
 * part keeps the months that fall inside it, each with the share it would have had.
 */
export function placeYears(amounts: readonly AmountText[], span: MonthSpan, periodCount: number): { ok: true; placed: PlacedAmount[] } | { ok: false; year: number; message: string } {
  const placed: PlacedAmount[] = [];
  const months = span.to - span.from + 1;
  for (const [year, amount] of amounts.entries()) {
    const first = year * 12 + span.from;
    if (amount === '0' || first >= periodCount) continue;
    const spread = spreadEvenly(amount, months);
    if (!spread.ok) return { ok: false, year, message: spread.message };
    spread.amounts.forEach((value, month) => {
      const period = first + month;
      if (value !== '0' && period < periodCount) placed.push({ period, amount: value });
    });
  }
  return { ok: true, placed };
}

/** "Mar–Jun", "Jan–Dec", "Sep": a span as the fund dialog and the trail say it, from the year's month names. */
export function spanLabel(span: MonthSpan, monthNames: readonly string[]): string {
  const from = monthNames[span.from] ?? `month ${span.from + 1}`;
  const to = monthNames[span.to] ?? `month ${span.to + 1}`;
  return span.from === span.to ? from : `${from}–${to}`;
}

/** An account a funding can go to, as the fund dialog lists it. */
export interface FundingAccount {
  id: number;
  /** `1500 Equipment` */
  label: string;
}

/** What the fund dialog proposes for a proposal: its remembered placement (or the default) and the choices. */
export interface FundingOptions {
  /** the remembered placement, or the default with the first account of each type filled in */
  placement: FundingPlacement;
  /** whether the placement is the one chosen the last time this proposal was funded */
  remembered: boolean;
  capitalAccounts: FundingAccount[];
  operatingAccounts: FundingAccount[];
  /** the fiscal year's months in order, `Jan` … or `Jul` … */
  monthNames: string[];
  /** the department whose lines the costs become */
  department: string;
}
