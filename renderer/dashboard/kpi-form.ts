import type { ApiInput } from '../../shared/api/contract';
import type { Period } from '../../shared/calendar/fiscal-calendar';
import type { Kpi, KpiTarget, KpiUnit } from '../../shared/domain/kpi';
import { readNumber } from '../../shared/money/parse-amount';
import { entryText, parseKpiNumber } from './dashboard-figures';

/** What the KPI dialog sends: everything that describes a KPI. */
export type KpiFields = ApiInput<'kpi/create'>;

/** The targets the dialog edits: the plan year's and its months'. Others (quarters, later years) are kept as they are. */
export const edited = (target: KpiTarget) => (target.span === 'year' && target.index === 0) || (target.span === 'month' && target.index < 12);

export interface Form {
  name: string;
  description: string;
  entered: boolean;
  definition: string;
  unit: KpiUnit;
  direction: 'higher' | 'lower';
  departmentId: string;
  goalId: string;
  thresholdKind: 'percent' | 'amount';
  within: string;
  beyond: string;
  yearTarget: string;
  monthTargets: string[];
}

export function formOf(kpi: Kpi | null): Form {
  const unit = kpi?.unit ?? 'percent';
  const target = (span: 'year' | 'month', index: number) => {
    const found = kpi?.targets.find((candidate) => candidate.span === span && candidate.index === index);
    return found === undefined ? '' : entryText(found.value, unit);
  };
  const thresholdText = (value: string | undefined, fallback: string) => (value === undefined ? fallback : kpi?.thresholds.kind === 'amount' ? entryText(value, unit) : value);
  return {
    name: kpi?.name ?? '',
    description: kpi?.description ?? '',
    entered: kpi !== null && kpi.definition === null,
    definition: kpi?.definition ?? '',
    unit,
    direction: kpi?.direction ?? 'higher',
    departmentId: kpi?.departmentId == null ? '' : String(kpi.departmentId),
    goalId: kpi?.goalId == null ? '' : String(kpi.goalId),
    thresholdKind: kpi?.thresholds.kind ?? 'percent',
    within: thresholdText(kpi?.thresholds.onTrackWithin, '2'),
    beyond: thresholdText(kpi?.thresholds.offTrackBeyond, '10'),
    yearTarget: target('year', 0),
    monthTargets: Array.from({ length: 12 }, (_unused, month) => target('month', month)),
  };
}

/**
 * What the form asks the back to save, or why it cannot be sent (naming the KPI and the field).
 * The back checks the rest (the definition parses, names what exists and does not loop; the
 * thresholds do not overlap) and its message is shown in the dialog.
 */
export function fieldsOf(form: Form, kept: readonly KpiTarget[], periods: readonly Period[], currency: string): { ok: true; fields: KpiFields } | { ok: false; message: string } {
  const who = `KPI “${form.name.trim() || 'new KPI'}”`;
  const targets: KpiTarget[] = [...kept];
  const year = parseKpiNumber(form.yearTarget, form.unit, currency);
  if (!year.ok) return { ok: false, message: `${who}: the yearly target “${form.yearTarget}” is not a number.` };
  if (year.value !== null) targets.push({ span: 'year', index: 0, value: year.value });
  for (let month = 0; month < 12; month += 1) {
    const text = form.monthTargets[month] ?? '';
    const parsed = parseKpiNumber(text, form.unit, currency);
    if (!parsed.ok) return { ok: false, message: `${who}: the target for ${periods[month]?.label ?? `month ${month + 1}`}, “${text}”, is not a number.` };
    if (parsed.value !== null) targets.push({ span: 'month', index: month, value: parsed.value });
  }
  const threshold = (text: string, label: string): { ok: true; value: string } | { ok: false; message: string } => {
    if (form.thresholdKind === 'amount') {
      const parsed = parseKpiNumber(text, form.unit, currency);
      if (parsed.ok && parsed.value !== null) return { ok: true, value: parsed.value };
    } else {
      const parsed = readNumber(text.replace(/%\s*$/, ''), currency);
      if (parsed.ok) return { ok: true, value: parsed.value.isZero() ? '0' : parsed.value.toFixed() };
    }
    return { ok: false, message: `${who}: “${label}” needs a number${text.trim() === '' ? '' : `, not “${text}”`}.` };
  };
  const within = threshold(form.within, 'on track within');
  if (!within.ok) return within;
  const beyond = threshold(form.beyond, 'off track beyond');
  if (!beyond.ok) return beyond;
  return {
    ok: true,
    fields: {
      name: form.name.trim(),
      description: form.description,
      definition: form.entered ? null : form.definition,
      unit: form.unit,
      direction: form.direction,
      departmentId: form.departmentId === '' ? null : Number(form.departmentId),
      goalId: form.goalId === '' ? null : Number(form.goalId),
      thresholds: { kind: form.thresholdKind, onTrackWithin: within.value, offTrackBeyond: beyond.value },
      targets,
    },
  };
}
