import { describe, expect, it } from 'vitest';
import { periodsOf } from '../../../../shared/calendar/fiscal-calendar';
import { fieldsOf, formOf } from '../../../../renderer/dashboard/kpi-form';
import { kpi } from '../../shared/kpi/kpi-fixture';

const periods = periodsOf({ startYear: 2027, startMonth: 1, periodCount: 12 });

describe('the KPI dialog’s form', () => {
  it('sends a percentage KPI’s targets as fractions and keeps the targets it does not edit', () => {
    const form = { ...formOf(null), name: ' Freight share ', definition: 'cogs() / revenue()', yearTarget: '4', monthTargets: ['5', '4.5%', ...Array.from({ length: 10 }, () => '')] };
    const quarter = { span: 'quarter' as const, index: 1, value: '0.05' };
    const checked = fieldsOf(form, [quarter], periods, 'USD');
    expect(checked.ok && checked.fields).toMatchObject({
      name: 'Freight share',
      definition: 'cogs() / revenue()',
      unit: 'percent',
      thresholds: { kind: 'percent', onTrackWithin: '2', offTrackBeyond: '10' },
      targets: [quarter, { span: 'year', index: 0, value: '0.04' }, { span: 'month', index: 0, value: '0.05' }, { span: 'month', index: 1, value: '0.045' }],
    });
  });

  it('sends an input KPI without a definition', () => {
    const checked = fieldsOf({ ...formOf(null), name: 'NPS', entered: true, definition: 'ignored', unit: 'score' }, [], periods, 'USD');
    expect(checked.ok && checked.fields.definition).toBeNull();
  });

  it('refuses a target or a threshold that is not a number, naming the KPI and where', () => {
    const base = { ...formOf(null), name: 'Freight share' };
    expect(fieldsOf({ ...base, yearTarget: 'four' }, [], periods, 'USD')).toEqual({ ok: false, message: 'KPI “Freight share”: the yearly target “four” is not a number.' });
    const march = Array.from({ length: 12 }, (_unused, month) => (month === 2 ? '5x' : ''));
    expect(fieldsOf({ ...base, monthTargets: march }, [], periods, 'USD')).toEqual({ ok: false, message: 'KPI “Freight share”: the target for Mar 2027, “5x”, is not a number.' });
    expect(fieldsOf({ ...base, within: '' }, [], periods, 'USD')).toEqual({ ok: false, message: 'KPI “Freight share”: “on track within” needs a number.' });
  });

  it('reads amount thresholds in the KPI’s unit: points for a percentage', () => {
    const checked = fieldsOf({ ...formOf(null), name: 'Margin', thresholdKind: 'amount', within: '1.5', beyond: '4' }, [], periods, 'USD');
    expect(checked.ok && checked.fields.thresholds).toEqual({ kind: 'amount', onTrackWithin: '0.015', offTrackBeyond: '0.04' });
  });

  it('opens a KPI as it was saved, and saves it back unchanged', () => {
    const saved = kpi(7, 'Gross margin %', '(revenue() - cogs()) / revenue()', {
      departmentId: 4,
      goalId: 2,
      thresholds: { kind: 'amount', onTrackWithin: '0.02', offTrackBeyond: '0.05' },
      targets: [
        { span: 'year', index: 0, value: '0.64' },
        { span: 'month', index: 11, value: '0.66' },
        { span: 'quarter', index: 3, value: '0.65' },
      ],
    });
    const form = formOf(saved);
    expect(form).toMatchObject({ yearTarget: '64', within: '2', beyond: '5', departmentId: '4', goalId: '2' });
    const checked = fieldsOf(form, saved.targets.filter((target) => target.span === 'quarter'), periods, 'USD');
    expect(checked.ok && checked.fields).toMatchObject({ thresholds: saved.thresholds, departmentId: 4, goalId: 2 });
    expect(checked.ok && [...checked.fields.targets].sort((a, b) => a.span.localeCompare(b.span))).toEqual([...saved.targets].sort((a, b) => a.span.localeCompare(b.span)));
  });
});
