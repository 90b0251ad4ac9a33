import { useMemo, useState } from 'react';
import type { PeriodSpan } from '../../shared/calendar/fiscal-calendar';
import type { VersionComparison } from '../../shared/compare/compare-versions';
import { varianceBridge } from '../../shared/compare/variance-bridge';
import { rowSpanSum } from '../../shared/sheet/span-sums';
import { bridgeOption, compact, money } from '../charts/chart-parts';
import { chartColours, EChart, type ChartOption } from '../charts/EChart';

/**
 * Pictures of the comparison: the chosen row (operating income unless a row is picked) month by
 * month in both versions, and the bridge from the base's operating income to the comparison's.
 */
export function CompareCharts({ comparison, rowId, span, dark }: { comparison: VersionComparison; rowId: string; span: PeriodSpan; dark: boolean }) {
  const [by, setBy] = useState<'department' | 'type'>('department');
  const colours = chartColours(dark);
  const row = [...comparison.rows, ...comparison.totals].find((candidate) => candidate.id === rowId) ?? comparison.totals.find((candidate) => candidate.id === 'operating-income');
  const periods = comparison.baseView.model.periods;
  const trend = useMemo((): ChartOption => {
    // Actuals stop at the last closed month: later months have no value yet, not a zero.
    const through = comparison.baseView.model.actualsThrough ?? -1;
    const series = (pick: 'base' | 'comparison') => {
      const recorded = (pick === 'base' ? comparison.base : comparison.comparison).kind === 'actuals';
      return periods.map((period) => (recorded && period.index > through ? null : rowSpanSum(pick === 'base' ? row?.base : row?.comparison, [period.index])));
    };
    const base = series('base');
    const other = series('comparison');
    const closed = comparison.comparisonView.model.actualMonths;
    return {
      textStyle: { color: colours.text, fontFamily: 'Inter Variable, system-ui, sans-serif' },
      color: colours.series,
      legend: { top: 0, textStyle: { color: colours.text } },
      grid: { left: 56, right: 16, top: 34, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const index = items[0]?.dataIndex ?? 0;
          return `${periods[index]?.label ?? ''}<br/>${comparison.base.name}: ${money(base[index] ?? null)}<br/>${comparison.comparison.name}: ${money(other[index] ?? null)}${index < closed ? ' (actual)' : ''}`;
        },
      },
      xAxis: { type: 'category', data: periods.map((period) => period.label.replace(/ \d{4}$/, '')), axisLabel: { color: colours.muted }, axisLine: { lineStyle: { color: colours.rule } } },
      yAxis: { type: 'value', axisLabel: { color: colours.muted, formatter: compact }, splitLine: { lineStyle: { color: colours.rule } } },
      series: [
        { name: comparison.base.name, type: 'bar', data: base.map((value) => value?.toNumber() ?? null), barMaxWidth: 18 },
        { name: comparison.comparison.name, type: 'line', data: other.map((value) => value?.toNumber() ?? null), symbolSize: 6 },
      ],
    };
  }, [row, periods, comparison, colours]);
  const bridge = useMemo(() => varianceBridge(comparison, span.periods, by), [comparison, span, by]);
  const waterfall = useMemo(() => bridgeOption(colours, bridge, comparison.base.name, comparison.comparison.name), [bridge, comparison, colours]);
  return (
    <div className="compare-charts">
      <figure>
        <figcaption>
          {row?.label ?? 'Operating income'} by month: {comparison.base.name} and {comparison.comparison.name}
          <span className="hint"> (click a row to chart it)</span>
        </figcaption>
        <EChart option={trend} height={210} label={`${row?.label ?? ''} by month in both versions`} testId="compare-trend-chart" />
      </figure>
      <figure>
        <figcaption>
          Operating income, {span.label}: {comparison.base.name} to {comparison.comparison.name}, by{' '}
          <select aria-label="Bridge by" value={by} onChange={(event) => setBy(event.target.value as 'department' | 'type')}>
            <option value="department">department</option>
            <option value="type">account type</option>
          </select>
        </figcaption>
        {bridge.error === null ? (
          <EChart option={waterfall} height={210} label={`Bridge of operating income from ${comparison.base.name} to ${comparison.comparison.name}`} testId="compare-bridge-chart" />
        ) : (
          <p className="field-error">{bridge.error}</p>
        )}
      </figure>
    </div>
  );
}
