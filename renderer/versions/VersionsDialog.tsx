import { useState } from 'react';
import type { VersionContents } from '../../shared/api/version-api';
import { VERSION_STATUS_LABELS } from '../../shared/domain/approval';
import { VERSION_KIND_LABELS, VERSION_KINDS, type VersionKind, type VersionSummary } from '../../shared/domain/workbook';
import { Dialog } from '../components/Dialog';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { versionActions } from '../state/version-actions';
import { useSheetStore } from '../state/sheet-store';

const plural = (count: number, word: string) => `${count.toLocaleString()} ${word}${count === 1 ? '' : 's'}`;

/** What a new version starts from: nothing, or a copy of another version's values and comments. */
function NewVersionForm({ view }: { view: SheetView }) {
  const versions = view.model.versions;
  const [name, setName] = useState('');
  const [kind, setKind] = useState<VersionKind>('forecast');
  const [copyFrom, setCopyFrom] = useState<number | null>(view.model.version.id);
  const taken = versions.some((version) => version.name.toLowerCase() === name.trim().toLowerCase());
  const problem = name.trim() === '' ? null : taken ? `A version named “${name.trim()}” already exists.` : null;
  const ready = name.trim() !== '' && problem === null;
  return (
    <form
      className="new-version"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void versionActions.create(name, kind, copyFrom).then((done) => done && setName(''));
      }}
    >
      <h3>New version</h3>
      <div className="inline-fields">
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="Q4 forecast" aria-label="New version name" maxLength={80} />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value as VersionKind)} aria-label="New version kind">
            {VERSION_KINDS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {VERSION_KIND_LABELS[candidate]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Starts as
          <select value={copyFrom ?? ''} onChange={(event) => setCopyFrom(event.target.value === '' ? null : Number(event.target.value))} aria-label="New version starts as">
            <option value="">Empty (lines only)</option>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                A copy of {version.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={!ready}>
          Create
        </button>
      </div>
      {problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {kind === 'forecast' && (
        <p className="hint">
          A forecast shows actuals for the closed months
          {view.model.actualsThrough === null ? ' (none yet)' : ` (through ${view.model.periods[view.model.actualsThrough]?.label ?? ''})`} and the plan it starts from for the months ahead.
        </p>
      )}
    </form>
  );
}

/** One version's row: open it, rename it in place, roll a forecast forward, delete it after saying what it holds. */
function VersionRow({ version, view, onOpen }: { version: VersionSummary; view: SheetView; onOpen: (versionId: number) => void }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<VersionContents | null>(null);
  const shown = version.id === view.model.version.id;
  const basedOn = view.model.versions.find((candidate) => candidate.id === version.basedOn)?.name ?? '';
  const canRoll = version.kind === 'forecast' && view.model.actualsThrough !== null && (version.closedThrough ?? -1) < view.model.actualsThrough;
  const switchOver = version.closedThrough === null ? '' : `actuals through ${view.model.periods[version.closedThrough]?.label ?? ''}`;
  return (
    <>
      <tr data-testid={`version-row-${version.name}`} className={shown ? 'shown-version' : undefined}>
        <td>
          {renaming === null ? (
            <>
              {version.name}
              {shown && <span className="hint"> (shown)</span>}
            </>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void versionActions.rename(version.id, renaming).then((done) => done && setRenaming(null));
              }}
            >
              <input value={renaming} onChange={(event) => setRenaming(event.target.value)} aria-label={`New name for ${version.name}`} maxLength={80} autoFocus />
              <button type="submit">Save</button>
              <button type="button" onClick={() => setRenaming(null)}>
                Cancel
              </button>
            </form>
          )}
        </td>
        <td>{VERSION_KIND_LABELS[version.kind]}</td>
        <td>{VERSION_STATUS_LABELS[version.status]}</td>
        <td>{[basedOn === '' ? '' : `from ${basedOn}`, switchOver].filter((part) => part !== '').join('; ')}</td>
        <td>{version.owner}</td>
        <td className="version-actions">
          <button type="button" onClick={() => onOpen(version.id)} disabled={shown}>
            Open
          </button>
          <button type="button" onClick={() => setRenaming(version.name)} disabled={renaming !== null}>
            Rename
          </button>
          {version.kind === 'forecast' && (
            <button
              type="button"
              onClick={() => void versionActions.rollForward(version.id)}
              disabled={!canRoll}
              title={canRoll ? 'Show the next closed month as actuals; the plan for the months ahead stays' : 'Roll forward after the next month closes (Actuals through)'}
            >
              Roll forward
            </button>
          )}
          <button
            type="button"
            onClick={() => void versionActions.contents(version.id).then(setConfirming)}
            disabled={shown || view.model.versions.length <= 1}
            title={shown ? 'This is the version shown: open another one first' : view.model.versions.length <= 1 ? 'The only version stays' : `Delete ${version.name}`}
          >
            Delete…
          </button>
        </td>
      </tr>
      {confirming !== null && (
        <tr className="confirm-row">
          <td colSpan={6} role="alert">
            Delete “{version.name}”? It holds {plural(confirming.cells, 'value')} on {plural(confirming.lines, 'line')} and {plural(confirming.comments, 'comment')}. Undo brings it back.{' '}
            <button type="button" className="danger" onClick={() => void versionActions.remove(version.id, version.name).then(() => setConfirming(null))}>
              Delete “{version.name}”
            </button>{' '}
            <button type="button" onClick={() => setConfirming(null)}>
              Keep it
            </button>
          </td>
        </tr>
      )}
    </>
  );
}

/** The workbook's versions, the last closed month, and a new version. */
export function VersionsDialog({ view, onClose }: { view: SheetView; onClose: () => void }) {
  const openVersion = useSheetStore((state) => state.openVersion);
  return (
    <Dialog
      title="Versions"
      testId="versions-dialog"
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="inline-fields">
        <label>
          Actuals through (the last closed month)
          <select
            value={view.model.actualsThrough ?? ''}
            onChange={(event) => void versionActions.setActualsThrough(event.target.value === '' ? null : Number(event.target.value))}
            aria-label="Actuals through"
          >
            <option value="">No month closed yet</option>
            {view.model.periods.map((period) => (
              <option key={period.index} value={period.index}>
                {period.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="versions-table">
        <thead>
          <tr>
            <th>Version</th>
            <th>Kind</th>
            <th>Status</th>
            <th>Made from</th>
            <th>Owner</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.model.versions.map((version) => (
            <VersionRow key={version.id} version={version} view={view} onOpen={(versionId) => void openVersion(versionId).then((done) => done && onClose())} />
          ))}
        </tbody>
      </table>
      <NewVersionForm view={view} />
    </Dialog>
  );
}
