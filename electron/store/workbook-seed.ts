import type { FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import type { AccountType, AccountUnit, VersionKind } from '../../shared/domain/workbook';
import type { AmountText } from '../../shared/money/amount';
import type { KpiDirection, KpiTarget, KpiThresholds, KpiUnit } from '../../shared/domain/kpi';

/** The content a new workbook file starts with. */
export interface WorkbookSeed {
  name: string;
  currency: string;
  calendar: FiscalCalendar;
  versionName: string;
  /** `parent` names another department of the list; `sortOrder` places it among its siblings (else list order) */
  departments: { name: string; parent?: string; sortOrder?: number }[];
  /** `parent` is the code of a header account of the same type, listed anywhere */
  accounts: { code: string; name: string; type: AccountType; unit?: AccountUnit; parent?: string }[];
  /** `goal` names a goal of `goals` the line is tagged with */
  lines: { department: string; accountCode: string; description: string; values: (AmountText | null)[]; formula?: string | null; goal?: string }[];
  /** strategic goals, in order */
  goals?: { name: string; description: string }[];
  /** KPIs in order: `department` and `goal` by name; an input KPI (definition null) with its entered values */
  kpis?: {
    name: string;
    description: string;
    definition: string | null;
    unit: KpiUnit;
    direction: KpiDirection;
    department: string | null;
    goal: string | null;
    thresholds: KpiThresholds;
    targets: KpiTarget[];
    inputs?: { period: number; value: string; enteredBy: string; enteredAt: string }[];
  }[];
  /** comments on lines (period null) or cells, by line description */
  comments?: { line: string; period: number | null; author: string; text: string }[];
  /** seasonality profiles: twelve weights each, month 1 of the fiscal year first */
  profiles?: { name: string; weights: string[] }[];
  /** investment proposals with their criteria and the capital budget per year */
  portfolio?: {
    criteria: { name: string; weight: string }[];
    capitalCaps: (AmountText | null)[];
    proposals: {
      title: string;
      department: string;
      category: string;
      /** the name of a goal of `goals`, or '' */
      goal: string;
      owner: string;
      description: string;
      capex: AmountText[];
      opex: AmountText[];
      benefit: AmountText[];
      usefulLife: number;
      risk: string;
      /** in the order of `criteria` */
      scores: number[];
      mandatory?: boolean;
      exclusiveGroup?: string;
      /** the titles of the proposals it needs funded with it */
      prerequisites?: string[];
    }[];
  };
  /** more versions of the plan year (actuals, forecasts, scenarios), values by line description; a formula line's values are ignored except in actuals */
  versions?: { name: string; kind: VersionKind; basedOn?: string; lines: { description: string; values: (AmountText | null)[] }[] }[];
  /** the last closed month of the plan year (a period index) */
  actualsThrough?: number;
  /** last year's actuals: twelve months per line, by line description */
  priorYear?: { versionName: string; lines: { description: string; values: (AmountText | null)[] }[] };
}
