import { useEffect, useMemo, useState } from 'react';
import { canonicalContent } from '../../shared/export/approval-stamp';
import { budgetTable, EXPORT_SECTIONS, SECTION_TITLES, type BudgetTable, type ExportLine } from '../../shared/export/budget-table';
import { VERSION_STATUS_LABELS } from '../../shared/domain/approval';
import { TOTALLED_TYPES, type TotalledType } from '../../shared/engine/sheet-totals';
import { Decimal } from '../../shared/money/decimal';
import { ExactSum } from '../../shared/money/exact-sum';
import { formatAmount } from '../../shared/money/format-amount';
import { api } from '../api/client';
import { showError, useNoticeStore } from '../state/notice-store';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { chartColours, EChart, type ChartOption } from '../charts/EChart';
import { VarianceSection } from './VarianceSection';
import { ScorecardSection } from './ScorecardSection';

const money = (value: Decimal | string | null | undefined) => (value === null || value === undefined ? '' : formatAmount(value, { negatives: 'parentheses', zero: 'dash', scale: 0 }));
const cellValue = (line: ExportLine, value: string | null | undefined) => {
  if (value === null || value === undefined) return '';
  if (line.unit === 'percent') return `${new Decimal(value).times(100).toDecimalPlaces(2).toString()}%`;
  if (line.unit === 'number') return new Decimal(value).toDecimalPlaces(2).toString();
  return money(value);
};

/** Exact sums of the lines' values over some months, by a key of each line. */
function sumsBy(lines: readonly ExportLine[], key: (line: ExportLine) => string, periods: readonly number[]): Map<string, Decimal> {
  const sums = new Map<string, ExactSum>();
  for (const line of lines) {
    const sum = sums.get(key(line)) ?? new ExactSum();
    for (const period of periods) sum.add(line.values[period]);
    sums.set(key(line), sum);
  }
  return new Map([...sums].map(([name, sum]) => [name, sum.value()]));
}

/** SHA-256 of the canonical content, as the exports' stamp: WebCrypto in the page. */
async function stampHash(table: BudgetTable): Promise<string | null> {
  if (table.approval === null || table.version.status !== 'approved') return null;
  const meta = { workbook: table.workbookName, version: table.version.name, approvedBy: table.approval.actor, approvedAt: table.approval.at };
  const text = canonicalContent(meta, table.periods.map((period) => period.label), table.lines);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Operating income by month as bars, drawn by ECharts into SVG (crisp when printed), with an axis and values. */
function IncomeChart({ table }: { table: BudgetTable }) {
  const option = useMemo((): ChartOption => {
    const colours = chartColours(false);
    const values = table.totals.operatingIncome.periods;
    return {
      textStyle: { color: '#1b2430', fontFamily: 'Inter Variable, system-ui, sans-serif', fontSize: 10 },
      grid: { left: 56, right: 12, top: 16, bottom: 24 },
      xAxis: { type: 'category', data: table.periods.map((period) => period.label.replace(' 20', " '")) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => (Math.abs(value) >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : `${Math.round(value / 1e3)}k`) } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          data: values.map((value) => ({ value: value.toNumber(), itemStyle: { color: value.isNegative() ? colours.unfavourable : colours.series[0] } })),
          // The exact figure above each bar, in whole units: a printed page has no tooltip.
          label: { show: values.length <= 12, position: 'top', fontSize: 8, formatter: (params: { dataIndex: number }) => money(values[params.dataIndex] ?? null) },
        },
      ],
    };
  }, [table]);
  return <EChart option={option} height={190} label="Operating income by month" testId="report-income-chart" />;
}

/**
 * The printed report of the version: a cover with its approval, summaries by department and by
 * account type, a chart of operating income, then the sheet year by year with its header repeated
 * on every page. Printed by Chromium itself: Electron's printToPDF, or the browser's Print.
 */
export function BudgetReport({ view, onClose }: { view: SheetView; onClose: () => void }) {
  // A version with a line in error has totals that cannot be printed: say which line and why instead.
  const table = useMemo(() => {
    try {
      return budgetTable({ ...view.model, lines: view.rows.map((row) => row.line) });
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }, [view]);
  if (table instanceof Error) {
    return (
      <div className="report-view" role="dialog" aria-modal="true" aria-label="Report" data-testid="budget-report">
        <div className="report-toolbar no-print">
          <strong>Report: {view.model.version.name}</strong>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="field-error report-refusal" role="alert">
          The report is not printed: {table.message}
        </p>
      </div>
    );
  }
  return <PrintedReport table={table} view={view} onClose={onClose} />;
}

function PrintedReport({ table, view, onClose }: { table: BudgetTable; view: SheetView; onClose: () => void }) {
  const [hash, setHash] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void stampHash(table).then(setHash);
  }, [table]);
  const allPeriods = table.periods.map((period) => period.index);
  const byDepartment = TOTALLED_TYPES.map((type) => sumsBy(table.lines.filter((line) => line.type === type), (line) => line.department, allPeriods));
  const departments = [...new Set(table.lines.map((line) => line.department))].sort();
  const quarters = table.layout.flatMap((year) => year.quarters);
  const printedAt = new Date();

  const savePdf = async () => {
    if (api.transport === 'browser') {
      // The browser's own print: “Save as PDF” in its dialog.
      window.print();
      return;
    }
    setSaving(true);
    try {
      const answer = await api.call('export/pdf', { fileName: `${table.workbookName} - ${table.version.name}.pdf` });
      useNoticeStore.getState().show({ tone: 'info', message: `Saved the report as ${answer.path}.` });
    } catch (error) {
      showError(error, 'Report');
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="report-view" role="dialog" aria-modal="true" aria-label="Report" data-testid="budget-report">
      <div className="report-toolbar no-print">
        <strong>Report: {table.version.name}</strong>
        <span className="hint">A4 landscape; the sheet’s header repeats on every page.</span>
        <button type="button" className="primary" onClick={() => void savePdf()} disabled={saving}>
          {api.transport === 'browser' ? 'Print or save as PDF…' : saving ? 'Saving…' : 'Save as PDF…'}
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <article className="report">
        <section className="report-cover">
          <p className="report-kicker">Budget report</p>
          <h1>{table.workbookName}</h1>
          <h2>{table.version.name}</h2>
          <dl>
            <dt>Status</dt>
            <dd data-testid="report-status">{VERSION_STATUS_LABELS[table.version.status]}</dd>
            <dt>Approved</dt>
            <dd>{table.approval === null ? 'not yet' : `by ${table.approval.actor} on ${new Date(table.approval.at).toLocaleString()}`}</dd>
            <dt>Months</dt>
            <dd>
              {table.periods[0]?.label} to {table.periods[table.periods.length - 1]?.label} · {table.lines.length} lines · {table.currency}
            </dd>
            <dt>Printed</dt>
            <dd>{printedAt.toLocaleString()}</dd>
            {hash !== null && (
              <>
                <dt>Approval stamp</dt>
                <dd className="report-hash">SHA-256 {hash}</dd>
              </>
            )}
          </dl>
          <h3>Operating income by month</h3>
          <IncomeChart table={table} />
        </section>

        <VarianceSection view={view} />

        <ScorecardSection view={view} />

        <section className="report-page">
          <h3>Summary by department (all months)</h3>
          <table className="report-table">
            <thead>
              <tr>
                <th>Department</th>
                {TOTALLED_TYPES.map((type) => (
                  <th key={type} className="numeric">
                    {SECTION_TITLES[type]}
                  </th>
                ))}
                <th className="numeric">Operating income</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((department) => {
                const part = (index: number) => byDepartment[index]?.get(department) ?? new Decimal(0);
                return (
                  <tr key={department}>
                    <td>{department}</td>
                    {TOTALLED_TYPES.map((type, index) => (
                      <td key={type} className="numeric">
                        {money(part(index))}
                      </td>
                    ))}
                    <td className="numeric">{money(part(0).minus(part(1)).minus(part(2)))}</td>
                  </tr>
                );
              })}
              <tr className="report-total">
                <td>Total</td>
                {TOTALLED_TYPES.map((type) => (
                  <td key={type} className="numeric">
                    {money(table.totals.byType[type].year)}
                  </td>
                ))}
                <td className="numeric">{money(table.totals.operatingIncome.year)}</td>
              </tr>
            </tbody>
          </table>

          <h3>Summary by account type and quarter</h3>
          <table className="report-table">
            <thead>
              <tr>
                <th>Account type</th>
                {quarters.map((quarter) => (
                  <th key={quarter.id} className="numeric">
                    {quarter.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...TOTALLED_TYPES, 'income' as const].map((type) => {
                const row = type === 'income' ? table.totals.operatingIncome : table.totals.byType[type as TotalledType];
                return (
                  <tr key={type} className={type === 'income' ? 'report-total' : undefined}>
                    <td>{type === 'income' ? 'Operating income' : SECTION_TITLES[type]}</td>
                    {quarters.map((quarter) => (
                      <td key={quarter.id} className="numeric">
                        {money(quarter.periods.reduce((sum, period) => sum.plus(row.periods[period] ?? 0), new Decimal(0)))}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        {table.layout.map((year) => (
          <section key={year.year.id} className="report-page">
            <h3>The budget, {year.year.label.replace(' total', '')}</h3>
            <table className="report-table report-sheet">
              <thead>
                <tr>
                  <th>Department</th>
                  <th>Account</th>
                  <th>Line</th>
                  {year.year.periods.map((period) => (
                    <th key={period} className="numeric">
                      {table.periods[period]?.label.slice(0, 3)}
                    </th>
                  ))}
                  <th className="numeric">Total</th>
                </tr>
              </thead>
              <tbody>
                {EXPORT_SECTIONS.flatMap((section) => {
                  const lines = table.lines.filter((line) => line.type === section);
                  if (lines.length === 0) return [];
                  const totals = section === 'driver' ? null : table.totals.byType[section];
                  return [
                    <tr key={`${section}-title`} className="report-section">
                      <td colSpan={year.year.periods.length + 4}>{SECTION_TITLES[section]}</td>
                    </tr>,
                    ...lines.map((line) => (
                      <tr key={line.id}>
                        <td>{line.department}</td>
                        <td>{line.accountCode}</td>
                        <td>{line.description}</td>
                        {year.year.periods.map((period) => (
                          <td key={period} className="numeric">
                            {cellValue(line, line.values[period])}
                          </td>
                        ))}
                        <td className="numeric">{line.unit === 'currency' ? money(year.year.periods.reduce((sum, period) => sum.plus(line.values[period] ?? 0), new Decimal(0))) : ''}</td>
                      </tr>
                    )),
                    ...(totals === null
                      ? []
                      : [
                          <tr key={`${section}-total`} className="report-total">
                            <td colSpan={3}>Total {SECTION_TITLES[section].toLowerCase()}</td>
                            {year.year.periods.map((period) => (
                              <td key={period} className="numeric">
                                {money(totals.periods[period])}
                              </td>
                            ))}
                            <td className="numeric">{money(year.year.periods.reduce((sum, period) => sum.plus(totals.periods[period] ?? 0), new Decimal(0)))}</td>
                          </tr>,
                        ]),
                  ];
                })}
              </tbody>
            </table>
          </section>
        ))}
      </article>
    </div>
  );
}
