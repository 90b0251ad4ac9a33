import type { VarianceBridge } from '../../shared/compare/variance-bridge';
import type { Decimal } from '../../shared/money/decimal';
import { formatAmount } from '../../shared/money/format-amount';
import type { ChartOption, chartColours } from './EChart';

/** What the views' charts are built from: the theme's colours, exact tooltips, axes, and the operating-income bridge. */
export type Colours = ReturnType<typeof chartColours>;

/** Whole currency units with separators, for tooltips: exact figures, never a float artefact. */
export const money = (value: Decimal | null) => (value === null ? '–' : formatAmount(value, { negatives: 'minus', zero: 'digits', scale: 0 }));
/** A short axis label: 1.2M, 350k. Axis ticks are positions, not amounts anyone adds up. */
export const compact = (value: number) => (Math.abs(value) >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : Math.abs(value) >= 1e3 ? `${Math.round(value / 1e3)}k` : String(value));
export const FONT = 'Inter Variable, system-ui, sans-serif';

export const base = (colours: Colours) => ({ textStyle: { color: colours.text, fontFamily: FONT }, color: colours.series });
export const valueAxis = (colours: Colours) => ({ type: 'value', axisLabel: { color: colours.muted, formatter: compact }, splitLine: { lineStyle: { color: colours.rule } } });
export const categoryAxis = (colours: Colours, labels: string[], extra: object = {}) => ({ type: 'category', data: labels, axisLabel: { color: colours.muted, ...extra }, axisLine: { lineStyle: { color: colours.rule } } });

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
