import { useEffect, useState } from 'react';
import { FormDialog } from '../components/Dialog';
import { useUserStore } from '../state/approval-actions';

/** Changes the name Tandem records from now on; what was recorded before keeps the name it was recorded under. */
export function UserNameDialog({ onClose }: { onClose: () => void }) {
  const load = useUserStore((state) => state.load);
  const setName = useUserStore((state) => state.setName);
  const [name, setNameText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    void load()
      .then((user) => setNameText((current) => current ?? (user.isSet ? user.userName : user.suggestion)))
      .catch((error: unknown) => setRefusal(error instanceof Error ? error.message : String(error)));
  }, [load]);
  const typed = name ?? '';
  return (
    <FormDialog
      title="Your name"
      testId="user-name-dialog"
      submitLabel="Save"
      ready={name !== null && typed.trim() !== '' && !busy}
      onClose={onClose}
      onSubmit={() => {
        setBusy(true);
        void setName(typed.trim()).then((refused) => {
          setBusy(false);
          if (refused === null) onClose();
          else setRefusal(refused);
        });
      }}
    >
      <p className="hint">Recorded with every change, decision, comment and approval you make from now on. What is already in a workbook's history keeps the name it was recorded under.</p>
      <label>
        Your name
        <input value={typed} onChange={(event) => setNameText(event.target.value)} maxLength={120} autoComplete="name" />
      </label>
      {refusal !== null && (
        <p className="field-error" role="alert">
          {refusal}
        </p>
      )}
    </FormDialog>
  );
}
