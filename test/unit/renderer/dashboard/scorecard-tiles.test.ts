import { describe, expect, it } from 'vitest';
import { monthSpan } from '../../../../shared/kpi/kpi-spans';
import { buildScorecard } from '../../../../shared/kpi/scorecard';
import { ownedBy, tileFigures } from '../../../../renderer/dashboard/scorecard-tiles';
import { DEPARTMENTS, engineOf, kpi, type Values } from '../../shared/kpi/kpi-fixture';

const months = (...values: (string | null)[]) => values;
const BUDGET: Values = { 1: months('100000', '110000', '120000', '120000'), 3: months('40000', '44000', '48000', '48000') };
const ACTUAL: Values = { 1: months('98000', '104500', '126000'), 3: months('41000', '43000', '50500') };
const FORECAST: Values = { 1: months('98000', '104500', '126000', '130000'), 3: months('41000', '43000', '50500', '52000') };
const MARGIN = kpi(1, 'Gross margin %', '(revenue() - cogs()) / revenue()', { targets: [{ span: 'year', index: 0, value: '0.6' }], departmentId: 4 });
const CSAT = kpi(2, 'Customer satisfaction (CSAT)', null, { unit: 'score', departmentId: 3 });
const INPUTS = [
  { kpiId: 2, period: 0, value: '4.2' },
  { kpiId: 2, period: 3, value: '4.6' },
];

describe('a scorecard tile', () => {
  const engine = engineOf({ budget: BUDGET, actual: ACTUAL, forecast: FORECAST }, [MARGIN, CSAT], { inputs: INPUTS });
  const [margin, csat] = buildScorecard(engine, 12);
  if (margin === undefined || csat === undefined) throw new Error('the scorecard has a row per KPI');
  const rows = [margin, csat];

  it('judges a closed period on actuals, with the budget, actual and forecast figures beside it', () => {
    const tile = tileFigures(engine, margin, monthSpan(0, 2));
    expect(tile.judged.basis).toBe('actual');
    expect(tile.judged.status).not.toBeNull();
    for (const role of ['budget', 'actual', 'forecast'] as const) expect(tile.figures[role]?.ok).toBe(true);
  });

  it('judges a period not closed on the latest estimate, and says why it has no actual', () => {
    const tile = tileFigures(engine, margin, monthSpan(3, 3));
    expect(tile.judged.basis).toBe('forecast');
    const actual = tile.figures.actual;
    expect(actual !== null && !actual.ok && actual.reason).toContain('is not closed');
  });

  it('draws the closed months solid, the estimate after them and the target, over the plan year', () => {
    const { spark } = tileFigures(engine, margin, monthSpan(0, 2));
    expect(spark.actual).toHaveLength(12);
    expect(spark.actual.slice(0, 3).every((value) => value !== null)).toBe(true);
    expect(spark.actual[3]).toBeNull();
    expect(spark.estimate[3]).not.toBeNull();
    expect(spark.target.every((value) => value === 0.6)).toBe(true);
  });

  it('shows an input KPI on what was entered: no budget, no forecast', () => {
    const tile = tileFigures(engine, csat, monthSpan(3, 3));
    expect(tile.judged.basis).toBe('actual');
    expect(tile.judged.value.ok && tile.judged.value.value.toFixed()).toBe('4.6');
    expect(tile.figures.budget).toBeNull();
    expect(tile.figures.forecast).toBeNull();
    expect(tile.spark.actual[0]).toBe(4.2);
    expect(tile.spark.actual[3]).toBe(4.6);
  });

  it('says why when a month has no entered value, never a zero', () => {
    const tile = tileFigures(engine, csat, monthSpan(1, 1));
    expect(tile.judged.value.ok).toBe(false);
    expect(tile.judged.status).toBeNull();
  });

  it('is kept for a department that owns the KPI, or a division above it', () => {
    expect(ownedBy(rows, DEPARTMENTS, null)).toHaveLength(2);
    expect(ownedBy(rows, DEPARTMENTS, 4).map((row) => row.kpi.name)).toEqual(['Gross margin %']);
    expect(ownedBy(rows, DEPARTMENTS, 1).map((row) => row.kpi.name)).toEqual(['Customer satisfaction (CSAT)']);
    expect(ownedBy(rows, DEPARTMENTS, 2)).toEqual([]);
  });
});
