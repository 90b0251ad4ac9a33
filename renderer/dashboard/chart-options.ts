import type { ChartOption } from '../charts/EChart';
import { base, categoryAxis, compact, money, valueAxis, type Colours } from '../charts/chart-parts';
import type { CapitalYear, DepartmentBar, Figure } from './dashboard-series';

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
