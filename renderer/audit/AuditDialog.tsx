import { downloadText } from '../api/download';
import { periodsOf } from '../../shared/calendar/fiscal-calendar';
import { useCallback, useEffect, useState } from 'react';
import { AUDIT_KIND_LABELS, AUDIT_KINDS, type AuditEntry, type AuditFilter, type AuditKind } from '../../shared/domain/audit';
import { isCanonicalQuantity } from '../../shared/money/amount';
import { formatAmount } from '../../shared/money/format-amount';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { showError } from '../state/notice-store';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { auditCsv } from './audit-csv';

const PAGE = 200;

/** Where the log is opened from: the whole workbook, one line, or one cell. */
export interface AuditScope {
  lineId?: number;
  period?: number;
}

function shownValue(value: string | null): string {
  if (value === null) return '—';
  // Up to six decimals, so a driver's rate reads exactly as stored.
  return isCanonicalQuantity(value) ? formatAmount(value, { negatives: 'minus', zero: 'digits', scale: 6, trimDecimals: true }) : value;
}

/** Offers a file to the user: the browser's download, which Electron turns into a save dialog. */

/** The audit trail: who changed what, when, from what to what, filtered; exportable as CSV. */
export function AuditDialog({ view, scope, onClose }: { view: SheetView; scope: AuditScope; onClose: () => void }) {
  const [kind, setKind] = useState<AuditKind | ''>('');
  const [actor, setActor] = useState('');
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [actors, setActors] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);

  const filter = useCallback((): AuditFilter => {
    // A cell's or a line's history is the version the sheet shows (last year's actuals are other cells).
    const chosen: AuditFilter = scope.lineId === undefined ? { ...scope } : { ...scope, versionId: view.model.version.id };
    if (kind !== '') chosen.kinds = [kind];
    if (actor !== '') chosen.actor = actor;
    if (text.trim() !== '') chosen.text = text.trim();
    if (from !== '') chosen.from = from;
    // "To" is the last day shown, inclusive: the query takes the day after, exclusive.
    if (to !== '') chosen.to = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return chosen;
  }, [scope, kind, actor, text, from, to, view.model.version.id]);

  useEffect(() => {
    let current = true;
    api
      .call('audit/list', { ...filter(), limit: PAGE })
      .then((page) => {
        if (!current) return;
        setEntries(page.entries);
        setTotal(page.total);
        setActors(page.actors);
      })
      .catch((error: unknown) => showError(error, 'Audit trail'))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [filter]);

  // A month is named in its own version's calendar: last year's actuals sit twelve months earlier; another version than the one shown is named.
  const lastYear = periodsOf({ ...view.model.calendar, startYear: view.model.calendar.startYear - 1, periodCount: 12 });
  const periodLabel = (period: number, versionId: number | null = view.model.version.id) => {
    const planYear = versionId === null || versionId !== view.model.priorYear?.versionId;
    const label = (planYear ? view.model.periods[period]?.label : lastYear[period]?.label) ?? `period ${period + 1}`;
    if (versionId === null || versionId === view.model.version.id) return label;
    const name = planYear ? (view.model.versions.find((version) => version.id === versionId)?.name ?? 'a deleted version') : view.model.priorYear?.versionName;
    return `${label} · ${name ?? 'another version'}`;
  };
  const line = scope.lineId === undefined ? undefined : view.rows[view.rowIndex.get(scope.lineId) ?? -1]?.line;
  const title = line === undefined ? 'Audit trail' : scope.period === undefined ? `History of “${line.description}”` : `History of “${line.description}”, ${periodLabel(scope.period)}`;

  const more = () =>
    void api
      .call('audit/list', { ...filter(), limit: PAGE, offset: entries.length })
      .then((page) => setEntries((shown) => [...shown, ...page.entries]))
      .catch((error: unknown) => showError(error, 'Audit trail'));
  const exportCsv = () =>
    void api
      .call('audit/list', { ...filter(), limit: 100_000 })
      .then((page) => downloadText(`${view.model.workbook.name} - audit trail.csv`, auditCsv(page.entries, periodLabel)))
      .catch((error: unknown) => showError(error, 'Audit trail'));

  return (
    <Dialog
      title={title}
      testId="audit-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={exportCsv} disabled={total === 0}>
            Export CSV
          </button>
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <div className="audit-filters">
        <label>
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value as AuditKind | '')} aria-label="Kind of change">
            <option value="">All changes</option>
            {AUDIT_KINDS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {AUDIT_KIND_LABELS[candidate]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Who
          <select value={actor} onChange={(event) => setActor(event.target.value)} aria-label="Who">
            <option value="">Everyone</option>
            {actors.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} aria-label="From date" />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} aria-label="To date" />
        </label>
        <label className="audit-search">
          Contains
          <input value={text} onChange={(event) => setText(event.target.value)} placeholder="line, action or value" aria-label="Contains" />
        </label>
      </div>
      <p className="hint" data-testid="audit-count">
        {loading ? 'Reading the trail…' : total === 0 ? 'No changes match.' : `${total.toLocaleString()} change${total === 1 ? '' : 's'}${total > entries.length ? `, newest ${entries.length.toLocaleString()} shown` : ''}`}
      </p>
      <div className="audit-table-wrap">
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>What</th>
              <th>Month</th>
              <th className="numeric">Before</th>
              <th className="numeric">After</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap" title={entry.at}>
                  {new Date(entry.at).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}
                </td>
                <td>{entry.actor}</td>
                <td>{entry.label}</td>
                <td>{entry.subject}</td>
                <td className="nowrap">{entry.period === null ? '' : periodLabel(entry.period, entry.versionId)}</td>
                <td className="numeric">{shownValue(entry.before)}</td>
                <td className="numeric">{shownValue(entry.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > entries.length && (
        <button type="button" onClick={more}>
          Show {Math.min(PAGE, total - entries.length).toLocaleString()} more
        </button>
      )}
    </Dialog>
  );
}
