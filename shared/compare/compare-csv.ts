import type { PeriodSpan } from '../calendar/fiscal-calendar';
import { csvAmount, csvRecord, DEFAULT_CSV, neutraliseText } from '../export/csv';
import { figuresOf, type VersionComparison } from './compare-versions';

/**
 * A comparison as CSV, a record per line, group and total: its names, then for each span the
 * base, the comparison, the variance and the variance as a fraction of the base (0.052 for 5.2%;
 * empty where the base is zero), and F or U. Exact decimals with a point; text a spreadsheet would
 * run is neutralised; a row in error says so in every figure.
 */
export function compareCsv(comparison: VersionComparison, spans: readonly PeriodSpan[]): string {
  const names = (label: string) => [`${label} ${comparison.base.name}`, `${label} ${comparison.comparison.name}`, `${label} variance`, `${label} variance ratio`, `${label} F/U`];
  const lines = [csvRecord(['Row', 'Department', 'Account', 'Line', ...spans.flatMap((span) => names(span.label))].map(neutraliseText), DEFAULT_CSV)];
  for (const row of [...comparison.rows, ...comparison.totals]) {
    const figures = spans.flatMap((span) => {
      const shown = figuresOf(comparison, row, span.periods);
      if (shown.error !== null) return ['#ERROR', '#ERROR', '#ERROR', '#ERROR', ''];
      const amount = (value: typeof shown.base) => (value === null ? '' : csvAmount(value.toFixed(), DEFAULT_CSV));
      return [amount(shown.base), amount(shown.comparison), amount(shown.variance), shown.ratio === null ? '' : shown.ratio.toDecimalPlaces(6).toFixed(), shown.favourable === null ? '' : shown.favourable ? 'F' : 'U'];
    });
    lines.push(csvRecord([row.kind, neutraliseText(row.department), neutraliseText(row.account), neutraliseText(row.label), ...figures], DEFAULT_CSV));
  }
  return lines.join('');
}
