import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbookStore } from '../../../electron/store/workbook-store';
import { sampleWorkbookSeed } from '../../../electron/sample/sample-workbook';
import { startBack, type TestBack } from '../../helpers/back';
import { fileHash } from '../../helpers/file-hash';
import { oldWorkbook } from '../../helpers/old-workbook';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

// Modes the test changes are put back, so the temp folder can be removed (root ignores them; a user does not).
const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0).reverse()) undo();
});
function chmodForTest(path: string, mode: number, back: number): void {
  chmodSync(path, mode);
  restore.push(() => chmodSync(path, back));
}

// Connections the test holds open as "another program" are closed after it.
const others: Database.Database[] = [];
afterEach(() => {
  for (const other of others.splice(0)) if (other.open) other.close();
});

/** A sample workbook, closed, in a folder of its own. */
function sampleWorkbook(): { folder: string; path: string } {
  const folder = join(tempFolder(), 'budgets');
  const path = join(folder, 'Plan.tandem');
  mkdirSync(folder);
  WorkbookStore.create(path, sampleWorkbookSeed(), 'test').close();
  return { folder, path };
}

/** The back, started on its own data folder, with the sample open. */
function back(): TestBack {
  return startBack(tempFolder());
}

async function typedLineId(test: TestBack): Promise<number> {
  const sheet = await test.call('sheet/get-sheet', {});
  const line = sheet.lines.find((candidate) => candidate.formula === null);
  if (line === undefined) throw new Error('the sample has no line of typed amounts');
  return line.id;
}

const list = (folder: string) => readdirSync(folder).sort();

describe('a read-only workbook file', () => {
  it('opens read-only and says why: reading and exporting work', async () => {
    const { path } = sampleWorkbook();
    chmodForTest(path, 0o444, 0o644);
    const test = back();
    await test.call('workbook/open-file', { path });
    const session = await test.call('workbook/get-session', {});
    expect(session.current?.path).toBe(path);
    expect(session.readOnlyReason).toBe('the file is read-only');
    expect((await test.call('sheet/get-sheet', {})).lines.length).toBeGreaterThan(0);
    const exported = await test.call('export/csv', { versionId: await test.budgetId(), fileName: 'read-only.csv' });
    expect(existsSync(exported.path)).toBe(true);
    test.stop();
  });

  it('refuses every write with the reason, not an internal error, and changes nothing', async () => {
    const { folder, path } = sampleWorkbook();
    chmodForTest(path, 0o444, 0o644);
    const before = fileHash(path);
    const test = back();
    await test.call('workbook/open-file', { path });
    const lineId = await typedLineId(test);
    const error = await rejection(test.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: '1' }], label: 'edit' }));
    expect(error.code).toBe('read-only');
    expect(error.message).toBe('This workbook is read-only: the file is read-only. You can read and export it; to change it, save a copy with File › Save as…');
    expect((await rejection(test.call('sheet/rename-line', { lineId, description: 'Renamed' }))).code).toBe('read-only');
    test.stop();
    expect(fileHash(path)).toBe(before);
    expect(list(folder)).toEqual(['Plan.tandem']);
  });

  it('can be saved as a copy that can be changed', async () => {
    const { folder, path } = sampleWorkbook();
    chmodForTest(path, 0o444, 0o644);
    const test = back();
    await test.call('workbook/open-file', { path });
    await test.call('workbook/save-as', { path: join(folder, 'Plan copy.tandem') });
    expect((await test.call('workbook/get-session', {})).readOnlyReason).toBeNull();
    const lineId = await typedLineId(test);
    await test.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: '1' }], label: 'edit' });
    test.stop();
  });

  it('from an older version of Tandem is refused with what to do, leaving nothing beside it', async () => {
    const folder = tempFolder();
    const path = join(folder, 'Old.tandem');
    oldWorkbook(path, 1);
    chmodForTest(path, 0o444, 0o644);
    const before = fileHash(path);
    const error = await rejection(back().call('workbook/open-file', { path }));
    expect(error.code).toBe('read-only');
    expect(error.message).toContain('older version of Tandem');
    expect(fileHash(path)).toBe(before);
    expect(list(folder)).toEqual(['Old.tandem']);
  });
});

describe('a workbook in a read-only folder', () => {
  it('opens read-only, says the folder is read-only, and writes nothing in the folder', async () => {
    const { folder, path } = sampleWorkbook();
    chmodForTest(folder, 0o555, 0o755);
    const test = back();
    await test.call('workbook/open-file', { path });
    expect((await test.call('workbook/get-session', {})).readOnlyReason).toBe('the folder is read-only');
    expect((await test.call('sheet/get-sheet', {})).lines.length).toBeGreaterThan(0);
    expect(list(folder)).toEqual(['Plan.tandem']);
    const lineId = await typedLineId(test);
    const error = await rejection(test.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: '1' }], label: 'edit' }));
    expect(error.message).toContain('the folder is read-only');
    test.stop();
    expect(list(folder)).toEqual(['Plan.tandem']);
  });

  it('whose last changes are still in its -wal file is refused with what to do, not opened without them', async () => {
    const { path } = sampleWorkbook();
    const writer = new Database(path);
    others.push(writer);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("UPDATE workbook_settings SET value = 'Changed' WHERE key = 'name'");
    // A copy of the file and its -wal, as a crash (or a copy made while open) leaves them, in a read-only folder.
    const folder = join(tempFolder(), 'copied');
    mkdirSync(folder);
    copyFileSync(path, join(folder, 'Plan.tandem'));
    copyFileSync(`${path}-wal`, join(folder, 'Plan.tandem-wal'));
    chmodForTest(folder, 0o555, 0o755);
    const error = await rejection(back().call('workbook/open-file', { path: join(folder, 'Plan.tandem') }));
    expect(error.code).toBe('read-only');
    expect(error.message).toContain('its latest changes are still in Plan.tandem-wal');
    expect(list(folder)).toEqual(['Plan.tandem', 'Plan.tandem-wal']);
  });
});

describe('a workbook another program is writing to', () => {
  it('is refused as in use, not damaged, at once, leaving the folder as it was (WAL)', async () => {
    const { folder, path } = sampleWorkbook();
    const other = new Database(path);
    others.push(other);
    other.pragma('journal_mode = WAL');
    other.exec("BEGIN IMMEDIATE; UPDATE workbook_settings SET value = value WHERE key = 'revision'");
    const files = list(folder);
    const started = Date.now();
    const error = await rejection(back().call('workbook/open-file', { path }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.code).toBe('in-use');
    expect(error.message).toBe(`${path} is in use by another program that is changing it. Close it there (or wait until it is done), then open the file again.`);
    expect(list(folder)).toEqual(files);
  });

  it('is refused as in use when the other program holds it exclusively (rollback journal)', async () => {
    const { folder, path } = sampleWorkbook();
    const other = new Database(path);
    others.push(other);
    other.pragma('journal_mode = DELETE');
    other.exec("BEGIN EXCLUSIVE; UPDATE workbook_settings SET value = value WHERE key = 'revision'");
    const files = list(folder);
    const error = await rejection(back().call('workbook/open-file', { path }));
    expect(error.code).toBe('in-use');
    expect(error.message).toContain('in use by another program');
    expect(list(folder)).toEqual(files);
  });

  it('a workbook opened before another program began writing refuses an edit as in use', async () => {
    const { path } = sampleWorkbook();
    const test = back();
    await test.call('workbook/open-file', { path });
    const lineId = await typedLineId(test);
    const other = new Database(path);
    others.push(other);
    other.exec("BEGIN IMMEDIATE; UPDATE workbook_settings SET value = value WHERE key = 'revision'");
    const error = await rejection(test.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: '1' }], label: 'edit' }));
    expect(error.code).toBe('in-use');
    other.exec('ROLLBACK');
    test.stop();
  });
});

describe('a refused file leaves nothing beside it', () => {
  it('another program’s SQLite database in WAL mode', async () => {
    const folder = tempFolder();
    const path = join(folder, 'notes.db');
    const notes = new Database(path);
    notes.pragma('journal_mode = WAL');
    notes.exec('CREATE TABLE notes (text TEXT)');
    notes.close();
    expect(list(folder)).toEqual(['notes.db']);
    const error = await rejection(back().call('workbook/open-file', { path }));
    expect(error.code).toBe('not-a-workbook');
    expect(list(folder)).toEqual(['notes.db']);
  });

  it('a damaged workbook, refused as damaged', async () => {
    const { folder, path } = sampleWorkbook();
    const bytes = readFileSync(path);
    for (let offset = 4096; offset < bytes.length; offset += 7) bytes[offset] = (bytes[offset] ?? 0) ^ 0x5a;
    writeFileSync(path, bytes);
    expect((await rejection(back().call('workbook/open-file', { path }))).code).toBe('corrupt');
    expect(list(folder)).toEqual(['Plan.tandem']);
  });

  it('a read-only copy of another program’s database', async () => {
    const folder = tempFolder();
    const path = join(folder, 'notes.db');
    const notes = new Database(path);
    notes.pragma('journal_mode = WAL');
    notes.exec('CREATE TABLE notes (text TEXT)');
    notes.close();
    chmodForTest(path, 0o444, 0o644);
    expect((await rejection(back().call('workbook/open-file', { path }))).code).toBe('not-a-workbook');
    expect(list(folder)).toEqual(['notes.db']);
  });
});
