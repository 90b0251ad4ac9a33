import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOnlyReasonOf, writeRefusalOf } from '../../../../electron/store/file-access';
import { useTempFolder } from '../../../helpers/temp-folder';

const tempFolder = useTempFolder();
const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0).reverse()) undo();
});

function fileIn(folder: string): string {
  const path = join(folder, 'Plan.tandem');
  writeFileSync(path, 'x');
  return path;
}

function sqliteError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('whether a workbook file can be changed', () => {
  it('a file and folder anyone may write to can be changed', () => {
    expect(readOnlyReasonOf(fileIn(tempFolder()))).toBeNull();
  });

  it('a file no one may write to is read-only, even for root', () => {
    const path = fileIn(tempFolder());
    chmodSync(path, 0o444);
    restore.push(() => chmodSync(path, 0o644));
    expect(readOnlyReasonOf(path)).toBe('the file is read-only');
  });

  it('a file in a folder no one may write to is read-only, even for root', () => {
    const folder = join(tempFolder(), 'shared');
    mkdirSync(folder);
    const path = fileIn(folder);
    chmodSync(folder, 0o555);
    restore.push(() => chmodSync(folder, 0o755));
    expect(readOnlyReasonOf(path)).toBe('the folder is read-only');
  });

  it('on Windows a folder’s read-only attribute is not taken as read-only: it means nothing there', () => {
    const folder = join(tempFolder(), 'Documents');
    mkdirSync(folder);
    const path = fileIn(folder);
    chmodSync(folder, 0o555);
    restore.push(() => chmodSync(folder, 0o755));
    expect(readOnlyReasonOf(path, 'win32')).toBeNull();
  });
});

describe('a failed write said as what it is', () => {
  const workbook = { path: '/budgets/Plan.tandem', readOnlyReason: 'the folder is read-only' };

  it('a write SQLite refused on a read-only workbook names the reason', () => {
    const refusal = writeRefusalOf(sqliteError('SQLITE_READONLY'), workbook);
    expect(refusal?.code).toBe('read-only');
    expect(refusal?.message).toBe('This workbook is read-only: the folder is read-only. You can read and export it; to change it, save a copy with File › Save as…');
  });

  it('a write another program’s lock kept out is “in use”, naming the file', () => {
    const refusal = writeRefusalOf(sqliteError('SQLITE_BUSY'), workbook);
    expect(refusal?.code).toBe('in-use');
    expect(refusal?.where).toBe('/budgets/Plan.tandem');
  });

  it('other errors, and errors with no workbook open, are left as they are', () => {
    expect(writeRefusalOf(sqliteError('SQLITE_CONSTRAINT'), workbook)).toBeNull();
    expect(writeRefusalOf(new Error('boom'), workbook)).toBeNull();
    expect(writeRefusalOf(sqliteError('SQLITE_READONLY'), null)).toBeNull();
  });
});
