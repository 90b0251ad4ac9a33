import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NativeDialogs } from '../../../electron/app/back-session';
import { WorkbookStore } from '../../../electron/store/workbook-store';
import { sampleWorkbookSeed } from '../../../electron/sample/sample-workbook';
import { startBack } from '../../helpers/back';
import { fileHash } from '../../helpers/file-hash';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** The system's Save dialog answering with `path`, as it does once the user has agreed to replace the file there. */
function saveDialogAnswering(path: string): NativeDialogs {
  return { chooseOpen: () => Promise.resolve(null), chooseSave: () => Promise.resolve(path) };
}

const calendar = { startYear: 2028, startMonth: 1, periodCount: 12 };

/** A workbook named `name` already at `path`, with a stale journal SQLite must not read into what replaces it. */
function existingWorkbook(path: string, name: string): void {
  WorkbookStore.create(path, { ...sampleWorkbookSeed({ lineCount: 3 }), name }, 'test').close();
  writeFileSync(`${path}-wal`, 'stale');
}

describe('a new workbook over a file that is already there', () => {
  it('in the desktop app replaces it once the system dialog has asked, and opens the new, empty workbook', async () => {
    const back = startBack(tempFolder());
    const target = join(back.dataDir, 'workbooks', 'Old plan.tandem');
    existingWorkbook(target, 'Old plan');
    back.session.nativeDialogs = saveDialogAnswering(target);
    const info = await back.call('workbook/create-chosen', { name: 'Fresh plan', sample: false, calendar });
    expect(info?.path).toBe(target);
    expect((await back.call('sheet/get-sheet', {})).lines).toEqual([]);
    back.stop();
    const reopened = WorkbookStore.open(target);
    expect(reopened.info().name).toBe('Fresh plan');
    reopened.close();
    expect(readdirSync(join(back.dataDir, 'workbooks')).filter((name) => name.includes('.creating-'))).toEqual([]);
  });

  it('in the browser host is refused naming the file unless Tandem’s own dialog says the user agreed', async () => {
    const back = startBack(tempFolder());
    const target = join(back.dataDir, 'workbooks', 'Old plan.tandem');
    existingWorkbook(target, 'Old plan');
    const before = fileHash(target);
    const session = (await back.call('workbook/get-session', {})).current;
    const error = await rejection(back.call('workbook/create-file', { path: target, name: 'Fresh plan', sample: false, calendar }));
    expect(error.code).toBe('already-exists');
    expect(error.message).toContain(target);
    expect(fileHash(target)).toBe(before);
    expect((await back.call('workbook/get-session', {})).current).toEqual(session);

    const info = await back.call('workbook/create-file', { path: target, name: 'Fresh plan', sample: false, calendar, replace: true });
    expect(info.name).toBe('Fresh plan');
    expect((await back.call('sheet/get-sheet', {})).lines).toEqual([]);
    back.stop();
  });

  it('replaces the workbook open at that path, which the new one then takes the place of', async () => {
    const back = startBack(tempFolder());
    const open = (await back.call('workbook/get-session', {})).current;
    if (open === null) throw new Error('The back opened no workbook.');
    const info = await back.call('workbook/create-file', { path: open.path, name: 'Fresh plan', sample: false, calendar, replace: true });
    expect(info).toMatchObject({ path: open.path, name: 'Fresh plan' });
    // A write in the new workbook must survive the old one's connection closing.
    const sheet = await back.call('sheet/get-sheet', {});
    await back.call('sheet/add-line', { departmentId: sheet.departments[0]?.id ?? 0, accountId: sheet.accounts[0]?.id ?? 0, description: 'First line' });
    // Its journal is still there: a crash now would lose nothing.
    expect(existsSync(`${open.path}-wal`)).toBe(true);
    back.stop();
    const reopened = WorkbookStore.open(open.path);
    expect(reopened.info().name).toBe('Fresh plan');
    reopened.close();
    const again = startBack(back.dataDir);
    expect((await again.call('sheet/get-sheet', {})).lines.map((line) => line.description)).toEqual(['First line']);
    again.stop();
  });
});

describe('save as over a file, from Tandem’s own dialog in the browser host', () => {
  it('replaces the file once the user agreed in the dialog, and continues in the copy', async () => {
    const back = startBack(tempFolder());
    const target = join(back.dataDir, 'workbooks', 'Old plan.tandem');
    existingWorkbook(target, 'Old plan');
    const name = (await back.call('workbook/get-session', {})).current?.name;
    const info = await back.call('workbook/save-as', { path: target, replace: true });
    expect(info).toMatchObject({ path: target, name });
    back.stop();
    const reopened = WorkbookStore.open(target);
    expect(reopened.info().name).toBe(name);
    reopened.close();
  });
});
