import { useEffect, useState } from 'react';
import { FormDialog } from '../components/Dialog';
import { useUserStore } from '../state/approval-actions';
import { NameField, useNameSaver } from './NameField';

/** Changes the name Tandem records from now on; what was recorded before keeps the name it was recorded under. */
export function UserNameDialog({ onClose }: { onClose: () => void }) {
  const load = useUserStore((state) => state.load);
  const saver = useNameSaver();
  const [name, setNameText] = useState<string | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  useEffect(() => {
    void load()
      .then((user) => setNameText((current) => current ?? (user.isSet ? user.userName : user.suggestion)))
      .catch((error: unknown) => setLoadProblem(error instanceof Error ? error.message : String(error)));
  }, [load]);
  const typed = name ?? '';
  return (
    <FormDialog
      title="Your name"
      testId="user-name-dialog"
      submitLabel="Save"
      ready={name !== null && typed.trim() !== '' && !saver.busy}
      onClose={onClose}
      onSubmit={() => {
        void saver.save(typed).then((saved) => saved && onClose());
      }}
    >
      <p className="hint">Recorded with every change, decision, comment and approval you make from now on. What is already in a workbook's history keeps the name it was recorded under.</p>
      <NameField value={typed} onChange={setNameText} refusal={saver.refusal ?? loadProblem} />
    </FormDialog>
  );
}
