import { MAX_VERIFY_UPLOAD_BYTES } from '../../shared/api/export-api';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** A file's size as the dialog lists it: KB below a megabyte, so a small export is not “0.0 MB”. */
export const sizeOf = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : megabytes(bytes));

/** Why these files cannot be sent to verify, or null: at most two (a CSV and its stamp), within the upload limit. */
export function uploadProblem(files: readonly { size: number }[]): string | null {
  if (files.length > 2) return `Give at most two files: the export and, for a CSV, its .approval.json (${files.length} were given).`;
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_VERIFY_UPLOAD_BYTES) return `These files are ${megabytes(total)} together, more than the ${megabytes(MAX_VERIFY_UPLOAD_BYTES)} that can be sent to verify: verify the file by its name in the Exports folder instead.`;
  return null;
}

