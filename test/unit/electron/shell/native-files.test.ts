import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FileFilter, NativeDialogs } from '../../../../electron/app/back-session';
import { createNativeDialogs, withExtension, type OpenDialogOptions, type SaveDialogOptions } from '../../../../electron/shell/native-dialogs';
import type { ApiEvent } from '../../../../shared/api/contract';
import { startBack } from '../../../helpers/back';
import { rejection } from '../../../helpers/rejection';
import { useTempFolder } from '../../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** The system dialogs as a user answers them: the next path chosen, or null for Cancel. */
function answering(...answers: (string | null)[]) {
  const asked: { kind: 'open' | 'save'; path?: string; filters?: FileFilter[] }[] = [];
  const dialogs: NativeDialogs = {
    chooseOpen: (folder) => {
      asked.push({ kind: 'open', ...(folder === undefined ? {} : { path: folder }) });
      return Promise.resolve(answers.shift() ?? null);
    },
    chooseSave: (path, filters) => {
      asked.push({ kind: 'save', path, filters });
      return Promise.resolve(answers.shift() ?? null);
    },
  };
  return { dialogs, asked };
}

describe('native files through the API', () => {
  it('says in the browser host that there are no system dialogs, with a clear error, and capabilities say so first', async () => {
    const back = startBack(tempFolder());
    expect(await back.call('app/capabilities', {})).toEqual({ nativeDialogs: false });
    const error = await rejection(back.call('workbook/open-chosen', {}));
    expect(error.message).toMatch(/only in the desktop app/);
    back.stop();
  });

  it('opens the workbook chosen in the Open dialog, which starts in the open file’s folder; Cancel changes nothing', async () => {
    const back = startBack(tempFolder());
    const sample = back.session.state().current?.path ?? '';
    const other = await back.call('workbook/create-file', { path: 'Other', name: 'Other', sample: false });
    await back.call('workbook/open-file', { path: sample });
    const { dialogs, asked } = answering(other.path, null);
    back.session.nativeDialogs = dialogs;
    expect(await back.call('app/capabilities', {})).toEqual({ nativeDialogs: true });
    expect((await back.call('workbook/open-chosen', {}))?.path).toBe(other.path);
    expect(asked[0]).toEqual({ kind: 'open', path: join(back.dataDir, 'workbooks') });
    expect(await back.call('workbook/open-chosen', {})).toBeNull();
    expect(back.session.state().current?.path).toBe(other.path);
    back.stop();
  });

  it('saves a copy where the Save dialog says, suggesting “name copy.tandem” beside the open file', async () => {
    const back = startBack(tempFolder());
    const target = join(back.dataDir, 'elsewhere', 'Copy of sample.tandem');
    const { dialogs, asked } = answering(target);
    back.session.nativeDialogs = dialogs;
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(back.dataDir, 'elsewhere'));
    const info = await back.call('workbook/save-as-chosen', {});
    expect(info?.path).toBe(target);
    expect(existsSync(target)).toBe(true);
    expect(asked[0]?.path).toMatch(/workbooks[\\/].+ copy\.tandem$/);
    expect(asked[0]?.filters).toEqual([{ name: 'Tandem workbooks', extensions: ['tandem'] }]);
    back.stop();
  });

  it('creates a new workbook where the Save dialog says, and nothing when cancelled', async () => {
    const back = startBack(tempFolder());
    const target = join(back.dataDir, 'workbooks', 'Ops FY2027.tandem');
    const { dialogs, asked } = answering(null, target);
    back.session.nativeDialogs = dialogs;
    expect(await back.call('workbook/create-chosen', { name: 'Ops: FY2027', sample: false })).toBeNull();
    const info = await back.call('workbook/create-chosen', { name: 'Ops: FY2027', sample: false, calendar: { startYear: 2027, startMonth: 4, periodCount: 12 } });
    expect(info).toMatchObject({ path: target, name: 'Ops: FY2027' });
    expect(asked[0]?.path).toBe(join(back.dataDir, 'workbooks', 'Ops- FY2027.tandem'));
    back.stop();
  });

  it('asks where an export goes, in the exports folder with the format’s filter', async () => {
    const back = startBack(tempFolder());
    const { dialogs, asked } = answering('/tmp/somewhere/Budget.xlsx', null);
    back.session.nativeDialogs = dialogs;
    expect(await back.call('app/choose-export-path', { defaultName: 'Harbor / FY2027', format: 'xlsx' })).toEqual({ path: '/tmp/somewhere/Budget.xlsx' });
    expect(asked[0]).toEqual({ kind: 'save', path: join(back.dataDir, 'workbooks', 'Exports', 'Harbor - FY2027.xlsx'), filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] });
    expect(await back.call('app/choose-export-path', { defaultName: 'x', format: 'csv' })).toBeNull();
    back.stop();
  });

  it('opens a workbook from outside, tells the window the session changed, and notes it as a recent document', async () => {
    const back = startBack(tempFolder());
    const other = await back.call('workbook/create-file', { path: 'Other', name: 'Other', sample: false });
    await back.call('workbook/open-sample', {});
    const events: ApiEvent[] = [];
    back.session.onEvent((event) => events.push(event));
    const opened = vi.fn();
    back.session.onOpened = opened;
    back.session.openFromOutside(other.path);
    expect(back.session.state().current?.path).toBe(other.path);
    expect(events).toContainEqual({ name: 'workbook/session-changed', payload: { path: other.path } });
    expect(opened).toHaveBeenCalledWith(other.path);
    back.stop();
  });

  it('starts up on the workbook it was launched with instead of the last one, and says why when it cannot', async () => {
    const folder = tempFolder();
    const first = startBack(folder);
    const other = await first.call('workbook/create-file', { path: 'Other', name: 'Other', sample: false });
    await first.call('workbook/open-sample', {});
    first.stop();
    const second = startBack(folder, { startUp: false });
    expect(second.session.startUp(other.path)).toBeNull();
    expect(second.session.state().current?.path).toBe(other.path);
    second.stop();
    const third = startBack(folder, { startUp: false });
    expect(third.session.startUp(join(folder, 'missing.tandem'))).toMatch(/.+/);
    expect(third.session.state().current?.path).toBe(other.path);
    third.stop();
  });
});

describe('the system dialogs as the back sees them', () => {
  it('answer the chosen path, or null when cancelled', async () => {
    const opens: OpenDialogOptions[] = [];
    const saves: SaveDialogOptions[] = [];
    const dialogs = createNativeDialogs({
      showOpen: (options) => {
        opens.push(options);
        return Promise.resolve(opens.length === 1 ? { canceled: false, filePaths: ['/w/Budget.tandem'] } : { canceled: true, filePaths: [] });
      },
      showSave: (options) => {
        saves.push(options);
        return Promise.resolve(saves.length === 1 ? { canceled: false, filePath: '/w/New' } : { canceled: true, filePath: '' });
      },
    });
    expect(await dialogs.chooseOpen('/w')).toBe('/w/Budget.tandem');
    expect(await dialogs.chooseOpen()).toBeNull();
    expect(opens[0]).toMatchObject({ defaultPath: '/w', filters: [{ name: 'Tandem workbooks', extensions: ['tandem'] }], properties: ['openFile'] });
    expect(await dialogs.chooseSave('/w/x.tandem', [{ name: 'Tandem workbooks', extensions: ['tandem'] }])).toBe('/w/New.tandem');
    expect(await dialogs.chooseSave('/w/x.tandem', [{ name: 'Tandem workbooks', extensions: ['tandem'] }])).toBeNull();
  });

  it('add the extension a GTK dialog leaves off, and keep one that is there in any case', () => {
    const csv = [{ name: 'CSV', extensions: ['csv'] }];
    expect(withExtension('/a/b', csv)).toBe('/a/b.csv');
    expect(withExtension('/a/b.CSV', csv)).toBe('/a/b.CSV');
    expect(withExtension('/a/b.v2', csv)).toBe('/a/b.v2.csv');
  });
});
