import { useState } from 'react';
import { commandShortcutLabel } from '../commands/command-keys';
import type { Proposal } from '../../shared/domain/proposal';
import type { Department } from '../../shared/domain/workbook';
import { Dialog, FormDialog } from '../components/Dialog';
import { DepartmentOptions } from '../components/DimensionOptions';

/** A new proposal: a title and its department; the rest is filled in the detail panel. */
export function AddProposalDialog({ departments, onAdd, onClose }: { departments: readonly Department[]; onAdd: (title: string, departmentId: number | null) => void; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [departmentId, setDepartmentId] = useState(0);
  const ready = title.trim() !== '';
  return (
    <FormDialog title="Add a proposal" testId="add-proposal-dialog" submitLabel="Add proposal" ready={ready} onClose={onClose} onSubmit={() => onAdd(title.trim(), departmentId === 0 ? null : departmentId)}>
      <label>
        Title
        <input value={title} onChange={(event) => setTitle(event.target.value)} placeholder="e.g. Automated optical inspection" />
      </label>
      <label>
        Department
        <select value={departmentId} onChange={(event) => setDepartmentId(Number(event.target.value))}>
          <option value={0}>(none yet)</option>
          <DepartmentOptions departments={departments} />
        </select>
      </label>
      <p className="hint">Then enter its cash flows by year and its scores in the panel on the right.</p>
    </FormDialog>
  );
}

/** Deleting a proposal takes its flows, scores and decisions along (undo brings them back). */
export function DeleteProposalDialog({ proposal, onConfirm, onClose }: { proposal: Proposal; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog
      title="Delete this proposal?"
      testId="delete-proposal-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>Keep it</button>
          <button type="button" className="danger" onClick={onConfirm}>Delete proposal</button>
        </>
      }
    >
      <p>
        <strong>{proposal.title}</strong> goes with its cash flows, scores and decisions. Undo ({commandShortcutLabel('edit.undo')}) brings it all back.
      </p>
    </Dialog>
  );
}
