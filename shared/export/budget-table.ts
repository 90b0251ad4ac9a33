import { fiscalLayout, type FiscalYearLayout, type Period } from '../calendar/fiscal-calendar';
import { lastApproval, type VersionEvent } from '../domain/approval';
import type { AccountType, AccountUnit, BudgetVersion, SheetModel } from '../domain/workbook';
import { ApiError } from '../api/errors';
import { TOTALLED_TYPES, type SheetTotals, type TotalledType } from '../engine/sheet-totals';
import { buildSheetView } from '../sheet/sheet-view';
import type { AmountText } from '../money/amount';

/** A budget line as exports write it: its names, and its values as Tandem computes them (formula lines included). */
export interface ExportLine {
  id: number;
  department: string;
  departmentId: number;
  accountCode: string;
  accountName: string;
  type: AccountType;
  unit: AccountUnit;
  description: string;
  /** the Tandem formula of a computed line, written beside its values for the reader */
  formula: string | null;
  values: (AmountText | null)[];
}

/** The sections of an export, in order: the money types, then drivers (which are not totalled). */
export const EXPORT_SECTIONS: readonly AccountType[] = [...TOTALLED_TYPES, 'driver'];

export const SECTION_TITLES: Record<AccountType, string> = {
  revenue: 'Revenue',
  cogs: 'Cost of goods sold',
  opex: 'Operating expenses',
  capex: 'Capital expenses',
  driver: 'Drivers (counts and rates)',
};

/** One version of the budget, ready to be written to any file format. */
export interface BudgetTable {
  workbookName: string;
  currency: string;
  version: BudgetVersion;
  approval: VersionEvent | null;
  periods: Period[];
  layout: FiscalYearLayout[];
  /** by section (type), then in the sheet's order */
  lines: ExportLine[];
  totals: SheetTotals;
}

/**
 * The sheet model as an export table, read from the one model of the sheet: formulas computed
 * (a forecast's closed months as recorded), totals exact. A line in error is refused, naming it:
 * every total that includes it would be a wrong number in the file.
 */
export function budgetTable(model: SheetModel): BudgetTable {
  const accounts = new Map(model.accounts.map((account) => [account.id, account]));
  const departments = new Map(model.departments.map((department) => [department.id, department.name]));
  const view = buildSheetView(model, 'none');
  for (const [lineId, errors] of view.lineErrors) {
    const period = errors.findIndex((error) => error !== null);
    const line = model.lines.find((candidate) => candidate.id === lineId);
    throw new ApiError(
      'invalid-input',
      `“${line?.description ?? `line ${lineId}`}” has an error in ${model.periods[period]?.label ?? 'a month'} (${errors[period] ?? ''}), so the totals that include it cannot be written. Fix its formula, then export again.`,
      line?.description,
    );
  }
  const computed = view.rows.map((row) => row.line);
  const typeOf = (accountId: number): AccountType => accounts.get(accountId)?.type ?? 'driver';
  const totals = view.totals;
  const lines: ExportLine[] = EXPORT_SECTIONS.flatMap((section) =>
    computed
      .filter((line) => typeOf(line.accountId) === section)
      .map((line): ExportLine => {
        const account = accounts.get(line.accountId);
        return {
          id: line.id,
          department: departments.get(line.departmentId) ?? '',
          departmentId: line.departmentId,
          accountCode: account?.code ?? '',
          accountName: account?.name ?? '',
          type: section,
          unit: account?.unit ?? 'currency',
          description: line.description,
          formula: line.formula,
          values: line.values,
        };
      }),
  );
  return {
    workbookName: model.workbook.name,
    currency: model.workbook.currency,
    version: model.version,
    approval: lastApproval(model.version.events),
    periods: model.periods,
    layout: fiscalLayout(model.calendar),
    lines,
    totals,
  };
}

/** The money sections that have lines, for totals rows. */
export function totalledSections(table: BudgetTable): TotalledType[] {
  return TOTALLED_TYPES.filter((type) => table.lines.some((line) => line.type === type));
}
