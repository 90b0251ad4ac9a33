import { useEffect, useMemo, useState } from 'react';
import { chartColours, EChart, type ChartOption } from '../charts/EChart';
import { Decimal } from '../../shared/money/decimal';
import type { Objective } from '../../shared/portfolio/portfolio-model';
import { FRONTIER_GAP_TEXT } from '../../shared/portfolio/frontier-precision';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { formatMoney } from './format-metric';

interface FrontierPoint {
  scale: string;
  capitalTotal: string;
  objective: string | null;
  bound: string | null;
  proven: boolean;
}

/** How far below its bound a point may be, as the tooltip says it: "optimal" or "within 0.32%". */
function precision(point: FrontierPoint & { objective: string }): string {
  if (point.proven) return 'proven optimal';
  if (point.bound === null) return 'not certified';
  const objective = new Decimal(point.objective);
  const gap = Decimal.max(new Decimal(point.bound).minus(objective), 0).div(Decimal.max(objective.abs(), 1));
  return `within ${gap.times(100).toDecimalPlaces(2, Decimal.ROUND_UP).toString()}% of the best possible`;
}

/** The efficient frontier: the best objective the optimizer finds as every cap is scaled, with today's caps marked. */
export function FrontierDialog({ objective, dark, onClose }: { objective: Objective; dark: boolean; onClose: () => void }) {
  const [points, setPoints] = useState<FrontierPoint[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .call('proposal/frontier', { objective, points: 25, fromScale: 0.25, toScale: 2 })
      .then((result) => live && setPoints(result.points))
      .catch((error: unknown) => live && setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [objective]);
  const label = objective === 'npv' ? 'Total NPV' : 'Total weighted score';
  const option = useMemo((): ChartOption => {
    const drawn = (points ?? []).filter((point): point is FrontierPoint & { objective: string } => point.objective !== null);
    const colours = chartColours(dark);
    const value = (point: FrontierPoint & { objective: string }) => (objective === 'npv' ? formatMoney(new Decimal(point.objective)) : new Decimal(point.objective).toDecimalPlaces(2).toString());
    // Today's caps: the point at scale 1, or the nearest one.
    const today = drawn.reduce<(typeof drawn)[number] | undefined>((best, point) => (best === undefined || new Decimal(point.scale).minus(1).abs().lessThan(new Decimal(best.scale).minus(1).abs()) ? point : best), undefined);
    return {
      textStyle: { color: colours.text, fontFamily: 'Inter Variable, system-ui, sans-serif' },
      grid: { left: 86, right: 24, top: 20, bottom: 44 },
      tooltip: {
        trigger: 'item',
        formatter: (item: { dataIndex: number }) => {
          const point = drawn[item.dataIndex];
          return point === undefined ? '' : `${formatMoney(new Decimal(point.capitalTotal))} budget<br/>${label} ${value(point)} (${precision(point)})`;
        },
      },
      xAxis: {
        type: 'value',
        name: 'Total capital budget, all years',
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { color: colours.muted, formatter: (tick: number) => formatMoney(new Decimal(Math.round(tick))) },
        splitLine: { lineStyle: { color: colours.rule } },
      },
      yAxis: { type: 'value', scale: true, axisLabel: { color: colours.muted, formatter: (tick: number) => (objective === 'npv' ? formatMoney(new Decimal(Math.round(tick))) : tick.toFixed(1)) }, splitLine: { lineStyle: { color: colours.rule } } },
      series: [
        {
          type: 'line',
          color: colours.series[0],
          // Proven optima filled, the others hollow: a point's certainty is read without colour.
          data: drawn.map((point) => ({ value: [Number(point.capitalTotal), Number(point.objective)], symbol: point.proven ? 'circle' : 'emptyCircle' })),
          symbolSize: 7,
          markLine: today === undefined ? undefined : { symbol: 'none', silent: true, label: { formatter: 'today’s caps', color: colours.muted }, lineStyle: { type: 'dashed', color: colours.muted }, data: [{ xAxis: Number(today.capitalTotal) }] },
        },
      ],
    };
  }, [points, objective, dark, label]);
  return (
    <Dialog title="Efficient frontier" testId="frontier-dialog" onClose={onClose} actions={<button type="button" className="primary" onClick={onClose}>Close</button>}>
      <p className="hint">
        The best {objective === 'npv' ? 'total NPV' : 'total weighted score'} the optimizer finds when every year&rsquo;s capital cap is scaled from 25% to 200% of today&rsquo;s. Where the curve flattens, more budget buys little. Each point is within {FRONTIER_GAP_TEXT} of the best possible (filled when proven optimal); its tooltip says how close.
      </p>
      {problem !== null ? (
        <p className="field-error">{problem}</p>
      ) : points === null ? (
        <p role="status">Solving 25 portfolios…</p>
      ) : (
        <EChart option={option} height={320} label={`${label} against the total capital budget`} testId="frontier-chart" />
      )}
    </Dialog>
  );
}
