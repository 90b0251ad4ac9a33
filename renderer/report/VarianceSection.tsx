import { useEffect, useMemo, useState } from 'react';
import type { VarianceComment } from '../../shared/api/compare-api';
import { compareSpans, compareVersions, figuresOf, isOverThresholds, type CompareRow, type VarianceFigures, type VersionComparison } from '../../shared/compare/compare-versions';
import type { PeriodSpan } from '../../shared/calendar/fiscal-calendar';
import { Decimal } from '../../shared/money/decimal';
import { formatAmount } from '../../shared/money/format-amount';
import { parseAmount } from '../../shared/money/parse-amount';
import { buildSheetView, type SheetView } from '../../shared/sheet/sheet-view';
import { rowSpanSum } from '../../shared/sheet/span-sums';
import { api } from '../api/client';
import { chartColours, EChart, type ChartOption } from '../charts/EChart';
import { useCompareStore } from '../state/compare-store';

const money = (value: Decimal | null) => (value === null ? '' : formatAmount(value, { negatives: 'parentheses', zero: 'dash', scale: 0 }));
const percent = (figures: VarianceFigures) => {
  if (figures.ratio === null) return '';
  const value = figures.ratio.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN);
  return `${value.isPositive() && !value.isZero() ? '+' : ''}${value.toFixed(1)}%`;
};
/** Favourable or unfavourable, in words: the printed page may be black and white. */
const verdict = (figures: VarianceFigures) => (figures.favourable === null ? '' : figures.favourable ? 'fav.' : 'unfav.');

interface Loaded {
  actuals: VersionComparison | null;
  forecast: VersionComparison | null;
  comments: VarianceComment[];
}

/**
 * The report's budget-versus-actual page: year to date against actuals and the full year against
 * the latest forecast, by department and by account type; the lines whose variance reaches the
 * compare view's thresholds, with their comments; and operating income by month in all three.
 */
export function VarianceSection({ view }: { view: SheetView }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { thresholdAmount, thresholdPercent } = useCompareStore();
  const versions = view.model.versions;
  const actualsVersion = versions.find((version) => version.kind === 'actuals' && version.id !== view.model.version.id);
  const forecastVersion = [...versions].reverse().find((version) => version.kind === 'forecast' && version.id !== view.model.version.id);
  const shownKind = view.model.version.kind;
  useEffect(() => {
    if (shownKind === 'actuals' || (actualsVersion === undefined && forecastVersion === undefined)) return undefined;
    let current = true;
    const read = async (versionId: number | undefined) => (versionId === undefined ? null : compareVersions(view, buildSheetView(await api.call('sheet/get-sheet', { versionId }))));
    void Promise.all([
      read(actualsVersion?.id),
      read(forecastVersion?.id),
      actualsVersion === undefined ? Promise.resolve({ comments: [] }) : api.call('compare/list-comments', { baseVersionId: view.model.version.id, comparisonVersionId: actualsVersion.id }),
    ])
      .then(([actuals, forecast, notes]) => current && setLoaded({ actuals, forecast, comments: notes.comments }))
      .catch((error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      current = false;
    };
  }, [view, actualsVersion, forecastVersion, shownKind]);

  const spans = compareSpans(view.model);
  const yearToDate = spans.yearToDate;
  const fullYear = spans.years[0];
  const amount = parseAmount(thresholdAmount, view.model.workbook.currency);
  const limit = { amount: new Decimal(amount.ok ? amount.amount : '0'), percent: new Decimal(/^\d+(\.\d+)?$/.test(thresholdPercent) ? thresholdPercent : '0') };

  const chart = useMemo((): ChartOption | null => {
    if (loaded === null) return null;
    const colours = chartColours(false);
    const income = (source: VersionComparison | null, pick: 'base' | 'comparison') => {
      const row = source?.totals.find((candidate) => candidate.id === 'operating-income');
      const through = view.model.actualsThrough ?? -1;
      return view.model.periods.map((period) => (pick === 'comparison' && source === loaded.actuals && period.index > through ? null : (rowSpanSum(row?.[pick], [period.index])?.toNumber() ?? null)));
    };
    const base = loaded.actuals ?? loaded.forecast;
    return {
      animation: false,
      color: colours.series,
      textStyle: { color: '#1b2430', fontFamily: 'Inter Variable, system-ui, sans-serif', fontSize: 10 },
      legend: { top: 0 },
      grid: { left: 56, right: 12, top: 28, bottom: 24 },
      xAxis: { type: 'category', data: view.model.periods.map((period) => period.label.replace(/ \d{4}$/, '')) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => (Math.abs(value) >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : `${Math.round(value / 1e3)}k`) } },
      series: [
        { name: view.model.version.name, type: 'bar', data: income(base, 'base'), barMaxWidth: 16 },
        ...(loaded.actuals === null ? [] : [{ name: loaded.actuals.comparison.name, type: 'line', data: income(loaded.actuals, 'comparison'), symbolSize: 5 }]),
        ...(loaded.forecast === null ? [] : [{ name: `${loaded.forecast.comparison.name} (latest estimate)`, type: 'line', lineStyle: { type: 'dashed' }, data: income(loaded.forecast, 'comparison'), symbolSize: 4 }]),
      ],
    };
  }, [loaded, view]);

  if (shownKind === 'actuals' || (actualsVersion === undefined && forecastVersion === undefined)) return null;
  if (failure !== null) return <section className="report-page"><p className="field-error">The budget-versus-actual page could not be read: {failure}</p></section>;
  if (loaded === null) return <section className="report-page"><p className="hint">Reading actuals and the latest forecast…</p></section>;

  const columns: { label: string; comparison: VersionComparison | null; span: PeriodSpan | undefined }[] = [
    { label: yearToDate?.label ?? 'Year to date', comparison: loaded.actuals, span: yearToDate ?? undefined },
    { label: `${fullYear?.label ?? 'Full year'}, latest estimate`, comparison: loaded.forecast, span: fullYear },
  ];
  const shown = columns.filter((column): column is { label: string; comparison: VersionComparison; span: PeriodSpan } => column.comparison !== null && column.span !== undefined);
  const summaryRows = (source: VersionComparison) => [
    ...source.rows.filter((row) => row.kind === 'group' && row.level === 0),
    ...source.totals,
  ];
  const first = shown[0]?.comparison;
  const cells = (row: CompareRow) =>
    shown.map((column) => {
      const match = [...column.comparison.rows, ...column.comparison.totals].find((candidate) => candidate.id === row.id) ?? row;
      const figures = figuresOf(column.comparison, match, column.span.periods);
      return (
        <FiguresCells key={column.label} figures={figures} />
      );
    });
  const overThresholds =
    loaded.actuals === null || yearToDate === null
      ? []
      : loaded.actuals.rows.filter((row) => row.kind === 'line' && isOverThresholds(figuresOf(loaded.actuals as VersionComparison, row, yearToDate.periods), limit.amount, limit.percent));
  return (
    <section className="report-page report-variance" data-testid="report-variance">
      <h3>
        {view.model.version.name} against {[loaded.actuals?.comparison.name, loaded.forecast === null ? null : `${loaded.forecast.comparison.name} (latest estimate)`].filter((name) => name != null).join(' and ')}
      </h3>
      {chart !== null && <EChart option={chart} height={200} label="Operating income by month: budget, actuals and the latest estimate" testId="report-variance-chart" />}
      {first !== undefined && (
        <table className="report-table">
          <thead>
            <tr>
              <th rowSpan={2}>Division or department, and totals</th>
              {shown.map((column) => (
                <th key={column.label} colSpan={4} className="numeric">
                  {column.label}
                </th>
              ))}
            </tr>
            <tr>
              {shown.flatMap((column) => [
                <th key={`${column.label}-b`} className="numeric">{column.comparison.base.name}</th>,
                <th key={`${column.label}-c`} className="numeric">{column.comparison.comparison.name}</th>,
                <th key={`${column.label}-v`} className="numeric">Variance</th>,
                <th key={`${column.label}-p`} className="numeric">Var %</th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {summaryRows(first).map((row) => (
              <tr key={row.id} className={row.kind === 'total' && row.emphasis ? 'report-total' : undefined}>
                <td>{row.kind === 'group' ? `${row.label} (contribution)` : row.label}</td>
                {cells(row)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loaded.actuals !== null && yearToDate !== null && (
        <>
          <h3>
            Lines to explain: {yearToDate.label} variance of at least {money(limit.amount)} and {limit.percent.toString()}% of the budget
          </h3>
          {overThresholds.length === 0 ? (
            <p className="hint">No line’s variance reaches both thresholds.</p>
          ) : (
            <table className="report-table">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Department</th>
                  <th className="numeric">{loaded.actuals.base.name}</th>
                  <th className="numeric">{loaded.actuals.comparison.name}</th>
                  <th className="numeric">Variance</th>
                  <th className="numeric">Var %</th>
                  <th>Explanation</th>
                </tr>
              </thead>
              <tbody>
                {overThresholds.map((row) => {
                  const figures = figuresOf(loaded.actuals as VersionComparison, row, yearToDate.periods);
                  const notes = loaded.comments.filter((comment) => comment.rowKey === row.id && comment.span === 'ytd');
                  return (
                    <tr key={row.id}>
                      <td>{row.label}</td>
                      <td>{row.department}</td>
                      <FiguresCells figures={figures} />
                      <td>{notes.length === 0 ? '—' : notes.map((note) => `${note.text} (${note.author})`).join(' ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function FiguresCells({ figures }: { figures: VarianceFigures }) {
  if (figures.error !== null) {
    return (
      <td className="numeric" colSpan={4}>
        #ERROR: {figures.error}
      </td>
    );
  }
  return (
    <>
      <td className="numeric">{money(figures.base)}</td>
      <td className="numeric">{money(figures.comparison)}</td>
      <td className="numeric">{money(figures.variance)}</td>
      <td className="numeric">
        {percent(figures)} {verdict(figures)}
      </td>
    </>
  );
}
