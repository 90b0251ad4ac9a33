import { memo } from 'react';
import { KPI_STATUS_LABELS, type KpiStatus } from '../../shared/kpi/kpi-status';
import type { KpiOutcome, VersionRole } from '../../shared/kpi/kpi-engine';
import type { AmountFormat } from '../../shared/money/format-amount';
import { formatKpi, isFavourable, kpiText, shortKpiText, sparkline, STATUS_SHAPES } from './dashboard-figures';
import type { TileFigures } from './scorecard-tiles';

const BASIS_WORDS: Record<VersionRole, string> = { budget: 'on the budget', actual: 'actual', forecast: 'latest estimate' };
const ROLE_LETTERS: [VersionRole, string, string][] = [
  ['budget', 'B', 'Budget'],
  ['actual', 'A', 'Actual'],
  ['forecast', 'F', 'Latest estimate (forecast)'],
];

/** A status as a shape and a word (never colour alone); a KPI without a target or a value says which. */
export function StatusBadge({ status, missing }: { status: KpiStatus | null; missing: string }) {
  if (status === null) {
    return (
      <span className="kpi-status kpi-status-none">
        <span className="status-shape" aria-hidden="true">○</span>
        {missing}
      </span>
    );
  }
  return (
    <span className={`kpi-status kpi-status-${status}`}>
      <span className="status-shape" role="img" aria-label={`Status: ${KPI_STATUS_LABELS[status]}`}>{STATUS_SHAPES[status]}</span>
      <span aria-hidden="true">{KPI_STATUS_LABELS[status]}</span>
    </span>
  );
}

function Sparkline({ spark, span }: { spark: TileFigures['spark']; span: { first: number; last: number } }) {
  const width = 220;
  const height = 34;
  const paths = sparkline(spark, width, height);
  const count = Math.max(spark.actual.length, spark.target.length, 1);
  const step = (width - 6) / Math.max(1, count - 1);
  const from = 3 + span.first * step - step / 2;
  const to = 3 + span.last * step + step / 2;
  return (
    <svg className="kpi-spark" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
      <rect className="kpi-spark-span" x={Math.max(0, from)} y={0} width={Math.min(width, to) - Math.max(0, from)} height={height} />
      {paths.target !== '' && <path className="kpi-spark-target" d={paths.target} vectorEffect="non-scaling-stroke" />}
      {paths.estimate !== '' && <path className="kpi-spark-estimate" d={paths.estimate} vectorEffect="non-scaling-stroke" />}
      {paths.actual !== '' && <path className="kpi-spark-actual" d={paths.actual} vectorEffect="non-scaling-stroke" />}
      {paths.lastPoint !== null && <circle className="kpi-spark-dot" cx={paths.lastPoint.x} cy={paths.lastPoint.y} r={2.2} />}
    </svg>
  );
}

function roleFigure(outcome: KpiOutcome | null, tile: TileFigures, format: AmountFormat): { text: string; title: string } {
  if (outcome === null) return { text: '–', title: tile.kpi.definition === null ? 'Entered each month: not planned' : 'No such version is picked' };
  if (!outcome.ok) return { text: '–', title: outcome.reason };
  return { text: shortKpiText(outcome.value, tile.kpi.unit, format), title: kpiText(outcome.value, tile.kpi.unit, { format }) };
}

/**
 * One KPI of the scorecard: its value for the picked period on its basis, the target and the
 * variance, the status in a word and a shape, a sparkline of the year (actual months solid, the
 * latest estimate dotted, the target dashed), and the budget, actual and forecast figures.
 * A KPI that cannot be computed shows why.
 */
export const ScorecardTile = memo(function ScorecardTile({ tile, selected, format, onSelect }: { tile: TileFigures; selected: boolean; format: AmountFormat; onSelect: (kpiId: number) => void }) {
  const { kpi, judged } = tile;
  const value = judged.value.ok ? formatKpi(judged.value.value, kpi.unit, { format }) : null;
  const favourable = judged.variance === null ? null : isFavourable(kpi.direction, judged.variance);
  const missing = !judged.value.ok ? 'No value' : 'No target';
  return (
    <div
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      className={`kpi-tile${selected ? ' selected' : ''}${judged.status === null ? '' : ` kpi-tile-${judged.status}`}`}
      data-testid="kpi-tile"
      data-kpi={kpi.name}
      onClick={() => onSelect(kpi.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(kpi.id);
        }
      }}
    >
      <div className="kpi-tile-head">
        <span className="kpi-name" title={kpi.description || kpi.name}>{kpi.name}</span>
        <StatusBadge status={judged.status} missing={missing} />
      </div>
      {value === null ? (
        <p className="kpi-reason" data-testid="kpi-reason">{judged.value.ok ? '' : judged.value.reason}</p>
      ) : (
        <>
          <div className="kpi-value" data-testid="kpi-value">
            {value.text}
            {value.suffix !== '' && <span className="kpi-unit">{value.suffix}</span>}
            <span className="kpi-basis">{BASIS_WORDS[judged.basis]}</span>
          </div>
          <div className="kpi-target">
            {judged.target === null ? (
              <span className="muted">No target for {judged.label}</span>
            ) : (
              <>
                Target {kpiText(judged.target, kpi.unit, { format })}
                {judged.variance !== null && (
                  <span className={favourable === null ? 'kpi-variance' : favourable ? 'kpi-variance variance-favourable' : 'kpi-variance variance-unfavourable'}>
                    {kpiText(judged.variance, kpi.unit, { signed: true, format })}
                  </span>
                )}
              </>
            )}
          </div>
        </>
      )}
      <Sparkline spark={tile.spark} span={judged.span} />
      <dl className="kpi-baf">
        {ROLE_LETTERS.map(([role, letter, label]) => {
          const figure = roleFigure(tile.figures[role], tile, format);
          return (
            <div key={role} title={figure.title === '' ? label : `${label}: ${figure.title}`}>
              <dt aria-label={label}>{letter}</dt>
              <dd>{figure.text}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
});
