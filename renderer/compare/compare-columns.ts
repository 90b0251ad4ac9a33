import type { CellClassParams, ColDef, ColGroupDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import type { PeriodSpan } from '../../shared/calendar/fiscal-calendar';
import { figuresOf, isOverThresholds, type CompareRow, type VarianceFigures, type VersionComparison } from '../../shared/compare/compare-versions';
import { QUANTITY_SCALE } from '../../shared/money/amount';
import { Decimal } from '../../shared/money/decimal';
import { formatAmount, formatPercent, type AmountFormat } from '../../shared/money/format-amount';

type Value = Decimal | string | null;
export type FigureField = 'base' | 'comparison' | 'variance' | 'ratio';

/** Figures computed when the grid first asks for them, once per row and span. */
export function figureCache(comparison: VersionComparison): (row: CompareRow, span: PeriodSpan) => VarianceFigures {
  const cache = new Map<string, VarianceFigures>();
  return (row, span) => {
    const key = `${row.id}|${span.id}`;
    let figures = cache.get(key);
    if (figures === undefined) cache.set(key, (figures = figuresOf(comparison, row, span.periods)));
    return figures;
  };
}

/** Lines over both thresholds in the span, with the groups above them; groups with none left out; totals kept. */
export function overThresholdRows(rows: readonly CompareRow[], figures: (row: CompareRow, span: PeriodSpan) => VarianceFigures, span: PeriodSpan, amount: Decimal, percent: Decimal): CompareRow[] {
  const shown: CompareRow[] = [];
  const open: CompareRow[] = [];
  for (const row of rows) {
    if (row.kind === 'group') {
      open.length = row.level;
      open.push(row);
      continue;
    }
    if (!isOverThresholds(figures(row, span), amount, percent)) continue;
    // The groups above the line come first, once.
    for (const group of open) if (!shown.includes(group)) shown.push(group);
    shown.push(row);
  }
  return shown;
}

/** A variance in words as well as colour: F favourable, U unfavourable. */
export function verdictOf(figures: VarianceFigures): string {
  return figures.favourable === null ? '' : figures.favourable ? 'F' : 'U';
}

function formatFigure(value: Decimal | null, row: CompareRow | undefined, field: FigureField, format: AmountFormat): string {
  if (value === null) return '';
  if (field === 'ratio') {
    const percent = value.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN);
    return `${percent.isPositive() && !percent.isZero() ? '+' : ''}${percent.toFixed(1)}%`;
  }
  if (row?.unit === 'percent') return formatPercent(value, format);
  if (row?.unit === 'number') return formatAmount(value, { ...format, trimDecimals: true, scale: QUANTITY_SCALE });
  return formatAmount(value, format);
}

const FIELD_HEADERS: Record<FigureField, (comparison: VersionComparison) => string> = {
  base: (comparison) => comparison.base.name,
  comparison: (comparison) => comparison.comparison.name,
  variance: () => 'Variance',
  ratio: () => 'Var %',
};

/** The compare grid's columns: the row's names, then base, comparison, variance and variance % for each span. */
export function compareColumns(
  comparison: VersionComparison,
  spans: readonly PeriodSpan[],
  figures: (row: CompareRow, span: PeriodSpan) => VarianceFigures,
  format: AmountFormat,
  flagged: (row: CompareRow) => boolean,
  commented: (row: CompareRow) => boolean,
): (ColDef<CompareRow, Value> | ColGroupDef<CompareRow>)[] {
  const spanGroup = (span: PeriodSpan): ColGroupDef<CompareRow> => ({
    headerName: span.label,
    groupId: span.id,
    children: (['base', 'comparison', 'variance', 'ratio'] as const).map(
      (field): ColDef<CompareRow, Value> => ({
        colId: `${span.id}:${field}`,
        headerName: FIELD_HEADERS[field](comparison),
        headerTooltip: field === 'variance' ? `${comparison.comparison.name} less ${comparison.base.name}` : field === 'ratio' ? `The variance as a share of ${comparison.base.name}; F favourable, U unfavourable` : undefined,
        width: field === 'ratio' ? 104 : 128,
        type: 'rightAligned',
        valueGetter: (params: ValueGetterParams<CompareRow, Value>) => (params.data === undefined ? null : figures(params.data, span)[field]),
        valueFormatter: (params: ValueFormatterParams<CompareRow, Value>) => {
          if (params.data === undefined) return '';
          const shown = figures(params.data, span);
          if (shown.error !== null) return '#ERROR';
          const text = formatFigure(shown[field], params.data, field, format);
          if (field !== 'ratio') return text;
          // A variance from a zero base has no percentage, but still a verdict.
          const ratio = text !== '' ? text : shown.variance !== null && !shown.variance.isZero() ? 'n/a' : '';
          return `${ratio} ${verdictOf(shown)}`.trim();
        },
        tooltipValueGetter: (params) => {
          if (params.data === undefined) return undefined;
          const shown = figures(params.data, span);
          if (shown.error !== null) return shown.error;
          if (field !== 'variance' && field !== 'ratio') return undefined;
          if (shown.favourable === null) return undefined;
          const what = params.data.nature === 'income' ? (shown.favourable ? 'more income than' : 'less income than') : shown.favourable ? 'less cost than' : 'more cost than';
          return `${shown.favourable ? 'Favourable' : 'Unfavourable'}: ${what} ${comparison.base.name}`;
        },
        cellClass: (params: CellClassParams<CompareRow, Value>) => {
          if (params.data === undefined) return ['amount-cell'];
          const shown = figures(params.data, span);
          const classes = ['amount-cell'];
          if (shown.error !== null) return [...classes, 'cell-error'];
          const value = shown[field];
          if (value !== null && value.isNegative() && field !== 'ratio') classes.push('amount-negative');
          if ((field === 'variance' || field === 'ratio') && shown.favourable !== null) classes.push(shown.favourable ? 'variance-favourable' : 'variance-unfavourable');
          return classes;
        },
      }),
    ),
  });
  return [
    {
      colId: 'flag',
      headerName: '',
      headerTooltip: 'Over both thresholds: a variance to explain',
      width: 34,
      pinned: 'left',
      valueGetter: (params: ValueGetterParams<CompareRow, Value>) => (params.data !== undefined && params.data.kind !== 'group' && flagged(params.data) ? '!' : ''),
      tooltipValueGetter: (params) => (params.value === '!' ? 'Over both thresholds: explain this variance' : undefined),
      cellClass: 'flag-cell',
    },
    {
      colId: 'label',
      headerName: 'Line',
      width: 300,
      pinned: 'left',
      valueGetter: (params: ValueGetterParams<CompareRow, Value>) => params.data?.label ?? '',
      cellStyle: (params) => ({ paddingLeft: `${10 + (params.data?.kind === 'total' ? 0 : (params.data?.level ?? 0) * 14)}px` }),
      cellClass: (params: CellClassParams<CompareRow, Value>) => [params.data?.kind === 'line' ? 'dimension-cell' : 'group-label', ...(params.data !== undefined && commented(params.data) ? ['has-comment'] : [])],
      tooltipValueGetter: (params) => (params.data !== undefined && commented(params.data) ? 'Its variance is explained in a comment: double-click to read it' : undefined),
    },
    { colId: 'department', headerName: 'Department', width: 120, valueGetter: (params: ValueGetterParams<CompareRow, Value>) => params.data?.department ?? '', cellClass: 'dimension-cell' },
    ...spans.map(spanGroup),
  ];
}
