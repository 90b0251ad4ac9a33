import type { VarianceBridge } from '../../shared/compare/variance-bridge';
import type { Decimal } from '../../shared/money/decimal';
import { formatAmount } from '../../shared/money/format-amount';
import type { ChartOption, chartColours } from '../charts/EChart';
import type { CapitalYear, DepartmentBar, Figure } from './dashboard-series';

type Colours = ReturnType<typeof chartColours>;

/** Whole currency units with separators, for tooltips: exact figures, never a float artefact. */
export const money = (value: Decimal | null) => (value === null ? '–' : formatAmount(value, { negatives: 'minus', zero: 'digits', scale: 0 }));
/** A short axis label: 1.2M, 350k. Axis ticks are positions, not amounts anyone adds up. */
export const compact = (value: number) => (Math.abs(value) >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : Math.abs(value) >= 1e3 ? `${Math.round(value / 1e3)}k` : String(value));
const FONT = 'Inter Variable, system-ui, sans-serif';

const base = (colours: Colours) => ({ textStyle: { color: colours.text, fontFamily: FONT }, color: colours.series });
const valueAxis = (colours: Colours) => ({ type: 'value', axisLabel: { color: colours.muted, formatter: compact }, splitLine: { lineStyle: { color: colours.rule } } });
const categoryAxis = (colours: Colours, labels: string[], extra: object = {}) => ({ type: 'category', data: labels, axisLabel: { color: colours.muted, ...extra }, axisLine: { lineStyle: { color: colours.rule } } });
const figureText = (figure: Figure | undefined) => (figure === undefined ? '–' : figure.error !== null ? `error: ${figure.error}` : money(figure.value));

/** One series of a chart by month: a version's figures, drawn as bars (the plan) or a line (actual solid, estimate dashed). */
export interface MonthSeries {
  name: string;
  style: 'bar' | 'solid' | 'dashed';
  figures: Figure[];
}

/** A measure month by month in the chosen versions; the tooltip gives every version's exact figure (or the error). */
export function monthlyOption(colours: Colours, months: string[], series: MonthSeries[], monthTitles: string[]): ChartOption {
  return {
    ...base(colours),
    grid: { left: 48, right: 10, top: 10, bottom: 22 },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const index = items[0]?.dataIndex ?? 0;
        return [monthTitles[index] ?? '', ...series.map((entry) => `${entry.name}: ${figureText(entry.figures[index])}`)].join('<br/>');
      },
    },
    xAxis: categoryAxis(colours, months, { fontSize: 10 }),
    yAxis: { ...valueAxis(colours), axisLabel: { color: colours.muted, formatter: compact, fontSize: 10 } },
    series: series.map((entry, index) => {
      const data = entry.figures.map((figure) => figure.value?.toNumber() ?? null);
      if (entry.style === 'bar') return { name: entry.name, type: 'bar', data, barMaxWidth: 14, itemStyle: { color: colours.series[index] } };
      return {
        name: entry.name,
        type: 'line',
        data,
        symbolSize: 5,
        connectNulls: false,
        itemStyle: { color: colours.series[index] },
        lineStyle: { width: 2, type: entry.style === 'dashed' ? 'dashed' : 'solid', color: colours.series[index] },
      };
    }),
  };
}

/** Operating expenses by department for the period: a bar per department in each version; clicking one opens its lines. */
export function departmentOption(colours: Colours, series: { name: string; bars: DepartmentBar[] }[], spanLabel: string): ChartOption {
  const labels = series[0]?.bars.map((bar) => bar.label) ?? [];
  return {
    ...base(colours),
    legend: { top: 0, textStyle: { color: colours.text } },
    grid: { left: 56, right: 12, top: 30, bottom: 26 },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const index = items[0]?.dataIndex ?? 0;
        return [`${labels[index] ?? ''}, ${spanLabel}`, ...series.map((entry) => `${entry.name}: ${figureText(entry.bars[index]?.figure)}`), '<i>Click to open its lines</i>'].join('<br/>');
      },
    },
    xAxis: categoryAxis(colours, labels, { interval: 0 }),
    yAxis: valueAxis(colours),
    series: series.map((entry, index) => ({ name: entry.name, type: 'bar', barMaxWidth: 28, data: entry.bars.map((bar) => bar.figure.value?.toNumber() ?? null), itemStyle: { color: colours.series[index] }, cursor: 'pointer' })),
  };
}

/** Capital committed by the funded proposals per year, against the cap (a bar over the cap is drawn in the unfavourable colour). */
export function capitalOption(colours: Colours, years: CapitalYear[]): ChartOption {
  return {
    ...base(colours),
    legend: { top: 0, textStyle: { color: colours.text }, data: ['Committed', 'Cap'] },
    grid: { left: 56, right: 12, top: 30, bottom: 26 },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const year = years[items[0]?.dataIndex ?? 0];
        if (year === undefined) return '';
        const room = year.cap === null ? 'no cap' : year.committed.greaterThan(year.cap) ? `over the cap by ${money(year.committed.minus(year.cap))}` : `${money(year.cap.minus(year.committed))} left under the cap`;
        const lines = year.proposals.slice(0, 8).map((entry) => `· ${entry.title}: ${money(entry.amount)}`);
        if (year.proposals.length > 8) lines.push(`· and ${year.proposals.length - 8} more`);
        return [`${year.label}: ${money(year.committed)} committed, cap ${year.cap === null ? '–' : money(year.cap)} (${room})`, ...lines, '<i>Click to open the proposals</i>'].join('<br/>');
      },
    },
    xAxis: categoryAxis(colours, years.map((year) => year.label)),
    yAxis: valueAxis(colours),
    series: [
      {
        name: 'Committed',
        type: 'bar',
        barMaxWidth: 36,
        cursor: 'pointer',
        itemStyle: { color: colours.series[0] },
        data: years.map((year) => ({ value: year.committed.toNumber(), itemStyle: { color: year.cap !== null && year.committed.greaterThan(year.cap) ? colours.unfavourable : colours.series[0] } })),
      },
      {
        name: 'Cap',
        type: 'line',
        data: years.map((year) => year.cap?.toNumber() ?? null),
        symbol: 'rect',
        symbolSize: [44, 3],
        itemStyle: { color: colours.text },
        lineStyle: { opacity: 0 },
        cursor: 'pointer',
      },
    ],
  };
}

/** The bridge from the base's operating income to the comparison's: start, a step per department or type, end. */
export function bridgeOption(colours: Colours, bridge: VarianceBridge, startLabel: string, endLabel: string): ChartOption {
  const labels = [startLabel, ...bridge.steps.map((step) => step.label), endLabel];
  const exact = [bridge.start, ...bridge.steps.map((step) => step.change), bridge.end];
  const invisible: number[] = [0];
  const visible: { value: number; itemStyle: { color: string } }[] = [{ value: bridge.start.toNumber(), itemStyle: { color: colours.series[0] ?? '#2f6fde' } }];
  let running = bridge.start.toNumber();
  for (const step of bridge.steps) {
    const change = step.change.toNumber();
    invisible.push(change >= 0 ? running : running + change);
    visible.push({ value: Math.abs(change), itemStyle: { color: change >= 0 ? colours.favourable : colours.unfavourable } });
    running += change;
  }
  invisible.push(0);
  visible.push({ value: bridge.end.toNumber(), itemStyle: { color: colours.series[1] ?? '#c77700' } });
  return {
    ...base(colours),
    grid: { left: 56, right: 12, top: 14, bottom: 44 },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const index = items[0]?.dataIndex ?? 0;
        const value = exact[index] ?? null;
        const isStep = index > 0 && index < labels.length - 1;
        const sign = value !== null && !value.isNegative() ? '+' : '';
        return `${labels[index] ?? ''}<br/>${isStep ? `${sign}${money(value)} (${value !== null && !value.isNegative() ? 'favourable' : 'unfavourable'})` : money(value)}`;
      },
    },
    xAxis: categoryAxis(colours, labels, { interval: 0, width: 92, overflow: 'break', lineHeight: 13, fontSize: 11 }),
    yAxis: valueAxis(colours),
    series: [
      // Stacked whatever the sign: a department's operating income is often below zero, and each step floats from its base there.
      { type: 'bar', stack: 'bridge', stackStrategy: 'all', data: invisible, itemStyle: { color: 'rgba(0,0,0,0)' }, emphasis: { disabled: true }, blur: { itemStyle: { opacity: 0 } }, silent: true },
      { type: 'bar', stack: 'bridge', stackStrategy: 'all', data: visible, barMaxWidth: 40, emphasis: { disabled: true }, blur: { itemStyle: { opacity: 1 } }, cursor: 'pointer' },
    ],
  };
}
