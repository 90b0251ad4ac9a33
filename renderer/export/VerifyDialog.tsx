import { useState } from 'react';
import type { VerifyAnswer } from '../../shared/api/export-api';
import { api } from '../api/client';
import { FormDialog } from '../components/Dialog';

/** Checks an exported file against its approval stamp: the menu's counterpart of `npm run verify -- FILE`. */
export function VerifyDialog({ onClose }: { onClose: () => void }) {
  const [path, setPath] = useState('');
  const [answer, setAnswer] = useState<VerifyAnswer | null>(null);
  const [checking, setChecking] = useState(false);
  return (
    <FormDialog
      title="Verify an exported file"
      testId="verify-dialog"
      submitLabel="Verify"
      ready={path.trim() !== '' && !checking}
      onClose={onClose}
      onSubmit={() => {
        setChecking(true);
        setAnswer(null);
        api
          .call('export/verify', { path: path.trim() })
          .then(setAnswer)
          .catch((error: unknown) => setAnswer({ ok: false, reason: error instanceof Error ? error.message : String(error) }))
          .finally(() => setChecking(false));
      }}
    >
      <label>
        File
        <input value={path} onChange={(event) => setPath(event.target.value)} placeholder="a name in the Exports folder, or a full path" aria-label="File to verify" />
      </label>
      {answer !== null &&
        (answer.ok ? (
          <div className="verify-result verify-ok" role="status" data-testid="verify-result">
            <strong>Verified.</strong> This is the approved “{answer.version}” of “{answer.workbook}”, approved by {answer.approvedBy} on {new Date(answer.approvedAt).toLocaleString()} ({answer.lines} lines).
          </div>
        ) : (
          <div className="verify-result verify-failed" role="alert" data-testid="verify-result">
            <strong>Not verified.</strong> {answer.reason}
          </div>
        ))}
    </FormDialog>
  );
}
