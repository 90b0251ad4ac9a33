import Database from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { inUseRefusal, isBusy, sqliteCode, type ReadOnlyReason } from './file-access';
import type { WorkbookHeader } from './workbook-header';

/** How long opening waits for another program's write to finish before calling the file in use. */
const OPEN_BUSY_TIMEOUT_MS = 100;

/**
 * A connection that may write, once it is known that no other program is writing: a brief
 * `BEGIN IMMEDIATE` (taken and given back at once) fails when another connection holds the
 * write lock, so such a file is refused as in use at open instead of each edit waiting and failing.
 */
export function connectForWriting(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true, timeout: OPEN_BUSY_TIMEOUT_MS });
  } catch (error) {
    throw sqliteFailure(error, path);
  }
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return db;
  } catch (error) {
    db.close();
    throw sqliteFailure(error, path);
  }
}

/**
 * A read-only connection that touches nothing on disk: the file is read into memory and opened
 * there, read-only. SQLite's own read-only mode would create -wal and -shm files beside a WAL
 * file (and cannot read one at all in a read-only folder without them). A WAL file's header is
 * marked as a rollback-journal one in the copy, as an in-memory database cannot be in WAL mode.
 * A file whose last changes are still in a -wal (or a hot -journal) beside it is refused: only
 * a writable file can take them in, and reading without them would show an older workbook.
 */
export function connectForReading(path: string, header: WorkbookHeader, reason: ReadOnlyReason): Database.Database {
  for (const suffix of ['-wal', '-journal']) {
    if (sizeOf(`${path}${suffix}`) > 0) {
      throw new ApiError(
        'read-only',
        `${path} cannot be opened read-only (${reason}): its latest changes are still in ${basename(path)}${suffix} beside it, and only a writable file can take them in. Make the file and its folder writable, then open it again.`,
        path,
      );
    }
  }
  const bytes = readFileSync(path);
  if (header.wal) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  try {
    return new Database(bytes, { readonly: true });
  } catch (error) {
    throw sqliteFailure(error, path);
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * A failure while opening, said as what is true: another program writing to the file is
 * “in use”, not damage; SQLite finding the file malformed is damage; anything else is named.
 */
export function sqliteFailure(error: unknown, path: string): ApiError {
  if (error instanceof ApiError) return error;
  if (isBusy(error)) return inUseRefusal(path);
  const reason = error instanceof Error ? error.message : String(error);
  const code = sqliteCode(error) ?? '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new ApiError('corrupt', `${path} is damaged and cannot be opened (${reason}).`, path);
  }
  return new ApiError('corrupt', `${path} could not be opened (SQLite: ${reason}).`, path);
}
