import type { Decimal } from '../../shared/money/decimal';
import type { SheetView } from '../../shared/sheet/sheet-view';

const text = (value: Decimal | null | undefined) => (value === null || value === undefined ? null : value.toString());
const sorted = <K, V>(map: ReadonlyMap<K, V>): [K, V][] => [...map].sort(([a], [b]) => String(a).localeCompare(String(b)));

/**
 * A sheet view as plain data, with exact amounts as text, so two views built different ways (a
 * patch applied, or the sheet read and built again) can be compared whole: every row, group,
 * subtotal, total, comment, error and formula result.
 */
export function comparableView(view: SheetView): unknown {
  const row = (shown: SheetView['display']['rows'][number]) =>
    shown.kind === 'line' ? { ...shown, year: text(shown.year) } : { ...shown, year: text(shown.year), periods: shown.periods?.map(text) ?? null };
  return {
    model: view.model,
    rows: view.rows.map(row),
    rowIndex: sorted(view.rowIndex),
    accounts: sorted(view.accountsById),
    totals: {
      lineYear: sorted(view.totals.lineYear).map(([lineId, year]) => [lineId, text(year)]),
      byType: Object.fromEntries(Object.entries(view.totals.byType).map(([type, total]) => [type, { periods: total.periods.map(text), year: text(total.year) }])),
      operatingIncome: { periods: view.totals.operatingIncome.periods.map(text), year: text(view.totals.operatingIncome.year) },
    },
    totalRows: view.totalRows.map((total) => ({ ...total, periods: total.periods.map(text), year: text(total.year) })),
    display: {
      grouping: view.display.grouping,
      collapsed: [...view.display.collapsed].sort(),
      rows: view.display.rows.map(row),
      lineIndex: sorted(view.display.lineIndex),
      groupIndex: sorted(view.display.groupIndex),
      groupsOfLine: sorted(view.display.groupsOfLine),
    },
    outcomes: sorted(view.formulas.allOutcomes()),
    commentsByPlace: sorted(view.commentsByPlace),
    lineErrors: sorted(view.lineErrors),
  };
}
