import { AgGridReact } from 'ag-grid-react';
import type { GetRowIdParams, RowClassParams } from 'ag-grid-community';
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compareSpans, isOverThresholds, type CompareRow } from '../../shared/compare/compare-versions';
import { VERSION_KIND_LABELS, type SheetModel, type VersionSummary } from '../../shared/domain/workbook';
import { Decimal } from '../../shared/money/decimal';
import { parseAmount } from '../../shared/money/parse-amount';
import { formatAmount } from '../../shared/money/format-amount';
import { darkGridTheme, lightGridTheme } from '../grid/spreadsheet/grid-theme';
import { useCompareStore } from '../state/compare-store';
import { useSheetStore } from '../state/sheet-store';
import { amountFormatOf, useDisplayStore } from '../state/display-store';
import { compareColumns, figureCache, overThresholdRows } from './compare-columns';
import { CompareCharts } from './CompareCharts';
import { ExplainPanel } from './ExplainPanel';
import { compareCsv } from '../../shared/compare/compare-csv';
import { downloadText } from '../api/download';

const getRowId = (params: GetRowIdParams<CompareRow>) => params.data.id;

function rowClass(params: RowClassParams<CompareRow>): string[] {
  const row = params.data;
  if (row === undefined) return [];
  if (row.kind === 'total') return row.emphasis ? ['total-row', 'total-row-result'] : ['total-row'];
  if (row.kind === 'group') return ['group-row', `group-level-${Math.min(row.level, 2)}`];
  return [];
}

/** One side of the comparison: any version of the plan year, named with its kind. */
function VersionChoice({ label, ariaLabel, versions, value, onChange }: { label: string; ariaLabel: string; versions: readonly VersionSummary[]; value: number | null; onChange: (versionId: number) => void }) {
  return (
    <label>
      {label}
      <select aria-label={ariaLabel} value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {version.name} — {VERSION_KIND_LABELS[version.kind]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A threshold as typed: an amount (`10,000`, `10k`) or a percentage; null when it is not a number. */
function thresholdOf(text: string, currency: string): Decimal | null {
  const parsed = parseAmount(text.replace(/%$/, ''), currency);
  return parsed.ok && !new Decimal(parsed.amount).isNegative() ? new Decimal(parsed.amount) : null;
}

/**
 * Two versions side by side: base, comparison, variance and variance % for a chosen month or
 * quarter, year to date and the full year, per line, group and total. Favourable and
 * unfavourable by the account's nature, in colour and in words; thresholds pick out the
 * variances that need an explanation.
 */
export function CompareView({ model, dark }: { model: Omit<SheetModel, 'lines'>; dark: boolean }) {
  const state = useCompareStore(
    useShallow((store) => ({
      baseId: store.baseId,
      comparisonId: store.comparisonId,
      comparison: store.comparison,
      loading: store.loading,
      problem: store.problem,
      spanId: store.spanId,
      thresholdAmount: store.thresholdAmount,
      thresholdPercent: store.thresholdPercent,
      onlyOverThresholds: store.onlyOverThresholds,
      chartRowId: store.chartRowId,
      showCharts: store.showCharts,
      explainedRowId: store.explainedRowId,
      comments: store.comments,
      load: store.load,
      choose: store.choose,
    })),
  );
  const displaySettings = useDisplayStore();
  const format = useMemo(() => amountFormatOf(displaySettings), [displaySettings]);
  const { load, baseId, comparisonId } = state;
  const versions = model.versions;
  // The workbook's revision after every write (a typed edit moves it without reloading the model): a change means read again.
  const revision = useSheetStore((store) => store.revision) ?? model.workbook.revision;
  useEffect(() => {
    void load(versions, model.actualsThrough, revision);
  }, [load, versions, model.actualsThrough, baseId, comparisonId, revision]);

  const spans = useMemo(() => compareSpans(model), [model]);
  const chosen = spans.periods.find((span) => span.id === state.spanId) ?? spans.periods[0];
  const shownSpans = useMemo(() => [...(chosen === undefined ? [] : [chosen]), ...(spans.yearToDate === null ? [] : [spans.yearToDate]), ...spans.years], [chosen, spans]);
  // Against actuals the bridge covers the closed months; otherwise the (first) full year.
  const againstActuals = versions.some((version) => (version.id === state.baseId || version.id === state.comparisonId) && version.kind === 'actuals');
  const bridgeSpan = (againstActuals ? spans.yearToDate : null) ?? spans.years[0];
  const amount = thresholdOf(state.thresholdAmount, model.workbook.currency);
  const percent = thresholdOf(state.thresholdPercent, model.workbook.currency);
  const comparison = state.comparison;
  const figures = useMemo(() => (comparison === null ? null : figureCache(comparison)), [comparison]);
  const flagged = useMemo(
    () => (row: CompareRow) => figures !== null && chosen !== undefined && amount !== null && percent !== null && isOverThresholds(figures(row, chosen), amount, percent),
    [figures, chosen, amount, percent],
  );
  const commented = useMemo(() => new Set(state.comments.filter((comment) => comment.span === chosen?.id).map((comment) => comment.rowKey)), [state.comments, chosen]);
  const columns = useMemo(
    () => (comparison === null || figures === null ? [] : compareColumns(comparison, shownSpans, figures, format, flagged, (row) => commented.has(row.id))),
    [comparison, figures, shownSpans, format, flagged, commented],
  );
  const explained = comparison === null ? undefined : [...comparison.rows, ...comparison.totals].find((row) => row.id === state.explainedRowId);
  const rows = useMemo(() => {
    if (comparison === null || figures === null || chosen === undefined) return [];
    if (!state.onlyOverThresholds || amount === null || percent === null) return comparison.rows;
    return overThresholdRows(comparison.rows, figures, chosen, amount, percent);
  }, [comparison, figures, chosen, state.onlyOverThresholds, amount, percent]);

  return (
    <main className="compare-view" data-testid="compare-view">
      <div className="compare-bar">
        <VersionChoice label="Base" ariaLabel="Base version" versions={versions} value={state.baseId} onChange={(baseId) => state.choose({ baseId })} />
        <button
          type="button"
          title="Swap base and comparison"
          aria-label="Swap base and comparison"
          onClick={() => state.choose({ baseId: state.comparisonId, comparisonId: state.baseId })}
        >
          ⇄
        </button>
        <VersionChoice label="Compared with" ariaLabel="Comparison version" versions={versions} value={state.comparisonId} onChange={(comparisonId) => state.choose({ comparisonId })} />
        <label>
          Period
          <select aria-label="Period" value={chosen?.id ?? ''} onChange={(event) => state.choose({ spanId: event.target.value })}>
            {spans.periods.map((span) => (
              <option key={span.id} value={span.id}>
                {span.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Explain from
          <input
            aria-label="Threshold amount"
            className={amount === null ? 'invalid' : undefined}
            value={state.thresholdAmount}
            onChange={(event) => state.choose({ thresholdAmount: event.target.value })}
            size={9}
          />
        </label>
        <label>
          and
          <span className="with-unit">
            <input
              aria-label="Threshold percentage"
              className={percent === null ? 'invalid' : undefined}
              value={state.thresholdPercent}
              onChange={(event) => state.choose({ thresholdPercent: event.target.value })}
              size={4}
            />
            % of the base
          </span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={state.onlyOverThresholds} onChange={(event) => state.choose({ onlyOverThresholds: event.target.checked })} />
          Only lines over both thresholds
        </label>
        <button
          type="button"
          disabled={comparison === null}
          title="The comparison as CSV: every line, group and total, for the spans shown"
          onClick={() => comparison !== null && downloadText(`${comparison.base.name} vs ${comparison.comparison.name}.csv`, compareCsv(comparison, shownSpans))}
        >
          Export CSV
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={state.showCharts} onChange={(event) => state.choose({ showCharts: event.target.checked })} />
          Charts
        </label>
      </div>
      {(amount === null || percent === null) && (
        <p className="field-error compare-note" role="alert">
          {amount === null ? `“${state.thresholdAmount}” is not an amount: type one such as 10,000 or 10k.` : `“${state.thresholdPercent}” is not a percentage: type one such as 5.`}
        </p>
      )}
      {state.problem !== null ? (
        <p className="compare-empty" role="status" data-testid="compare-problem">
          {state.problem}
        </p>
      ) : comparison === null ? (
        <p className="compare-empty" role="status">
          Reading both versions…
        </p>
      ) : (
        <>
          <p className="hint compare-note">
            Variance is {comparison.comparison.name} less {comparison.base.name}. F favourable, U unfavourable: more revenue or less cost than the base. Double-click a row, or press Enter on it, to explain its variance.
            {chosen !== undefined && amount !== null && percent !== null ? ` ! marks a ${chosen.label} variance of at least ${formatAmount(amount, { ...format, scale: 0 })} and ${percent.toString()}% of the base.` : ''}
          </p>
          {state.showCharts && bridgeSpan !== undefined && <CompareCharts comparison={comparison} rowId={state.chartRowId} span={bridgeSpan} dark={dark} />}
          {rows.length === 0 ? (
            <p className="compare-empty" role="status" data-testid="compare-nothing-over">
              No line’s {chosen?.label} variance reaches both thresholds. Lower them, or clear “Only lines over both thresholds”.
            </p>
          ) : (
            <div className="sheet-area compare-area">
            {/* Busy while the versions are read again after a write: what is shown is the comparison before it. */}
            <div className="grid-host compare-grid" data-testid="compare-grid" aria-busy={state.loading}>
              <AgGridReact<CompareRow>
                theme={dark ? darkGridTheme : lightGridTheme}
                rowData={rows}
                pinnedBottomRowData={comparison.totals}
                columnDefs={columns}
                getRowId={getRowId}
                getRowClass={rowClass}
                onRowClicked={(event) => event.data !== undefined && state.choose({ chartRowId: event.data.id })}
                onRowDoubleClicked={(event) => event.data !== undefined && state.choose({ explainedRowId: event.data.id })}
                onCellKeyDown={(event) => {
                  if ((event.event as KeyboardEvent | null)?.key === 'Enter' && event.data !== undefined) state.choose({ explainedRowId: event.data.id });
                }}
                suppressMovableColumns
                animateRows={false}
                tooltipShowDelay={400}
                defaultColDef={{ sortable: false, resizable: true, suppressHeaderMenuButton: true }}
              />
            </div>
            {explained !== undefined && chosen !== undefined && <ExplainPanel comparison={comparison} row={explained} span={chosen} onClose={() => state.choose({ explainedRowId: null })} />}
            </div>
          )}
        </>
      )}
    </main>
  );
}
