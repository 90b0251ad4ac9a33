import type { Department } from '../../shared/domain/workbook';
import type { Kpi } from '../../shared/domain/kpi';
import { VERSION_ROLES, type KpiEngine, type KpiOutcome, type VersionRole } from '../../shared/kpi/kpi-engine';
import { subtreeIds } from '../../shared/kpi/kpi-series';
import { basisFor, judgeSpan, type JudgedSpan, type ScorecardRow } from '../../shared/kpi/scorecard';
import type { MonthSpan } from '../../shared/kpi/kpi-spans';

/** What one tile of the scorecard shows for the picked period. */
export interface TileFigures {
  kpi: Kpi;
  /** the value on its basis, the target, the variance and the status */
  judged: JudgedSpan;
  /** the same span in each kind of version: null where that kind does not apply (an input KPI is not planned) or is not loaded */
  figures: Record<VersionRole, KpiOutcome | null>;
  /** month by month over the plan year, as plain numbers for the sparkline (a picture, not figures anyone adds up) */
  spark: { actual: (number | null)[]; estimate: (number | null)[]; target: (number | null)[] };
}

const numberOf = (outcome: KpiOutcome | null): number | null => (outcome !== null && outcome.ok ? outcome.value.toNumber() : null);

/** The basis a KPI is judged on over a span: an input KPI on what was entered; others on actuals once closed, else the latest estimate. */
export function tileBasis(engine: KpiEngine, kpi: Kpi, span: MonthSpan): VersionRole {
  return kpi.definition === null ? 'actual' : basisFor(engine, span);
}

/**
 * A tile's figures for a KPI over the picked span, read from the engine (which keeps every
 * outcome it computed, so a second period or a redraw costs nothing) and the scorecard's months.
 */
export function tileFigures(engine: KpiEngine, row: ScorecardRow, span: MonthSpan): TileFigures {
  const kpi = row.kpi;
  const judged = judgeSpan(engine, kpi, span, tileBasis(engine, kpi, span));
  const figures = Object.fromEntries(
    VERSION_ROLES.map((role) => {
      if (kpi.definition === null) return [role, role === 'actual' ? judged.value : null];
      return [role, engine.hasRole(role) ? engine.outcome(kpi, role, span) : null];
    }),
  ) as Record<VersionRole, KpiOutcome | null>;
  const estimateRole: 'forecast' | 'budget' = engine.hasRole('forecast') ? 'forecast' : 'budget';
  return {
    kpi,
    judged,
    figures,
    spark: {
      actual: row.months.map((month) => numberOf(month.actual ?? (kpi.definition === null ? month.forecast : null))),
      estimate: kpi.definition === null ? [] : row.months.map((month) => numberOf(month[estimateRole])),
      target: row.months.map((month) => (month.target === null ? null : month.target.toNumber())),
    },
  };
}

/** The scorecard's rows a department pick keeps: the KPIs it (or a department under it) owns; all of them for the whole workbook. */
export function ownedBy(rows: readonly ScorecardRow[], departments: readonly Department[], departmentId: number | null): ScorecardRow[] {
  if (departmentId === null) return rows.slice();
  const scope = subtreeIds(departments, [departmentId]);
  return rows.filter((row) => row.kpi.departmentId !== null && scope.has(row.kpi.departmentId));
}
