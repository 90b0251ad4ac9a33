import { useMemo, useState } from 'react';
import { compareVersions } from '../../shared/compare/compare-versions';
import { varianceBridge } from '../../shared/compare/variance-bridge';
import type { Portfolio } from '../../shared/domain/proposal';
import type { AccountType, SheetModel } from '../../shared/domain/workbook';
import { ROLE_LABELS, VERSION_ROLES, type VersionRole } from '../../shared/kpi/kpi-engine';
import { monthsOf, type MonthSpan } from '../../shared/kpi/kpi-spans';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { chartColours, EChart, type ChartClick } from '../charts/EChart';
import type { RoleVersions } from '../state/kpi-store';
import type { SheetPlace } from '../state/sheet-place';
import { bridgeOption } from '../charts/chart-parts';
import { capitalOption, departmentOption, monthlyOption, type MonthSeries } from './chart-options';
import { capitalByYear, departmentBridge, departmentScope, firstLineOf, measureByMonth, MEASURE_LABELS, MEASURES, opexByDepartment, type Measure } from './dashboard-series';

const MEASURE_TYPES: Record<Measure, AccountType> = { revenue: 'revenue', cogs: 'cogs', opex: 'opex', operating_income: 'revenue' };

/** The first line of an account type in a department pick, in the order the sheet shows its lines: where a total comes from. */
function firstLineOfType(view: SheetView, type: AccountType, scope: ReadonlySet<number> | null): number | null {
  for (const row of view.display.rows) if (row.kind === 'line' && row.account.type === type && (scope === null || scope.has(row.line.departmentId))) return row.line.id;
  return null;
}

const STEP_TYPES: Record<string, AccountType> = { revenue: 'revenue', 'cost of goods sold': 'cogs', 'operating expenses': 'opex' };

/** The first line of a department or those under it. */
function firstLineIn(view: SheetView, departmentId: number, departments: SheetModel['departments']): number | null {
  const scope = departmentScope(departments, departmentId);
  for (const row of view.display.rows) if (row.kind === 'line' && (scope === null || scope.has(row.line.departmentId))) return row.line.id;
  return null;
}

export interface DashboardChartsProps {
  model: Omit<SheetModel, 'lines'>;
  views: Partial<Record<VersionRole, SheetView>>;
  roles: RoleVersions;
  portfolio: Portfolio | null;
  span: MonthSpan;
  spanLabel: string;
  departmentId: number | null;
  dark: boolean;
  onShowInSheet(place: SheetPlace): void;
  onShowProposals(): void;
}

/**
 * The year in pictures for the department picked: revenue, COGS, operating expenses and operating
 * income by month in the chosen versions; operating expenses by department; capital committed
 * by the funded proposals against the caps; and the operating-income bridge for the period.
 * Every mark clicks through to the lines (or the proposals) behind it.
 */
export function DashboardCharts({ model, views, roles, portfolio, span, spanLabel, departmentId, dark, onShowInSheet, onShowProposals }: DashboardChartsProps) {
  const colours = useMemo(() => chartColours(dark), [dark]);
  const [by, setBy] = useState<'department' | 'type'>('department');
  const scope = useMemo(() => departmentScope(model.departments, departmentId), [model.departments, departmentId]);
  const through = model.actualsThrough;
  const monthCount = Math.min(model.periods.length, 12);
  const monthLabels = useMemo(() => model.periods.slice(0, monthCount).map((period) => period.label.replace(/ \d{4}$/, '')), [model.periods, monthCount]);
  const monthTitles = useMemo(() => model.periods.slice(0, monthCount).map((period) => period.label), [model.periods, monthCount]);
  const loaded = useMemo(() => VERSION_ROLES.flatMap((role) => (views[role] === undefined ? [] : [{ role, view: views[role] }])), [views]);
  const nameOf = (role: VersionRole) => model.versions.find((version) => version.id === roles[role])?.name ?? ROLE_LABELS[role];
  const months = useMemo(() => monthsOf(span), [span]);
  // Against actuals once every month of the period is closed; otherwise against the latest estimate.
  const compareRole: VersionRole | null = views.actual !== undefined && through !== null && span.last <= through ? 'actual' : views.forecast !== undefined ? 'forecast' : null;
  const compareView = compareRole === null ? undefined : views[compareRole];

  const monthly = useMemo(
    () =>
      MEASURES.map((measure) => {
        const series: MonthSeries[] = loaded.map(({ role, view }) => {
          if (role === 'budget') return { name: nameOf(role), style: 'bar', figures: measureByMonth(view, measure, scope, departmentId, monthCount) };
          if (role === 'actual') return { name: nameOf(role), style: 'solid', figures: measureByMonth(view, measure, scope, departmentId, monthCount, through ?? -1) };
          // The forecast from the last closed month on: before it, it holds the actuals already drawn.
          const figures = measureByMonth(view, measure, scope, departmentId, monthCount).map((figure, month) => (through !== null && month < through && views.actual !== undefined ? { value: null, error: null } : figure));
          return { name: nameOf(role), style: 'dashed', figures };
        });
        return { measure, series, option: monthlyOption(colours, monthLabels, series, monthTitles) };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- nameOf follows roles
    [loaded, views.actual, roles, scope, departmentId, monthCount, through, colours, monthLabels, monthTitles],
  );

  const departments = useMemo(
    () => loaded.filter(({ role }) => role === 'budget' || role === compareRole).map(({ role, view }) => ({ role, view, name: nameOf(role), bars: opexByDepartment(view, scope, months) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- nameOf follows roles
    [loaded, roles, scope, months, compareRole],
  );
  const departmentChart = useMemo(() => departmentOption(colours, departments, spanLabel), [colours, departments, spanLabel]);

  const capital = useMemo(() => (portfolio === null ? [] : capitalByYear(portfolio, model.calendar, scope)), [portfolio, model.calendar, scope]);
  const capitalChart = useMemo(() => capitalOption(colours, capital), [colours, capital]);

  const comparison = useMemo(() => (views.budget === undefined || compareView === undefined ? null : compareVersions(views.budget, compareView)), [views.budget, compareView]);
  const bridge = useMemo(() => {
    if (comparison === null) return null;
    if (departmentId !== null) return departmentBridge(comparison, departmentId, model.departments, months);
    return varianceBridge(comparison, months, by);
  }, [comparison, departmentId, model.departments, months, by]);
  const bridgeChart = useMemo(() => (bridge === null || compareRole === null ? null : bridgeOption(colours, bridge, nameOf('budget'), nameOf(compareRole))), [bridge, colours, compareRole]); // eslint-disable-line react-hooks/exhaustive-deps

  const show = (role: VersionRole, lineId: number | null, period: number) => {
    if (lineId !== null) onShowInSheet({ versionId: roles[role], lineId, period });
  };
  const scopeName = departmentId === null ? 'all departments' : (model.departments.find((department) => department.id === departmentId)?.name ?? '');

  return (
    <section className="dashboard-charts" aria-label="Charts">
      <figure className="dashboard-figure dashboard-figure-wide">
        <figcaption>
          Revenue, cost of goods sold, operating expenses and operating income by month, {scopeName}
          <span className="hint"> — {loaded.map(({ role }) => `${nameOf(role)} (${role === 'budget' ? 'bars' : role === 'actual' ? 'line' : 'dashed'})`).join(', ')}. Click a month to open its lines.</span>
        </figcaption>
        <div className="dashboard-monthly">
          {monthly.map(({ measure, series, option }) => (
            <div key={measure} className="dashboard-monthly-chart">
              <h3>{MEASURE_LABELS[measure]}</h3>
              <EChart
                option={option}
                height={150}
                label={`${MEASURE_LABELS[measure]} by month`}
                testId={`dashboard-${measure}-chart`}
                onClick={(click: ChartClick) => {
                  const entry = loaded[click.seriesIndex];
                  if (entry !== undefined && series[click.seriesIndex] !== undefined) show(entry.role, firstLineOfType(entry.view, MEASURE_TYPES[measure], scope), click.dataIndex);
                }}
              />
            </div>
          ))}
        </div>
      </figure>
      <figure className="dashboard-figure">
        <figcaption>Operating expenses by department, {spanLabel}</figcaption>
        {departments[0]?.bars.length ? (
          <EChart
            option={departmentChart}
            height={220}
            label="Operating expenses by department"
            testId="dashboard-departments-chart"
            onClick={(click) => {
              const entry = departments[click.seriesIndex];
              const bar = entry?.bars[click.dataIndex];
              if (entry !== undefined && bar !== undefined) show(entry.role, firstLineOf(entry.view, bar.departmentId), months[0] ?? 0);
            }}
          />
        ) : (
          <p className="dashboard-empty">No department here holds operating expenses.</p>
        )}
      </figure>
      <figure className="dashboard-figure">
        <figcaption>Capital committed by funded proposals, against the yearly caps{departmentId === null ? '' : ` (the proposals of ${scopeName}; the caps are the workbook’s)`}</figcaption>
        {capital.some((year) => !year.committed.isZero() || year.cap !== null) ? (
          <>
            {capital.every((year) => year.committed.isZero()) && (
              <p className="hint dashboard-chart-note">
                Nothing is committed yet: fund proposals in the{' '}
                <button type="button" className="dashboard-link" onClick={onShowProposals}>
                  prioritization session
                </button>
                . The marks are the caps.
              </p>
            )}
            <EChart option={capitalChart} height={220} label="Capital committed by funded proposals against the caps" testId="dashboard-capital-chart" onClick={onShowProposals} />
          </>
        ) : (
          <p className="dashboard-empty">
            No proposal is funded yet.{' '}
            <button type="button" className="dashboard-link" onClick={onShowProposals}>
              Open the proposals
            </button>
          </p>
        )}
      </figure>
      <figure className="dashboard-figure">
        <figcaption>
          Operating income, {spanLabel}: {nameOf('budget')} to {compareRole === null ? '…' : nameOf(compareRole)}
          {departmentId === null ? (
            <>
              , by{' '}
              <select aria-label="Bridge by" value={by} onChange={(event) => setBy(event.target.value as 'department' | 'type')}>
                <option value="department">department</option>
                <option value="type">account type</option>
              </select>
            </>
          ) : (
            `, ${scopeName}`
          )}
        </figcaption>
        {bridge === null || bridgeChart === null ? (
          <p className="dashboard-empty">{views.budget === undefined ? 'Pick a budget to bridge from.' : `No actuals for ${spanLabel} yet, and no forecast: pick a closed period, or a forecast.`}</p>
        ) : bridge.error !== null ? (
          <p className="field-error">{bridge.error}</p>
        ) : (
          <EChart
            option={bridgeChart}
            height={220}
            label={`Bridge of operating income from ${nameOf('budget')} to ${compareRole === null ? '' : nameOf(compareRole)}`}
            testId="dashboard-bridge-chart"
            onClick={(click) => {
              const step = bridge.steps[click.dataIndex - 1];
              if (step === undefined || compareRole === null || compareView === undefined) return;
              const view = compareView;
              const department = model.departments.find((candidate) => candidate.name === step.label);
              const type = STEP_TYPES[step.label.replace(/^.*: /, '').toLowerCase()];
              show(compareRole, department !== undefined ? firstLineIn(view, department.id, model.departments) : type === undefined ? null : firstLineOfType(view, type, scope), months[0] ?? 0);
            }}
          />
        )}
      </figure>
    </section>
  );
}
