import type { VersionEvent, VersionStatus } from './approval';
import type { FiscalCalendar, Period } from '../calendar/fiscal-calendar';
import type { AmountText } from '../money/amount';
import type { HistoryState } from './cell-edit';

export const ACCOUNT_TYPES = ['revenue', 'cogs', 'opex', 'capex', 'driver'] as const;
/** revenue, cost of goods sold, operating expense, capital expense, or a non-money driver */
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = {
  revenue: 'Revenue',
  cogs: 'Cost of goods sold',
  opex: 'Operating expenses',
  capex: 'Capital expenses',
  driver: 'Drivers',
};

/** A department; departments form a tree (a division over its departments) through `parentId`. */
export interface Department {
  id: number;
  name: string;
  /** the department it belongs to; null at the top */
  parentId: number | null;
}

export const ACCOUNT_UNITS = ['currency', 'number', 'percent'] as const;
/**
 * What an account's amounts count: money to the cent, or (driver accounts only) a quantity such
 * as headcount, or a rate held as a fraction (0.035) and shown and typed as a percentage (3.5%).
 */
export type AccountUnit = (typeof ACCOUNT_UNITS)[number];

/** An account of the chart of accounts; accounts form a tree (a header account over its accounts) through `parentId`. */
export interface Account {
  id: number;
  code: string;
  name: string;
  type: AccountType;
  unit: AccountUnit;
  /** the header account it rolls up into; null at the top */
  parentId: number | null;
}

/** A named seasonality: one non-negative weight per month of the fiscal year, to spread amounts by. */
export interface SeasonalityProfile {
  id: number;
  name: string;
  /** twelve canonical decimals, month 1 of the fiscal year first */
  weights: string[];
}

/** The year before the budget's first year (last year's actuals), per line: what "spread like last year" uses. */
export interface PriorYear {
  versionId: number;
  versionName: string;
  /** twelve months per line that has any, month 1 of that fiscal year first */
  values: Record<number, (AmountText | null)[]>;
}

export const VERSION_KINDS = ['budget', 'forecast', 'scenario', 'actuals'] as const;
/** A budget (the plan), a forecast (latest estimate), a scenario ("what if"), or actuals (what happened). */
export type VersionKind = (typeof VERSION_KINDS)[number];

export const VERSION_KIND_LABELS: Record<VersionKind, string> = { budget: 'Budget', forecast: 'Forecast', scenario: 'Scenario', actuals: 'Actuals' };

/** A version of the plan year as the picker lists it: one set of values over the workbook's months. */
export interface VersionSummary {
  id: number;
  name: string;
  kind: VersionKind;
  status: VersionStatus;
  /** who owns it (who created it, unless changed) */
  owner: string;
  /** the version it was made from (copied), or null */
  basedOn: number | null;
  /** ISO time */
  createdAt: string;
  /** a forecast's switch-over: its months up to this period index are actuals (read-only), later ones planned; null elsewhere */
  closedThrough: number | null;
}

export interface BudgetVersion extends VersionSummary {
  /** the status's moves, oldest first; the last approve says who approved and when */
  events: VersionEvent[];
}

/** One row of the sheet: a department's line on an account, with a value per period. */
export interface BudgetLine {
  id: number;
  departmentId: number;
  accountId: number;
  description: string;
  /** one entry per period; null where nothing was entered (a formula line's are computed by the engine) */
  values: (AmountText | null)[];
  /** the formula that drives the line, as written; null for an input line */
  formula: string | null;
  /** the funded proposal whose costs the line carries; absent or null for other lines */
  proposalId?: number | null;
  /** the strategic goal the line is tagged with; absent or null when untagged */
  goalId?: number | null;
}

/** A comment on a line (period null) or on one of its cells. */
export interface SheetComment {
  id: number;
  lineId: number;
  period: number | null;
  text: string;
  author: string;
  /** ISO time */
  createdAt: string;
}

/** What a workbook is, as the status bar and title show it. */
export interface WorkbookInfo {
  path: string;
  name: string;
  currency: string;
  revision: number;
}

/** Everything the sheet needs to draw one version of a workbook. */
export interface SheetModel {
  workbook: WorkbookInfo;
  calendar: FiscalCalendar;
  periods: Period[];
  version: BudgetVersion;
  departments: Department[];
  accounts: Account[];
  lines: BudgetLine[];
  /** labels of the next undo and redo steps */
  history: HistoryState;
  /** comments on the version's lines and cells, oldest first */
  comments: SheetComment[];
  profiles: SeasonalityProfile[];
  /** null when the workbook holds no version for the year before the budget */
  priorYear: PriorYear | null;
  /** every version of the plan year, in the order the picker lists them */
  versions: VersionSummary[];
  /** the last closed month (a period index): actuals are final up to it; null before the first close */
  actualsThrough: number | null;
  /** a forecast's leading months that show actuals (read-only): how many, and from which version; 0 and null elsewhere */
  actualMonths: number;
  actualsSource: string | null;
}
