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

describe('save as over a file that is already there', () => {
  it('in the desktop app replaces it once the system dialog has asked, and continues in the copy', async () => {
    const back = startBack(tempFolder());
    const target = join(back.dataDir, 'workbooks', 'Old plan.tandem');
    WorkbookStore.create(target, { ...sampleWorkbookSeed({ lineCount: 3 }), name: 'Old plan' }, 'test').close();
    // A stale journal of the old file must not be read into the copy.
    writeFileSync(`${target}-wal`, 'stale');
    const lineId = (await back.call('sheet/get-sheet', {})).lines[0]?.id ?? 0;
    await back.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: '4321' }], label: 'test edit' });
    back.session.nativeDialogs = saveDialogAnswering(target);
    const info = await back.call('workbook/save-as-chosen', {});
    expect(info?.path).toBe(target);
    expect((await back.call('sheet/get-sheet', {})).lines[0]?.values[0]).toBe('4321');
    back.stop();
    const reopened = WorkbookStore.open(target);
    expect(reopened.info().name).not.toBe('Old plan');
    reopened.close();
    expect(readdirSync(join(back.dataDir, 'workbooks')).filter((name) => name.includes('.saving-'))).toEqual([]);
  });

  it('in the browser host (no system dialog to ask) is refused naming the file, which stays as it was', async () => {
    const back = startBack(tempFolder());
    const target = join(back.dataDir, 'workbooks', 'Old plan.tandem');
    WorkbookStore.create(target, { ...sampleWorkbookSeed({ lineCount: 3 }), name: 'Old plan' }, 'test').close();
    const before = fileHash(target);
    const session = (await back.call('workbook/get-session', {})).current;
    const error = await rejection(back.call('workbook/save-as', { path: target }));
    expect(error.code).toBe('already-exists');
    expect(error.message).toContain(target);
    expect(fileHash(target)).toBe(before);
    expect((await back.call('workbook/get-session', {})).current).toEqual(session);
    expect(existsSync(`${target}-wal`)).toBe(false);
    back.stop();
  });
});
