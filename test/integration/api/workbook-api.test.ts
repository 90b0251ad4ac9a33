import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBack } from '../../helpers/back';
import { fileHash } from '../../helpers/file-hash';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();


describe('workbook files through the API', () => {
  it('creates a blank workbook in the workbooks folder, with the .tandem extension, and opens it', async () => {
    const back = startBack(tempFolder());
    const info = await back.call('workbook/create-file', { path: 'Ops 2027', name: 'Operations FY2027', sample: false });
    expect(info.path).toBe(join(back.dataDir, 'workbooks', 'Ops 2027.tandem'));
    expect(info.name).toBe('Operations FY2027');
    const sheet = await back.call('sheet/get-sheet', {});
    expect(sheet.lines).toEqual([]);
    expect(sheet.departments.length).toBeGreaterThan(0);
    expect((await back.call('workbook/get-session', {})).recent[0]?.path).toBe(info.path);
    back.stop();
  });

  it('a name with a dot still gets the .tandem extension', async () => {
    const back = startBack(tempFolder());
    const info = await back.call('workbook/create-file', { path: 'Budget v1.2', name: 'Budget v1.2', sample: false });
    expect(info.path).toBe(join(back.dataDir, 'workbooks', 'Budget v1.2.tandem'));
    back.stop();
  });

  it('refuses to create over an existing file', async () => {
    const back = startBack(tempFolder());
    const existing = join(back.dataDir, 'workbooks', 'Sample Company.tandem');
    const before = fileHash(existing);
    const error = await rejection(back.call('workbook/create-file', { path: existing, name: 'x', sample: false }));
    expect(error.code).toBe('already-exists');
    back.session.shutDown();
    expect(fileHash(existing)).toBe(before);
  });

  it('opening a file that is not a workbook keeps the current workbook open and the file untouched', async () => {
    const back = startBack(tempFolder());
    const notes = join(back.dataDir, 'notes.tandem');
    writeFileSync(notes, 'not a workbook');
    const notesHash = fileHash(notes);
    const before = await back.call('workbook/get-session', {});
    const error = await rejection(back.call('workbook/open-file', { path: notes }));
    expect(error.code).toBe('not-a-workbook');
    expect(error.where).toBe(notes);
    expect((await back.call('workbook/get-session', {})).current).toEqual(before.current);
    expect(fileHash(notes)).toBe(notesHash);
    back.stop();
  });

  it('save as copies the workbook, continues in the copy, and leaves the original as it was', async () => {
    const back = startBack(tempFolder());
    const original = (await back.call('workbook/get-session', {})).current;
    const lineId = (await back.call('sheet/get-sheet', {})).lines[0]?.id ?? 0;
    await back.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: '111' }], label: 'test edit' });
    const copy = await back.call('workbook/save-as', { path: 'Copy' });
    expect(copy.path).toBe(join(back.dataDir, 'workbooks', 'Copy.tandem'));
    await back.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: '222' }], label: 'test edit' });
    expect((await back.call('sheet/get-sheet', {})).lines[0]?.values[0]).toBe('222');
    await back.call('workbook/open-file', { path: original?.path ?? '' });
    expect((await back.call('sheet/get-sheet', {})).lines[0]?.values[0]).toBe('111');
    // No temporary files are left behind.
    expect(readdirSync(join(back.dataDir, 'workbooks')).filter((name) => name.includes('.saving-') || name.includes('.creating-'))).toEqual([]);
    back.stop();
  });

  it('lists workbook files and reopens the last one on the next start', async () => {
    const dataDir = tempFolder();
    const back = startBack(dataDir);
    await back.call('workbook/create-file', { path: 'Second', name: 'Second', sample: false });
    const files = await back.call('workbook/list-files', {});
    expect(files.map((file) => file.name).sort()).toEqual(['Sample Company', 'Second']);
    back.stop();
    const again = startBack(dataDir);
    expect((await again.call('workbook/get-session', {})).current?.name).toBe('Second');
    again.stop();
  });

  it('the sample is created once: a later start does not re-create it after it was closed', async () => {
    const dataDir = tempFolder();
    const back = startBack(dataDir);
    await back.call('workbook/close-file', {});
    back.stop();
    const again = startBack(dataDir);
    expect((await again.call('workbook/get-session', {})).current).toBeNull();
    const sample = await again.call('workbook/open-sample', {});
    expect(existsSync(sample.path)).toBe(true);
    again.stop();
  });
});
