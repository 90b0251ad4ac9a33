import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ApiError } from '../../shared/api/errors';
import { TANDEM_APPLICATION_ID } from './migrations/001-initial-schema';
import { LATEST_SCHEMA_VERSION } from './migrations/registry';

const SQLITE_HEADER = 'SQLite format 3\u0000';
const HEADER_SIZE = 100;

/** What a workbook file's first 100 bytes say (https://sqlite.org/fileformat.html#the_database_header). */
export interface WorkbookHeader {
  /** `user_version`: the schema the file was last brought up to */
  schemaVersion: number;
  /** the file is in WAL mode (SQLite keeps a -wal and a -shm file beside it while it is open) */
  wal: boolean;
}

/**
 * Reads the header of the file at `path` without opening it with SQLite, so a file that is not
 * a Tandem workbook (or one from a newer Tandem) is refused without SQLite creating anything
 * beside it. Throws an ApiError that names the file and the reason.
 */
export function readWorkbookHeader(path: string): WorkbookHeader {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ApiError('not-a-workbook', `${path} is a folder, not a Tandem workbook.`, path);
    size = stat.size;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('not-found', `There is no file at ${path}.`, path);
  }
  const header = size < HEADER_SIZE ? null : readFirstBytes(path);
  if (header === null || header.toString('latin1', 0, SQLITE_HEADER.length) !== SQLITE_HEADER) {
    throw new ApiError('not-a-workbook', `${path} is not a Tandem workbook (it is not a SQLite database file).`, path);
  }
  if (header.readInt32BE(68) !== TANDEM_APPLICATION_ID) {
    throw new ApiError('not-a-workbook', `${path} is a SQLite database from another program, not a Tandem workbook.`, path);
  }
  const schemaVersion = header.readInt32BE(60);
  if (schemaVersion > LATEST_SCHEMA_VERSION) throw newerVersion(path, schemaVersion);
  return { schemaVersion, wal: header[18] === 2 || header[19] === 2 };
}

export function newerVersion(path: string, version: number): ApiError {
  return new ApiError(
    'newer-version',
    `${path} was saved by a newer version of Tandem (file format ${version}; this app reads up to ${LATEST_SCHEMA_VERSION}). Update Tandem to open it.`,
    path,
  );
}

function readFirstBytes(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_SIZE);
    readSync(fd, buffer, 0, HEADER_SIZE, 0);
    return buffer;
  } finally {
    closeSync(fd);
  }
}
