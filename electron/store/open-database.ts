import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { readOnlyReasonOf, type ReadOnlyReason } from './file-access';
import { connectForReading, connectForWriting, sqliteFailure } from './workbook-connection';
import { newerVersion, readWorkbookHeader } from './workbook-header';
import { TANDEM_APPLICATION_ID } from './migrations/001-initial-schema';
import { migrate } from './migrations/migrate';
import { WAL_AUTOCHECKPOINT_PAGES } from './idle-checkpoint';
import { LATEST_SCHEMA_VERSION } from './migrations/registry';

/** An open workbook's connection, and why it can only be read (null when it can be changed). */
export interface OpenedDatabase {
  db: Database.Database;
  readOnlyReason: ReadOnlyReason | null;
}

/**
 * Checks that `path` is a Tandem workbook this app can open, without writing to it and without
 * leaving anything beside it: a SQLite file, with Tandem's application id, not from a newer
 * schema, not held by another program that is writing to it, passing `integrity_check`.
 * Throws an ApiError that names the file and the reason.
 */
export function inspectWorkbookFile(path: string): void {
  connect(path).db.close();
}

/**
 * Opens a workbook after inspecting it. A file Tandem may change is opened for reading and
 * writing and its schema upgraded; a read-only file, or one in a read-only folder, is opened
 * read-only, with the reason.
 */
export function openWorkbookDatabase(path: string): OpenedDatabase {
  const opened = connect(path);
  if (opened.readOnlyReason !== null) return opened;
  try {
    configureConnection(opened.db);
    migrate(opened.db);
    return opened;
  } catch (error) {
    opened.db.close();
    throw sqliteFailure(error, path);
  }
}

/**
 * Every check that needs no connection comes first (what the header says), so a file that is
 * not a workbook is refused without SQLite touching it or creating files beside it.
 */
function connect(path: string): OpenedDatabase {
  const header = readWorkbookHeader(path);
  const readOnlyReason = readOnlyReasonOf(path);
  if (readOnlyReason !== null && header.schemaVersion < LATEST_SCHEMA_VERSION) {
    throw new ApiError(
      'read-only',
      `${path} was saved by an older version of Tandem and must be brought up to date before it opens, which changes the file, but ${readOnlyReason}. Make it writable (or copy it to a writable folder), then open it again.`,
      path,
    );
  }
  const db = readOnlyReason === null ? connectForWriting(path) : connectForReading(path, header, readOnlyReason);
  try {
    requireTandemWorkbook(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, readOnlyReason };
}

/** What the header said, checked again as SQLite reads it (a -wal file may hold a newer first page), then the integrity check. */
function requireTandemWorkbook(db: Database.Database, path: string): void {
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== TANDEM_APPLICATION_ID) {
      throw new ApiError('not-a-workbook', `${path} is a SQLite database from another program, not a Tandem workbook.`, path);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) throw newerVersion(path, version);
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') {
      throw new ApiError('corrupt', `${path} is damaged and cannot be opened (SQLite integrity check: ${integrity}).`, path);
    }
  } catch (error) {
    throw sqliteFailure(error, path);
  }
}

/** Connection settings every writable workbook is opened with: WAL, foreign keys, and fsync on commit so a saved edit survives a crash. */
export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  // A 10,000-line workbook of three versions is about 20 MB: with SQLite's default 2 MB of cache
  // every read of a sheet went back to the file's pages; 32 MB keeps them (a bounded cost).
  db.pragma(`cache_size = ${-WORKBOOK_CACHE_KIB}`);
  // Writes fold the WAL into the file when the back is idle (IdleCheckpoint), not in their commit.
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
}

/** SQLite's page cache per open workbook, in KiB. */
export const WORKBOOK_CACHE_KIB = 32 * 1024;
