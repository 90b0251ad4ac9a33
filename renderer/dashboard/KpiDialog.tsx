import { useMemo, useState } from 'react';
import { KPI_UNITS, KPI_UNIT_LABELS, type Goal, type Kpi, type KpiUnit } from '../../shared/domain/kpi';
import type { Period } from '../../shared/calendar/fiscal-calendar';
import type { Department } from '../../shared/domain/workbook';
import { KPI_FUNCTIONS, parseKpiDefinition } from '../../shared/kpi/kpi-language';
import { Dialog } from '../components/Dialog';
import { DepartmentOptions } from '../components/DimensionOptions';
import { edited, fieldsOf, formOf, type Form, type KpiFields } from './kpi-form';
import { useWorkbookStore } from '../state/workbook-store';

const UNIT_HINT: Record<KpiUnit, string> = { money: 'in currency units', percent: 'as a percentage: 42 is 42%', count: 'a count', days: 'in days', score: 'a score, such as 4.2' };

/**
 * A new KPI, or one to edit: its name, definition in the KPI language (with the language's
 * functions as help) or entered each month, unit, direction, owner, goal, thresholds and the
 * plan year's targets. What the back refuses is shown here, and the dialog stays open.
 */
export function KpiDialog({ kpi, departments, goals, periods, onSave, onClose }: {
  kpi: Kpi | null;
  departments: readonly Department[];
  goals: readonly Goal[];
  periods: readonly Period[];
  /** sends the fields; answers the back's message when it refuses them */
  onSave: (fields: KpiFields) => Promise<string | null>;
  onClose: () => void;
}) {
  const [form, setForm] = useState(() => formOf(kpi));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [monthly, setMonthly] = useState(() => formOf(kpi).monthTargets.some((text) => text !== ''));
  const change = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));
  const syntax = useMemo(() => {
    if (form.entered || form.definition.trim() === '') return null;
    const parsed = parseKpiDefinition(form.definition);
    return parsed.ok ? null : parsed.message;
  }, [form.entered, form.definition]);
  const kept = kpi?.targets.filter((target) => !edited(target)) ?? [];
  const unitMark = form.unit === 'percent' ? '%' : '';
  const currency = useWorkbookStore((state) => state.session?.current?.currency ?? '');
  const submit = async () => {
    const checked = fieldsOf(monthly ? form : { ...form, monthTargets: [] }, kept, periods, currency);
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setSaving(true);
    const refusal = await onSave(checked.fields);
    setSaving(false);
    setProblem(refusal);
  };
  return (
    <Dialog
      title={kpi === null ? 'New KPI' : `Edit KPI “${kpi.name}”`}
      testId="kpi-dialog"
      onClose={onClose}
      actions={
        <>
          {/* Beside the buttons, so the message is in view however far the form is scrolled. */}
          {problem !== null && (
            <p className="field-error kpi-dialog-error" role="alert" data-testid="kpi-dialog-error">
              {problem}
            </p>
          )}
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" form="kpi-form" className="primary" disabled={saving || form.name.trim() === ''}>
            {kpi === null ? 'Create' : 'Save'}
          </button>
        </>
      }
    >
      <form
        id="kpi-form"
        className="kpi-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          Name
          <input aria-label="KPI name" value={form.name} onChange={(event) => change({ name: event.target.value })} maxLength={80} placeholder="Gross margin %" />
        </label>
        <label>
          Description
          <textarea aria-label="KPI description" rows={2} value={form.description} onChange={(event) => change({ description: event.target.value })} />
        </label>
        <fieldset className="mode-choice">
          <legend>Its value</legend>
          <label className="checkbox">
            <input type="radio" name="kpi-kind" checked={!form.entered} onChange={() => change({ entered: false })} />
            Computed from the sheet by a definition
          </label>
          <label className="checkbox">
            <input type="radio" name="kpi-kind" checked={form.entered} onChange={() => change({ entered: true })} />
            Entered each month (customer satisfaction, NPS)
          </label>
        </fieldset>
        {!form.entered && (
          <div className="kpi-definition">
            <label>
              Definition
              <textarea
                aria-label="KPI definition"
                className="code"
                rows={3}
                spellCheck={false}
                value={form.definition}
                onChange={(event) => change({ definition: event.target.value })}
                placeholder="(revenue() - cogs()) / revenue()"
              />
            </label>
            {syntax !== null && <p className="hint kpi-syntax">Does not read yet: {syntax}</p>}
            <details className="kpi-help">
              <summary>The KPI language: names in brackets, and its functions</summary>
              <p className="hint">
                Write a formula over the sheet: <code>[Sensor kits]</code> is a line, <code>account([6100])</code> an account with those under it, <code>dept([Operations], opex())</code> a department.
                Amounts add up over the period judged (a month, a quarter, year to date). Operators: + − × / and comparisons; 42% is 0.42.
              </p>
              <dl>
                {Object.entries(KPI_FUNCTIONS).map(([name, spec]) => (
                  <div key={name}>
                    <dt><code>{name}()</code></dt>
                    <dd>{spec.help}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </div>
        )}
        <div className="kpi-form-row">
          <label>
            Unit
            <select aria-label="KPI unit" value={form.unit} onChange={(event) => change({ unit: event.target.value as KpiUnit })}>
              {KPI_UNITS.map((unit) => (
                <option key={unit} value={unit}>{KPI_UNIT_LABELS[unit]}</option>
              ))}
            </select>
          </label>
          <label>
            Better when
            <select aria-label="KPI direction" value={form.direction} onChange={(event) => change({ direction: event.target.value as 'higher' | 'lower' })}>
              <option value="higher">Higher is better</option>
              <option value="lower">Lower is better</option>
            </select>
          </label>
          <label>
            Owner
            <select aria-label="KPI owner" value={form.departmentId} onChange={(event) => change({ departmentId: event.target.value })}>
              <option value="">No department</option>
              <DepartmentOptions departments={departments} />
            </select>
          </label>
          <label>
            Goal
            <select aria-label="KPI goal" value={form.goalId} onChange={(event) => change({ goalId: event.target.value })}>
              <option value="">No goal</option>
              {goals.map((goal) => (
                <option key={goal.id} value={goal.id}>{goal.name}</option>
              ))}
            </select>
          </label>
        </div>
        <div className="kpi-form-row">
          <label>
            Thresholds measured
            <select aria-label="Threshold kind" value={form.thresholdKind} onChange={(event) => change({ thresholdKind: event.target.value as 'percent' | 'amount' })}>
              <option value="percent">as % of the target</option>
              <option value="amount">in the KPI’s unit</option>
            </select>
          </label>
          <label>
            On track within
            <input aria-label="On track within" value={form.within} onChange={(event) => change({ within: event.target.value })} size={8} />
          </label>
          <label>
            Off track beyond
            <input aria-label="Off track beyond" value={form.beyond} onChange={(event) => change({ beyond: event.target.value })} size={8} />
          </label>
        </div>
        <p className="hint">
          A shortfall against the target (in the direction that is bad for the KPI) up to “on track within” is on track; up to “off track beyond”, at risk; past it, off track.
          {form.thresholdKind === 'amount' && form.unit === 'percent' ? ' In points: 2 is 2 percentage points.' : ''}
        </p>
        <div className="kpi-form-row">
          <label>
            Target for the year ({UNIT_HINT[form.unit]})
            <span className="with-unit">
              <input aria-label="Yearly target" value={form.yearTarget} onChange={(event) => change({ yearTarget: event.target.value })} size={12} />
              {unitMark}
            </span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={monthly} onChange={(event) => setMonthly(event.target.checked)} />
            Targets by month
          </label>
        </div>
        {monthly && (
          <div className="kpi-month-targets">
            {form.monthTargets.map((text, month) => (
              <label key={month}>
                {periods[month]?.label.replace(/ \d{4}$/, '') ?? `M${month + 1}`}
                <input
                  aria-label={`Target for ${periods[month]?.label ?? month + 1}`}
                  value={text}
                  onChange={(event) => change({ monthTargets: form.monthTargets.map((other, index) => (index === month ? event.target.value : other)) })}
                />
              </label>
            ))}
          </div>
        )}
      </form>
    </Dialog>
  );
}
