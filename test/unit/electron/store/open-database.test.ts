import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/errors';
import { inspectWorkbookFile, openWorkbookDatabase, WORKBOOK_CACHE_KIB } from '../../../../electron/store/open-database';
import { LATEST_SCHEMA_VERSION } from '../../../../electron/store/migrations/registry';
import { WorkbookStore } from '../../../../electron/store/workbook-store';
import { sampleWorkbookSeed } from '../../../../electron/sample/sample-workbook';
import { fileHash } from '../../../helpers/file-hash';
import { useTempFolder } from '../../../helpers/temp-folder';

const tempFolder = useTempFolder();

function refusal(path: string): ApiError {
  try {
    openWorkbookDatabase(path);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`${path} was opened`);
}

function sampleFile(folder: string): string {
  const path = join(folder, 'sample.tandem');
  WorkbookStore.create(path, sampleWorkbookSeed(), 'test').close();
  return path;
}

describe('opening a workbook file', () => {
  it('opens a Tandem workbook in WAL mode with foreign keys on, and a page cache that holds a large workbook', () => {
    const { db, readOnlyReason } = openWorkbookDatabase(sampleFile(tempFolder()));
    expect(readOnlyReason).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('cache_size', { simple: true })).toBe(-WORKBOOK_CACHE_KIB);
    db.close();
  });

  it('refuses a missing file', () => {
    const error = refusal(join(tempFolder(), 'nowhere.tandem'));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('nowhere.tandem');
  });

  it('refuses a folder', () => {
    const folder = join(tempFolder(), 'folder.tandem');
    mkdirSync(folder);
    expect(refusal(folder).code).toBe('not-a-workbook');
  });

  it.each([
    ['a text file', 'Department,Account\nSales,4000\n'],
    ['an empty file', ''],
    ['a short file', 'SQLite'],
  ])('refuses %s without changing it', (_what, content) => {
    const path = join(tempFolder(), 'budget.tandem');
    writeFileSync(path, content);
    const error = refusal(path);
    expect(error.code).toBe('not-a-workbook');
    expect(error.message).toBe(`${path} is not a Tandem workbook (it is not a SQLite database file).`);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('refuses a SQLite database from another program without changing it', () => {
    const path = join(tempFolder(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    const before = fileHash(path);
    const error = refusal(path);
    expect(error.code).toBe('not-a-workbook');
    expect(error.message).toContain('another program');
    expect(fileHash(path)).toBe(before);
  });

  it('refuses a workbook from a newer version of Tandem without changing it', () => {
    const path = sampleFile(tempFolder());
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fileHash(path);
    const error = refusal(path);
    expect(error.code).toBe('newer-version');
    expect(error.message).toContain('newer version of Tandem');
    expect(fileHash(path)).toBe(before);
  });

  it('refuses a damaged workbook without changing it', () => {
    const path = sampleFile(tempFolder());
    // Cut the file in the middle of its pages: the header survives, the b-trees do not.
    truncateSync(path, 4096 * 3 + 100);
    const before = fileHash(path);
    const error = refusal(path);
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('damaged');
    expect(fileHash(path)).toBe(before);
  });

  it('refuses a workbook whose pages were overwritten with garbage', () => {
    const path = sampleFile(tempFolder());
    const bytes = readFileSync(path);
    for (let offset = 4096; offset < bytes.length; offset += 7) bytes[offset] = (bytes[offset] ?? 0) ^ 0x5a;
    writeFileSync(path, bytes);
    const before = fileHash(path);
    expect(() => inspectWorkbookFile(path)).toThrow(ApiError);
    expect(refusal(path).code).toBe('corrupt');
    expect(fileHash(path)).toBe(before);
  });
});
