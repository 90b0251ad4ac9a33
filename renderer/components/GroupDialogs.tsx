import { useState } from 'react';
import { commandShortcutLabel } from '../commands/command-keys';
import { Dialog, FormDialog } from './Dialog';

/** Renames the department or account behind a group row of the sheet. */
export function RenameGroupDialog({ what, name, onSave, onClose }: { what: 'department' | 'account'; name: string; onSave: (name: string) => void; onClose: () => void }) {
  const [text, setText] = useState(name);
  const ready = text.trim() !== '' && text.trim() !== name;
  return (
    <FormDialog title={`Rename ${what} “${name}”`} testId="rename-group-dialog" submitLabel="Rename" ready={ready} onClose={onClose} onSubmit={() => onSave(text.trim())}>
      <label>
        Name
        <input value={text} onChange={(event) => setText(event.target.value)} />
      </label>
    </FormDialog>
  );
}

/** Confirms deleting a department together with its lines and their amounts (undo brings them back). */
export function DeleteDepartmentDialog({ name, lineCount, filledCells, onConfirm, onClose }: { name: string; lineCount: number; filledCells: number; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog
      title={`Delete department “${name}”?`}
      testId="delete-department-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>Keep it</button>
          <button type="button" className="danger" onClick={onConfirm}>Delete department and {lineCount} line{lineCount === 1 ? '' : 's'}</button>
        </>
      }
    >
      <p>
        <strong>{name}</strong> has {lineCount} line{lineCount === 1 ? '' : 's'}
        {filledCells > 0 ? ` with amounts in ${filledCells.toLocaleString('en-US')} cell${filledCells === 1 ? '' : 's'}` : ''}. They will be deleted with it, in one step
        that Undo ({commandShortcutLabel('edit.undo')}) takes back.
      </p>
    </Dialog>
  );
}
