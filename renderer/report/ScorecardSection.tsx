import { useEffect } from 'react';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { formatKpiValue, formatKpiVariance } from '../../shared/kpi/kpi-format';
import { KPI_STATUS_LABELS } from '../../shared/kpi/kpi-status';
import { KPI_STATUS_SHAPES } from '../../shared/kpi/kpi-status-mark';
import { ROLE_LABELS } from '../../shared/kpi/kpi-engine';
import type { JudgedSpan, ScorecardRow } from '../../shared/kpi/scorecard';
import { useKpiStore } from '../state/kpi-store';

function JudgedCells({ row, judged }: { row: ScorecardRow; judged: JudgedSpan | null }) {
  if (judged === null) return <td colSpan={4} className="hint">no month closed yet</td>;
  if (!judged.value.ok) {
    return (
      <td colSpan={4} className="report-kpi-error">
        not computed: {judged.value.reason}
      </td>
    );
  }
  const { unit } = row.kpi;
  return (
    <>
      <td className="numeric">{formatKpiValue(judged.value.value, unit)}</td>
      <td className="numeric">{judged.target === null ? 'no target' : formatKpiValue(judged.target, unit)}</td>
      <td className="numeric">{judged.variance === null ? '' : formatKpiVariance(judged.variance, unit)}</td>
      <td className={`report-kpi-status status-${judged.status ?? 'none'}`}>{judged.status === null ? '' : `${KPI_STATUS_SHAPES[judged.status]} ${KPI_STATUS_LABELS[judged.status]}`}</td>
    </>
  );
}

/**
 * The report's scorecard page for the monthly review: every KPI year to date on actuals and for
 * the full year on the latest estimate, against its target, with its status in words and shape.
 */
export function ScorecardSection({ view }: { view: SheetView }) {
  const { load, scorecard, problem, book } = useKpiStore();
  useEffect(() => {
    void load(view.model, view.model.workbook.revision);
  }, [load, view]);
  if (problem !== null) {
    return (
      <section className="report-page report-scorecard" data-testid="report-scorecard">
        <h3>Scorecard</h3>
        <p className="field-error">The scorecard could not be read: {problem}</p>
      </section>
    );
  }
  if (book === null || scorecard.length === 0) return null;
  const departments = new Map(view.model.departments.map((department) => [department.id, department.name]));
  const goals = new Map(book.goals.map((goal) => [goal.id, goal.name]));
  const first = scorecard[0];
  return (
    <section className="report-page report-scorecard" data-testid="report-scorecard">
      <h3>Scorecard: {scorecard.length} KPIs against their targets</h3>
      <table className="report-table">
        <thead>
          <tr>
            <th rowSpan={2}>KPI</th>
            <th rowSpan={2}>Owner · goal</th>
            <th colSpan={4} className="numeric">
              Year to date{first?.yearToDate === null || first === undefined ? '' : `, ${first.yearToDate.label} (actual)`}
            </th>
            <th colSpan={4} className="numeric">
              Full year{first === undefined ? '' : ` (${ROLE_LABELS[first.fullYear.basis].toLowerCase()})`}
            </th>
          </tr>
          <tr>
            {['ytd', 'year'].flatMap((part) => [
              <th key={`${part}-v`} className="numeric">Value</th>,
              <th key={`${part}-t`} className="numeric">Target</th>,
              <th key={`${part}-d`} className="numeric">Variance</th>,
              <th key={`${part}-s`}>Status</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {scorecard.map((row) => (
            <tr key={row.kpi.id}>
              <td>{row.kpi.name}</td>
              <td>{[row.kpi.departmentId === null ? null : departments.get(row.kpi.departmentId), row.kpi.goalId === null ? null : goals.get(row.kpi.goalId)].filter((part) => part != null).join(' · ')}</td>
              <JudgedCells row={row} judged={row.yearToDate} />
              <JudgedCells row={row} judged={row.fullYear} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">● on track · ▲ at risk · ■ off track, by each KPI’s thresholds in its own direction. Values are exact; shown rounded.</p>
    </section>
  );
}
