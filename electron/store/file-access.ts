import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { readOnlyMessage } from '../../shared/domain/read-only';

/** Why a workbook can only be read, in words that finish “This workbook is read-only: …”. */
export type ReadOnlyReason = 'the file is read-only' | 'the folder is read-only';

/**
 * Whether Tandem may change the file at `path`: null when it may, or why not. A file or folder
 * counts as read-only when its mode gives no one the right to write, or when this process is
 * refused write access. Both, because root ignores permission bits: a file marked read-only
 * for everyone opens read-only for root as for a user, and a folder a user cannot write to
 * (SQLite keeps its -wal and -shm files there) makes the workbook read-only too.
 */
export function readOnlyReasonOf(path: string, platform: NodeJS.Platform = process.platform): ReadOnlyReason | null {
  if (!writable(path, true)) return 'the file is read-only';
  // On Windows a folder's read-only attribute means nothing (Explorer sets it on customised
  // folders, and files in them can still be written), so only access decides there.
  if (!writable(dirname(path), platform !== 'win32')) return 'the folder is read-only';
  return null;
}

function writable(path: string, modeBitsCount: boolean): boolean {
  if (modeBitsCount && (statSync(path).mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A write refused because the workbook was opened read-only. */
export function readOnlyRefusal(reason: string): ApiError {
  return new ApiError('read-only', readOnlyMessage(reason));
}

/** The file is held for writing by another program (SQLite answered “busy” or “locked”). */
export function inUseRefusal(path: string): ApiError {
  return new ApiError('in-use', `${path} is in use by another program that is changing it. Close it there (or wait until it is done), then open the file again.`, path);
}

/** SQLite's error code, when `error` is one of SQLite's errors. */
export function sqliteCode(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  return error.code.startsWith('SQLITE_') ? error.code : null;
}

export const isBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(error) ?? '');
export const isReadOnlyWrite = (error: unknown): boolean => (sqliteCode(error) ?? '').startsWith('SQLITE_READONLY');

/**
 * A failed write of the open workbook, said as what it is: a workbook opened read-only refuses
 * it with the reason; a file another program is writing to is in use. Null for any other error.
 */
export function writeRefusalOf(error: unknown, workbook: { path: string; readOnlyReason: string | null } | null): ApiError | null {
  if (workbook === null) return null;
  if (isReadOnlyWrite(error)) return readOnlyRefusal(workbook.readOnlyReason ?? 'the file cannot be written to');
  if (isBusy(error)) {
    return new ApiError('in-use', `Nothing was changed: ${workbook.path} is in use by another program that is changing it. Try again when it is done.`, workbook.path);
  }
  return null;
}
