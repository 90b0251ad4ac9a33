import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../../shared/money/decimal';
import { judge, targetFor, thresholdsProblem } from '../../../../shared/kpi/kpi-status';
import { monthSpan } from '../../../../shared/kpi/kpi-spans';
import type { KpiThresholds } from '../../../../shared/domain/kpi';

const d = (text: string) => new Decimal(text);
const percent = (within: string, beyond: string): KpiThresholds => ({ kind: 'percent', onTrackWithin: within, offTrackBeyond: beyond });
const amount = (within: string, beyond: string): KpiThresholds => ({ kind: 'amount', onTrackWithin: within, offTrackBeyond: beyond });

describe('a KPI’s status against its target, at the thresholds’ boundaries', () => {
  const higher = { direction: 'higher' as const, thresholds: percent('5', '10') };
  const lower = { direction: 'lower' as const, thresholds: amount('2', '5') };

  it('higher is better: on track down to 5% short (inclusive), at risk down to 10% short (inclusive), off track below', () => {
    expect(judge(higher, d('120'), d('100'))).toBe('on-track');
    expect(judge(higher, d('95'), d('100'))).toBe('on-track');
    expect(judge(higher, d('94.99'), d('100'))).toBe('at-risk');
    expect(judge(higher, d('90'), d('100'))).toBe('at-risk');
    expect(judge(higher, d('89.99'), d('100'))).toBe('off-track');
  });

  it('lower is better: over the target by up to 2 is on track, up to 5 at risk, more off track', () => {
    expect(judge(lower, d('30'), d('40'))).toBe('on-track');
    expect(judge(lower, d('42'), d('40'))).toBe('on-track');
    expect(judge(lower, d('42.01'), d('40'))).toBe('at-risk');
    expect(judge(lower, d('45'), d('40'))).toBe('at-risk');
    expect(judge(lower, d('45.000001'), d('40'))).toBe('off-track');
  });

  it('a percentage of a negative target is of its size', () => {
    expect(judge(higher, d('-104'), d('-100'))).toBe('on-track');
    expect(judge(higher, d('-106'), d('-100'))).toBe('at-risk');
  });

  it('thresholds that overlap or contradict the direction are refused, naming the KPI', () => {
    expect(thresholdsProblem('DSO', amount('5', '2'))).toContain('KPI “DSO”: “off track beyond” (2) is below “on track within” (5)');
    expect(thresholdsProblem('DSO', amount('-1', '2'))).toContain('KPI “DSO”: thresholds measure how far short');
    expect(thresholdsProblem('DSO', amount('2', '2'))).toBeNull();
  });
});

describe('the target for a span', () => {
  it('money adds up: month targets, else a third of the quarter’s, else a twelfth of the year’s', () => {
    const money = { unit: 'money' as const, targets: [{ span: 'month' as const, index: 0, value: '100' }, { span: 'quarter' as const, index: 0, value: '330' }, { span: 'year' as const, index: 0, value: '1200' }] };
    expect(targetFor(money, monthSpan(0, 2))?.toFixed()).toBe('320');
    expect(targetFor(money, monthSpan(3, 3))?.toFixed()).toBe('100');
    expect(targetFor({ unit: 'money', targets: [] }, monthSpan(0, 0))).toBeNull();
  });

  it('a ratio does not add up: a month its own, a whole quarter its quarter’s, longer spans the year’s', () => {
    const ratio = { unit: 'percent' as const, targets: [{ span: 'month' as const, index: 1, value: '0.5' }, { span: 'quarter' as const, index: 0, value: '0.45' }, { span: 'year' as const, index: 0, value: '0.4' }] };
    expect(targetFor(ratio, monthSpan(1, 1))?.toFixed()).toBe('0.5');
    expect(targetFor(ratio, monthSpan(2, 2))?.toFixed()).toBe('0.45');
    expect(targetFor(ratio, monthSpan(0, 2))?.toFixed()).toBe('0.45');
    expect(targetFor(ratio, monthSpan(0, 8))?.toFixed()).toBe('0.4');
  });
});
