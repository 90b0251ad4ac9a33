import { useState } from 'react';
import type { PackageMergePlan } from '../../shared/api/package-api';
import { api } from '../api/client';
import { readAsBase64 } from '../api/read-file';
import { Dialog } from '../components/Dialog';
import { useNoticeStore } from '../state/notice-store';
import { enqueue, useSheetStore } from '../state/sheet-store';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { PackageConflicts, unchosenCount, type ConflictChoices } from './PackageConflicts';

/**
 * Department packages: send a department's lines out as a package an ops manager drafts
 * offline in Tandem, and bring it back: what merges by itself, the lines it adds, and each
 * conflict side by side (when cut, in the package, in the workbook) for the user to decide.
 */
export function PackageDialog({ view, onClose }: { view: SheetView; onClose: () => void }) {
  const departments = view.model.departments.filter((department) => view.rows.some((row) => row.line.departmentId === department.id));
  const [departmentId, setDepartmentId] = useState(departments[0]?.id ?? 0);
  const [cut, setCut] = useState<{ path: string; lines: number; department: string } | null>(null);
  const [incoming, setIncoming] = useState<{ token: string; fileName: string; plan: PackageMergePlan } | null>(null);
  const [choices, setChoices] = useState<ConflictChoices>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const cutPackage = async () => {
    setFailure(null);
    setBusy(true);
    try {
      const department = departments.find((candidate) => candidate.id === departmentId)?.name ?? 'department';
      setCut(await api.call('package/cut', { versionId: view.model.version.id, departmentId, fileName: `${view.model.workbook.name} - ${department} package.tandem`.replace(/[\\/:*?"<>|]/g, ' ') }));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const choose = async (file: File | undefined) => {
    if (file === undefined) return;
    setFailure(null);
    setIncoming(null);
    setBusy(true);
    try {
      const inspected = await api.call('package/inspect', { versionId: view.model.version.id, source: { name: file.name, base64: await readAsBase64(file) } });
      setIncoming(inspected);
      // No side is chosen for the user: each conflict waits for a choice (or one for all).
      setChoices({});
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const merge = async () => {
    if (incoming === null) return;
    setBusy(true);
    setFailure(null);
    try {
      await enqueue(async () => {
        const receipt = await api.call('package/merge', { versionId: view.model.version.id, token: incoming.token, choices });
        useSheetStore.setState({ revision: receipt.revision, history: receipt.history });
        await useSheetStore.getState().load();
        useNoticeStore.getState().show({ tone: 'info', message: `Merged the ${incoming.plan.department} package: ${receipt.cellsSet} cells, ${receipt.linesAdded} new lines. One undo takes it back.` });
      });
      onClose();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const plan = incoming?.plan ?? null;
  const left = plan === null ? 0 : unchosenCount(plan.conflicts, choices);
  const download = cut === null ? null : api.downloadUrl(cut.path.split(/[\\/]/).pop() ?? '');
  return (
    <Dialog
      title="Department packages"
      testId="package-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className="primary"
            disabled={plan === null || plan.problems.length > 0 || left > 0 || busy}
            title={left > 0 ? `Choose a side for every conflict first: ${left} left` : undefined}
            onClick={() => void merge()}
          >
            Merge package
          </button>
        </>
      }
    >
      <fieldset className="choice-group">
        <legend>Send a department out</legend>
        <div className="inline-fields">
          <label>
            Department
            <select value={departmentId} onChange={(event) => setDepartmentId(Number(event.target.value))} aria-label="Department to send">
              {departments.map((department) => (
                <option key={department.id} value={department.id}>
                  {department.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void cutPackage()} disabled={busy || departments.length === 0} className="align-end">
            Cut package
          </button>
        </div>
        {cut !== null && (
          <p className="export-done" data-testid="package-cut">
            {cut.department}: {cut.lines} lines in {cut.path}. The ops manager opens it in Tandem, drafts, and sends it back.{' '}
            {download !== null && (
              <a href={download} className="download-link">
                Download
              </a>
            )}
          </p>
        )}
      </fieldset>
      <fieldset className="choice-group">
        <legend>Bring a package back</legend>
        <label>
          Package file
          <input
            type="file"
            accept=".tandem"
            aria-label="Package to merge"
            onChange={(event) => {
              void choose(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
      </fieldset>
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="package-failure">
          {failure}
        </p>
      )}
      {plan !== null && incoming !== null && (
        <div data-testid="package-merge">
          <p className="hint">
            {incoming.fileName}: {plan.department}, cut by {plan.cutBy} on {new Date(plan.cutAt).toLocaleString()}.
          </p>
          {plan.problems.length > 0 ? (
            <div className="import-problems" role="alert">
              <strong>This package cannot be merged as it is:</strong>
              <ul>
                {plan.problems.map((problem, index) => (
                  <li key={index}>{problem}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="import-summary" data-testid="package-summary">
              {plan.automatic === 1 ? '1 cell changed only in the package merges by itself' : `${plan.automatic} cells changed only in the package merge by themselves`}
              {plan.newLines.length > 0 ? `; new lines: ${plan.newLines.join(', ')}` : ''}; {plan.keptWorkbook === 1 ? '1 changed only here stays' : `${plan.keptWorkbook} changed only here stay`};{' '}
              {plan.conflicts.length === 0 ? 'no conflicts.' : `${plan.conflicts.length} conflict${plan.conflicts.length === 1 ? '' : 's'} to decide below.`}
            </p>
          )}
          {plan.notes.map((note, index) => (
            <p key={index} className="hint">
              {note}
            </p>
          ))}
          {plan.conflicts.length > 0 && <PackageConflicts conflicts={plan.conflicts} choices={choices} onChoose={setChoices} />}
        </div>
      )}
    </Dialog>
  );
}
