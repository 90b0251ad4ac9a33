import { useEffect, useState } from 'react';
import { Decimal } from '../../shared/money/decimal';
import type { Objective } from '../../shared/portfolio/portfolio-model';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { formatMoney } from './format-metric';

interface FrontierPoint {
  scale: string;
  capitalTotal: string;
  objective: string | null;
  proven: boolean;
}

const WIDTH = 640;
const HEIGHT = 300;
const PAD = { left: 86, right: 44, top: 14, bottom: 40 };

/** The efficient frontier: the best objective the optimizer finds as every cap is scaled, with today's caps marked. */
export function FrontierDialog({ objective, onClose }: { objective: Objective; onClose: () => void }) {
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
  const drawn = (points ?? []).filter((point): point is FrontierPoint & { objective: string } => point.objective !== null);
  const xs = drawn.map((point) => Number(point.capitalTotal));
  const ys = drawn.map((point) => Number(point.objective));
  const xMax = Math.max(1, ...xs);
  const yMin = Math.min(0, ...ys);
  const yMax = Math.max(1, ...ys);
  const x = (value: number) => PAD.left + (value / xMax) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => HEIGHT - PAD.bottom - ((value - yMin) / (yMax - yMin)) * (HEIGHT - PAD.top - PAD.bottom);
  const today = drawn.find((point) => new Decimal(point.scale).equals(1)) ?? drawn.reduce<(typeof drawn)[number] | undefined>((best, point) => (best === undefined || Math.abs(Number(point.scale) - 1) < Math.abs(Number(best.scale) - 1) ? point : best), undefined);
  const label = objective === 'npv' ? 'Total NPV' : 'Total weighted score';
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <Dialog title="Efficient frontier" testId="frontier-dialog" onClose={onClose} actions={<button type="button" className="primary" onClick={onClose}>Close</button>}>
      <p className="hint">
        The best {objective === 'npv' ? 'total NPV' : 'total weighted score'} the optimizer finds when every year&rsquo;s capital cap is scaled from 25% to 200% of today&rsquo;s. Where the curve flattens, more budget buys little.
      </p>
      {problem !== null ? (
        <p className="field-error">{problem}</p>
      ) : points === null ? (
        <p role="status">Solving 25 portfolios…</p>
      ) : (
        <svg className="frontier-chart" width={WIDTH} height={HEIGHT} role="img" aria-label={`${label} against the total capital budget`}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(yMin + tick * (yMax - yMin))} y2={y(yMin + tick * (yMax - yMin))} className="chart-grid" />
              <text x={PAD.left - 8} y={y(yMin + tick * (yMax - yMin)) + 4} textAnchor="end" className="chart-label">
                {objective === 'npv' ? formatMoney(new Decimal(yMin + tick * (yMax - yMin)).toDecimalPlaces(0)) : (yMin + tick * (yMax - yMin)).toFixed(1)}
              </text>
              <text x={x(tick * xMax)} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" className="chart-label">
                {formatMoney(new Decimal(tick * xMax).toDecimalPlaces(0))}
              </text>
            </g>
          ))}
          <text x={(PAD.left + WIDTH - PAD.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="chart-axis">Total capital budget, all years</text>
          <polyline className="chart-line" fill="none" points={drawn.map((point) => `${x(Number(point.capitalTotal))},${y(Number(point.objective))}`).join(' ')} />
          {drawn.map((point) => (
            <circle key={point.scale} cx={x(Number(point.capitalTotal))} cy={y(Number(point.objective))} r={3} className={point.proven ? 'chart-point' : 'chart-point chart-point-open'}>
              <title>
                {`${formatMoney(new Decimal(point.capitalTotal))} budget: ${label} ${objective === 'npv' ? formatMoney(new Decimal(point.objective)) : new Decimal(point.objective).toDecimalPlaces(2).toString()}${point.proven ? '' : ' (not proven optimal)'}`}
              </title>
            </circle>
          ))}
          {today !== undefined && (
            <g>
              <line x1={x(Number(today.capitalTotal))} x2={x(Number(today.capitalTotal))} y1={PAD.top} y2={HEIGHT - PAD.bottom} className="chart-today" />
              <text x={x(Number(today.capitalTotal)) + 6} y={PAD.top + 12} className="chart-label">today&rsquo;s caps</text>
            </g>
          )}
        </svg>
      )}
    </Dialog>
  );
}
