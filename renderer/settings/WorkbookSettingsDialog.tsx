import { useEffect, useState } from 'react';
import { FormDialog } from '../components/Dialog';
import { approvalActions } from '../state/approval-actions';

/** The open workbook's rules: for now, whether the person who submitted a version may also approve it. */
export function WorkbookSettingsDialog({ onClose }: { onClose: () => void }) {
  /** the rule as the workbook has it; null while it is being read */
  const [stored, setStored] = useState<boolean | null>(null);
  const [mustDiffer, setMustDiffer] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    void approvalActions
      .rules()
      .then((rules) => {
        setStored(rules.approverMustDiffer);
        setMustDiffer(rules.approverMustDiffer);
      })
      .catch((error: unknown) => setRefusal(error instanceof Error ? error.message : String(error)));
  }, []);
  return (
    <FormDialog
      title="Workbook settings"
      testId="workbook-settings-dialog"
      submitLabel="Save"
      ready={stored !== null && !busy}
      onClose={onClose}
      onSubmit={() => {
        if (mustDiffer === stored) return onClose();
        setBusy(true);
        setRefusal(null);
        void approvalActions.setRules({ approverMustDiffer: mustDiffer }).then((refused) => {
          setBusy(false);
          if (refused === null) onClose();
          else setRefusal(refused);
        });
      }}
    >
      <fieldset className="choices">
        <legend>Approval</legend>
        <label className="choice">
          <input type="checkbox" checked={mustDiffer} disabled={stored === null} onChange={(event) => setMustDiffer(event.target.checked)} />
          The approver of a version must not be the person who submitted it
        </label>
      </fieldset>
      <p className="hint settings-note">
        Separation of duties: with this on, Tandem refuses an approval recorded under the same name as the version's submission, so every approved budget has been seen by two people. The
        setting is kept in this workbook file, and turning it on or off is recorded in its history.
      </p>
      {refusal !== null && (
        <p className="field-error" role="alert" data-testid="workbook-settings-refusal">
          {refusal}
        </p>
      )}
    </FormDialog>
  );
}
