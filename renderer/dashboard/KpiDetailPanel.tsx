import { useMemo, useState } from 'react';
import { KPI_UNIT_LABELS, type KpiBook } from '../../shared/domain/kpi';
import type { Portfolio } from '../../shared/domain/proposal';
import type { SheetModel } from '../../shared/domain/workbook';
import { ROLE_LABELS, VERSION_ROLES, type VersionRole } from '../../shared/kpi/kpi-engine';
import type { JudgedSpan, ScorecardRow } from '../../shared/kpi/scorecard';
import { Decimal } from '../../shared/money/decimal';
import { formatAmount, type AmountFormat } from '../../shared/money/format-amount';
import type { SheetView } from '../../shared/sheet/sheet-view';
import type { RoleVersions } from '../state/kpi-store';
import type { SheetPlace } from '../state/sheet-place';
import { entryText, isFavourable, kpiText, parseKpiNumber } from './dashboard-figures';
import { linesBehind } from './kpi-lines';
import { StatusBadge } from './ScorecardTile';
import type { TileFigures } from './scorecard-tiles';
import { useWorkbookStore } from '../state/workbook-store';

const when = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
};

function JudgedRow({ judged, title, unit, direction, format }: { judged: JudgedSpan | null; title: string; unit: TileFigures['kpi']['unit']; direction: 'higher' | 'lower'; format: AmountFormat }) {
  if (judged === null) {
    return (
      <tr>
        <th scope="row">{title}</th>
        <td colSpan={4} className="muted">No month is closed yet.</td>
      </tr>
    );
  }
  const favourable = judged.variance === null ? null : isFavourable(direction, judged.variance);
  return (
    <tr>
      <th scope="row">
        {title}
        <span className="kpi-span-label">{judged.label} · {ROLE_LABELS[judged.basis].toLowerCase()}</span>
      </th>
      {judged.value.ok ? <td className="numeric">{kpiText(judged.value.value, unit, { format })}</td> : <td className="kpi-reason">{judged.value.reason}</td>}
      <td className="numeric">{judged.target === null ? '–' : kpiText(judged.target, unit, { format })}</td>
      <td className={`numeric${favourable === null ? '' : favourable ? ' variance-favourable' : ' variance-unfavourable'}`}>{judged.variance === null ? '–' : kpiText(judged.variance, unit, { signed: true, format })}</td>
      <td>
        <StatusBadge status={judged.status} missing={judged.value.ok ? 'No target' : 'No value'} />
      </td>
    </tr>
  );
}

/** One month of an input KPI: its value (typed in place, saved on Enter or on leaving), and who entered it when. */
function EnteredMonth({ label, value, enteredBy, enteredAt, unit, onEnter }: { label: string; value: string | null; enteredBy: string | null; enteredAt: string | null; unit: TileFigures['kpi']['unit']; onEnter: (value: string | null) => Promise<string | null> }) {
  const shown = value === null ? '' : entryText(value, unit);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    if (text.trim() === shown) return;
    const parsed = parseKpiNumber(text, unit, useWorkbookStore.getState().session?.current?.currency ?? '');
    if (!parsed.ok) {
      setProblem(`“${text}” is not a number${unit === 'percent' ? ': type a percentage such as 42' : ''}.`);
      return;
    }
    setProblem(await onEnter(parsed.value));
  };
  return (
    <tr data-testid={`kpi-input-${label}`}>
      <th scope="row">{label}</th>
      <td>
        <input
          aria-label={`Value for ${label}`}
          className={`kpi-input${problem === null ? '' : ' invalid'}`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => void save()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void save();
            if (event.key === 'Escape') {
              event.stopPropagation();
              setText(shown);
              setProblem(null);
            }
          }}
        />
        {unit === 'percent' ? '%' : ''}
        {problem !== null && (
          <span className="field-error" role="alert">
            {' '}
            {problem}
          </span>
        )}
      </td>
      <td className="kpi-entered-by">{enteredBy === null ? '' : `${enteredBy}, ${when(enteredAt ?? '')}`}</td>
    </tr>
  );
}

export interface KpiDetailPanelProps {
  row: ScorecardRow;
  tile: TileFigures;
  book: KpiBook;
  portfolio: Portfolio | null;
  model: Omit<SheetModel, 'lines'>;
  views: Partial<Record<VersionRole, SheetView>>;
  roles: RoleVersions;
  format: AmountFormat;
  onShowInSheet(place: SheetPlace): void;
  onEdit(): void;
  onDelete(): void;
  onClose(): void;
  onEnter(period: number, value: string | null): Promise<string | null>;
}

/**
 * Where a KPI's number comes from: its definition, owner, goal, thresholds and targets; the picked
 * period, year to date and the full year judged; the biggest lines behind it (each opens the
 * sheet on its cell); for an input KPI, the months entered, with who entered them, editable.
 */
export function KpiDetailPanel({ row, tile, book, portfolio, model, views, roles, format, onShowInSheet, onEdit, onDelete, onClose, onEnter }: KpiDetailPanelProps) {
  const kpi = row.kpi;
  const loaded = VERSION_ROLES.filter((role) => views[role] !== undefined);
  const [chosenRole, setRole] = useState<VersionRole | null>(null);
  const role: VersionRole = chosenRole !== null && views[chosenRole] !== undefined ? chosenRole : views[tile.judged.basis] !== undefined ? tile.judged.basis : (loaded[0] ?? 'budget');
  const view = views[role];
  const fundedIds = useMemo(() => new Set((portfolio?.proposals ?? []).filter((proposal) => proposal.status === 'funded').map((proposal) => proposal.id)), [portfolio]);
  const behind = useMemo(() => (view === undefined ? { lines: [], more: 0 } : linesBehind(kpi, book.kpis, view, tile.judged.span, fundedIds)), [kpi, book.kpis, view, tile.judged.span, fundedIds]);
  const versionName = model.versions.find((version) => version.id === roles[role])?.name ?? ROLE_LABELS[role];
  const owner = kpi.departmentId === null ? 'No department' : (model.departments.find((department) => department.id === kpi.departmentId)?.name ?? 'Unknown department');
  const goal = kpi.goalId === null ? 'None' : (book.goals.find((candidate) => candidate.id === kpi.goalId)?.name ?? 'Unknown goal');
  const thresholdUnit = (value: string) => (kpi.thresholds.kind === 'percent' ? `${value}% of the target` : kpiText(new Decimal(value), kpi.unit, { format }).replace(/%$/, ' points'));
  const shortWord = kpi.direction === 'higher' ? 'below' : 'above';
  const targetWord = kpi.thresholds.kind === 'percent' ? 'it' : 'the target';
  const yearTarget = kpi.targets.find((target) => target.span === 'year' && target.index === 0);
  const monthTargets = kpi.targets.filter((target) => target.span === 'month' && target.index < 12);
  const inputs = useMemo(() => new Map(book.inputs.filter((input) => input.kpiId === kpi.id).map((input) => [input.period, input])), [book.inputs, kpi.id]);
  const planMonths = model.periods.slice(0, 12);

  return (
    <aside
      className="kpi-detail"
      aria-label={`KPI ${kpi.name}`}
      data-testid="kpi-detail"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="kpi-detail-head">
        <h2>{kpi.name}</h2>
        <button type="button" className="kpi-close" aria-label="Close the KPI's details" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="kpi-detail-actions">
        <button type="button" onClick={onEdit}>Edit…</button>
        <button type="button" onClick={onDelete}>Delete…</button>
      </div>
      {kpi.description !== '' && <p className="kpi-description">{kpi.description}</p>}
      <h3>Definition</h3>
      {kpi.definition === null ? <p className="hint">Entered each month (an input KPI): not computed from the sheet.</p> : <pre className="kpi-code" data-testid="kpi-definition">{kpi.definition}</pre>}
      <dl className="kpi-facts">
        <dt>Unit</dt>
        <dd>{KPI_UNIT_LABELS[kpi.unit]}</dd>
        <dt>Better when</dt>
        <dd>{kpi.direction === 'higher' ? 'higher' : 'lower'}</dd>
        <dt>Owner</dt>
        <dd>{owner}</dd>
        <dt>Goal</dt>
        <dd>{goal}</dd>
        <dt>On track</dt>
        <dd>
          at most {thresholdUnit(kpi.thresholds.onTrackWithin)} {shortWord} {targetWord}
        </dd>
        <dt>Off track</dt>
        <dd>
          more than {thresholdUnit(kpi.thresholds.offTrackBeyond)} {shortWord} {targetWord}
        </dd>
      </dl>
      <h3>Judged</h3>
      <table className="kpi-judged">
        <thead>
          <tr>
            <th />
            <th className="numeric">Value</th>
            <th className="numeric">Target</th>
            <th className="numeric">Variance</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          <JudgedRow judged={tile.judged} title="Period" unit={kpi.unit} direction={kpi.direction} format={format} />
          <JudgedRow judged={row.yearToDate} title="Year to date" unit={kpi.unit} direction={kpi.direction} format={format} />
          <JudgedRow judged={row.fullYear} title="Full year" unit={kpi.unit} direction={kpi.direction} format={format} />
        </tbody>
      </table>
      <h3>Targets</h3>
      {yearTarget === undefined && monthTargets.length === 0 ? (
        <p className="hint">No target for the plan year: Edit… sets one, and the status follows.</p>
      ) : (
        <dl className="kpi-targets">
          {yearTarget !== undefined && (
            <div>
              <dt>Year</dt>
              <dd>{kpiText(new Decimal(yearTarget.value), kpi.unit, { format })}</dd>
            </div>
          )}
          {monthTargets.map((target) => (
            <div key={target.index}>
              <dt>{model.periods[target.index]?.label.replace(/ \d{4}$/, '')}</dt>
              <dd>{kpiText(new Decimal(target.value), kpi.unit, { format })}</dd>
            </div>
          ))}
        </dl>
      )}
      {kpi.definition !== null && (
        <>
          <h3>
            Lines behind it, {tile.judged.label}, in{' '}
            <select aria-label="Lines in version" value={role} onChange={(event) => setRole(event.target.value as VersionRole)}>
              {loaded.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {model.versions.find((version) => version.id === roles[candidate])?.name ?? ROLE_LABELS[candidate]}
                </option>
              ))}
            </select>
          </h3>
          {behind.lines.length === 0 ? (
            <p className="hint">The definition names no lines of the sheet (it reads other figures, such as days or funded benefits).</p>
          ) : (
            <ul className="kpi-lines" data-testid="kpi-lines">
              {behind.lines.map((line) => (
                <li key={line.lineId}>
                  <button type="button" title={`Open ${line.description} in ${versionName}, ${model.periods[line.period]?.label ?? ''}`} onClick={() => onShowInSheet({ versionId: roles[role], lineId: line.lineId, period: line.period })}>
                    <span className="kpi-line-name">{line.description}</span>
                    <span className="kpi-line-where">{line.department} · {line.account}</span>
                    <span className="kpi-line-value">{formatAmount(line.value, { ...format, scale: 0 })}</span>
                  </button>
                </li>
              ))}
              {behind.more > 0 && <li className="hint">and {behind.more} more line{behind.more === 1 ? '' : 's'}</li>}
            </ul>
          )}
        </>
      )}
      {kpi.definition === null && (
        <>
          <h3>Entered values</h3>
          <p className="hint">Type a month’s value and press Enter; clear it to remove it. Each entry records who made it, and Undo takes it back.</p>
          <table className="kpi-inputs">
            <tbody>
              {planMonths.map((period) => {
                const input = inputs.get(period.index);
                return (
                  <EnteredMonth
                    key={`${period.index}:${input?.value ?? ''}:${input?.enteredAt ?? ''}`}
                    label={period.label}
                    value={input?.value ?? null}
                    enteredBy={input?.enteredBy ?? null}
                    enteredAt={input?.enteredAt ?? null}
                    unit={kpi.unit}
                    onEnter={(value) => onEnter(period.index, value)}
                  />
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </aside>
  );
}
