import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ApiError } from '../../shared/api/errors';
import { TANDEM_APPLICATION_ID } from './migrations/001-initial-schema';
import { migrate } from './migrations/migrate';
import { LATEST_SCHEMA_VERSION } from './migrations/registry';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Checks that `path` is a Tandem workbook this app can open, without writing to it: a SQLite
 * file, with Tandem's application id, not from a newer schema, passing `integrity_check`.
 * Throws an ApiError that names the file and the reason.
 */
export function inspectWorkbookFile(path: string): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ApiError('not-a-workbook', `${path} is a folder, not a Tandem workbook.`, path);
    size = stat.size;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('not-found', `There is no file at ${path}.`, path);
  }
  if (size < SQLITE_HEADER.length || readHeader(path) !== SQLITE_HEADER) {
    throw new ApiError('not-a-workbook', `${path} is not a Tandem workbook (it is not a SQLite database file).`, path);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== TANDEM_APPLICATION_ID) {
      throw new ApiError('not-a-workbook', `${path} is a SQLite database from another program, not a Tandem workbook.`, path);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new ApiError(
        'newer-version',
        `${path} was saved by a newer version of Tandem (file format ${version}; this app reads up to ${LATEST_SCHEMA_VERSION}). Update Tandem to open it.`,
        path,
      );
    }
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') {
      throw new ApiError('corrupt', `${path} is damaged and cannot be opened (SQLite integrity check: ${integrity}).`, path);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError('corrupt', `${path} is damaged and cannot be opened (${reason}).`, path);
  } finally {
    db?.close();
  }
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Connection settings every workbook is opened with: WAL, foreign keys, and fsync on commit so a saved edit survives a crash. */
export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
}

/** Opens a workbook for reading and writing after inspecting it, and upgrades its schema. */
export function openWorkbookDatabase(path: string): Database.Database {
  inspectWorkbookFile(path);
  const db = new Database(path, { fileMustExist: true });
  try {
    configureConnection(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
