import { fiscalLayout, type FiscalYearLayout, type Period } from '../calendar/fiscal-calendar';
import { lastApproval, type VersionEvent } from '../domain/approval';
import type { AccountType, AccountUnit, BudgetVersion, SheetModel } from '../domain/workbook';
import { computeSheetTotals, TOTALLED_TYPES, type SheetTotals, type TotalledType } from '../engine/sheet-totals';
import { engineLine, FormulaEngine } from '../formula/formula-engine';
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

/** The sheet model as an export table: formulas computed, totals exact. */
export function budgetTable(model: SheetModel): BudgetTable {
  const accounts = new Map(model.accounts.map((account) => [account.id, account]));
  const departments = new Map(model.departments.map((department) => [department.id, department.name]));
  const engine = new FormulaEngine(
    model.lines.map((line) => engineLine(line, accounts.get(line.accountId)?.unit ?? 'currency')),
    model.periods.length,
  );
  const computed = model.lines.map((line) => {
    const outcome = engine.outcome(line.id);
    return outcome === undefined ? line : { ...line, values: outcome.values };
  });
  const typeOf = (accountId: number): AccountType => accounts.get(accountId)?.type ?? 'driver';
  const totals = computeSheetTotals(computed, (line) => typeOf(line.accountId), model.periods.length);
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
