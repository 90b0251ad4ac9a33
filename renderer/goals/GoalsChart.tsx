import { useMemo } from 'react';
import { formatAmount, type AmountFormat } from '../../shared/money/format-amount';
import { chartColours, EChart, type ChartOption } from '../charts/EChart';
import { MEASURE_LABELS, type Figure, type GoalSummary } from './goal-summary';

/** A figure for the chart: its number for the bar's length, its exact text for the tooltip; errors draw no bar. */
const plotted = (figure: Figure | null, format: AmountFormat) =>
  figure === null || !figure.ok ? { value: null, text: figure === null ? '–' : '#ERROR' } : { value: figure.value.toNumber(), text: formatAmount(figure.value, format) };

/** Budget against actual per goal over the closed months (the full-year budget before any month closes); the untagged rest is in the table. */
export function GoalsChart({ summary, dark, format, toDateLabel, yearLabel }: { summary: GoalSummary; dark: boolean; format: AmountFormat; toDateLabel: string | null; yearLabel: string }) {
  const option = useMemo((): ChartOption => {
    const colours = chartColours(dark);
    // Goals only: the untagged rest (often most of the budget) would dwarf them; the table shows it.
    const rows = summary.goals;
    const names = rows.map((row) => row.goal?.name ?? '');
    const toDate = summary.toDate !== null;
    const series = toDate
      ? [
          { name: `Budget ${toDateLabel ?? ''}`, points: rows.map((row) => plotted(row.budgetToDate, format)), colour: colours.series[0] },
          { name: `Actual ${toDateLabel ?? ''}`, points: rows.map((row) => plotted(row.actualToDate, format)), colour: colours.series[1] },
        ]
      : [{ name: `Budget ${yearLabel}`, points: rows.map((row) => plotted(row.budgetYear, format)), colour: colours.series[0] }];
    return {
      textStyle: { color: colours.text, fontFamily: 'Inter Variable, system-ui, sans-serif' },
      legend: { top: 0, textStyle: { color: colours.text } },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        // Exact figures, as the table shows them.
        formatter: (params: unknown) => {
          const list = params as { dataIndex: number; seriesIndex: number; marker: string; seriesName: string }[];
          const index = list[0]?.dataIndex ?? 0;
          return [names[index] ?? '', ...list.map((item) => `${item.marker} ${item.seriesName}: ${series[item.seriesIndex]?.points[index]?.text ?? ''}`)].join('<br/>');
        },
      },
      xAxis: { type: 'value', axisLabel: { color: colours.muted }, splitLine: { lineStyle: { color: colours.rule } } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { color: colours.text }, axisLine: { lineStyle: { color: colours.rule } } },
      series: series.map((one) => ({ type: 'bar', name: one.name, data: one.points.map((point) => point.value), itemStyle: { color: one.colour }, barMaxWidth: 14 })),
    };
  }, [summary, dark, format, toDateLabel, yearLabel]);
  const what = summary.toDate === null ? `budget ${yearLabel}` : `budget and actual ${toDateLabel ?? ''}`;
  return (
    <figure className="goals-chart">
      <figcaption>
        {MEASURE_LABELS[summary.measure]} by goal: {what}
      </figcaption>
      <EChart option={option} height={Math.max(160, 60 + summary.goals.length * 44)} label={`${MEASURE_LABELS[summary.measure]} by goal, ${what}`} testId="goals-chart" />
    </figure>
  );
}
