import { useState } from 'react';
import type { VerifyAnswer } from '../../shared/api/export-api';
import { api } from '../api/client';
import { readAsBase64 } from '../api/read-file';
import { FormDialog } from '../components/Dialog';
import { sizeOf, uploadProblem } from './verify-upload';

/**
 * Checks an exported file against its approval stamp, where the user is: a file chosen or
 * dropped here (an XLSX, or a CSV with its `.approval.json`) is sent to the back and verified
 * exactly as a file in the Exports folder is, which can also be named instead.
 */
export function VerifyDialog({ onClose }: { onClose: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [path, setPath] = useState('');
  const [answer, setAnswer] = useState<VerifyAnswer | null>(null);
  const [checking, setChecking] = useState(false);
  const [dragging, setDragging] = useState(false);
  const problem = uploadProblem(files);
  const choose = (chosen: FileList | null) => {
    setFiles(chosen === null ? [] : Array.from(chosen));
    setPath('');
    setAnswer(null);
  };
  const verify = async (): Promise<VerifyAnswer> => {
    if (files.length === 0) return api.call('export/verify', { path: path.trim() });
    const uploads = await Promise.all(files.map(async (file) => ({ name: file.name, base64: await readAsBase64(file) })));
    return api.call('export/verify-upload', { files: uploads });
  };
  return (
    <FormDialog
      title="Verify an exported file"
      testId="verify-dialog"
      submitLabel={checking ? 'Verifying…' : 'Verify'}
      ready={(files.length > 0 ? problem === null : path.trim() !== '') && !checking}
      onClose={onClose}
      onSubmit={() => {
        setChecking(true);
        setAnswer(null);
        verify()
          .then(setAnswer)
          .catch((error: unknown) => setAnswer({ ok: false, reason: error instanceof Error ? error.message : String(error) }))
          .finally(() => setChecking(false));
      }}
    >
      <div
        className={dragging ? 'verify-drop verify-drop-over' : 'verify-drop'}
        data-testid="verify-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          choose(event.dataTransfer.files);
        }}
      >
        <p>Drop the exported file here: an XLSX, or a CSV together with its .approval.json (both were downloaded with it).</p>
        <label>
          Or choose the file (or both files)
          <input
            type="file"
            multiple
            accept=".xlsx,.csv,.json"
            aria-label="Exported files to check"
            onChange={(event) => {
              choose(event.target.files);
              // Cleared, so choosing the same files again (a corrected copy) reads them again.
              event.target.value = '';
            }}
          />
        </label>
        {files.length > 0 && (
          <ul className="verify-files" aria-label="Chosen files" title="The files Verify sends">
            {files.map((file) => (
              <li key={file.name}>
                {file.name} ({sizeOf(file.size)})
              </li>
            ))}
          </ul>
        )}
        {problem !== null && files.length > 0 && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <label>
        Or a file in the Exports folder
        <input
          value={path}
          onChange={(event) => {
            setPath(event.target.value);
            setFiles([]);
            setAnswer(null);
          }}
          placeholder="its name, or a full path on this computer"
          aria-label="File to verify"
        />
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
