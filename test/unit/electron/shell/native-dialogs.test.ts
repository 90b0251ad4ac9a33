import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNativeDialogs, WORKBOOK_FILTERS, type SaveDialogOptions } from '../../../../electron/shell/native-dialogs';
import { useTempFolder } from '../../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** A Save dialog answering with each of `answers` in turn (null: Cancel), keeping what it was asked. */
function saveDialog(...answers: (string | null)[]) {
  const asked: SaveDialogOptions[] = [];
  const dialogs = createNativeDialogs({
    showOpen: () => Promise.resolve({ canceled: true, filePaths: [] }),
    showSave: (options) => {
      asked.push(options);
      const answer = answers.shift() ?? null;
      return Promise.resolve(answer === null ? { canceled: true } : { canceled: false, filePath: answer });
    },
  });
  return { dialogs, asked };
}

describe('the system Save dialog', () => {
  it('asks again when the name typed, once given its extension, is a file the dialog never offered to replace', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'Plan.tandem'), 'a workbook');
    const { dialogs, asked } = saveDialog(join(folder, 'Plan'), join(folder, 'Plan.tandem'));
    expect(await dialogs.chooseSave(join(folder, 'Copy.tandem'), WORKBOOK_FILTERS)).toBe(join(folder, 'Plan.tandem'));
    expect(asked.map((options) => options.defaultPath)).toEqual([join(folder, 'Copy.tandem'), join(folder, 'Plan.tandem')]);
    expect(asked[0]?.properties).toContain('showOverwriteConfirmation');
  });

  it('takes a new name at once, with its extension, and nothing when cancelled the second time', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'Plan.tandem'), 'a workbook');
    expect(await saveDialog(join(folder, 'Fresh')).dialogs.chooseSave(join(folder, 'Copy.tandem'), WORKBOOK_FILTERS)).toBe(join(folder, 'Fresh.tandem'));
    const cancelled = saveDialog(join(folder, 'Plan'), null);
    expect(await cancelled.dialogs.chooseSave(join(folder, 'Copy.tandem'), WORKBOOK_FILTERS)).toBeNull();
    expect(cancelled.asked).toHaveLength(2);
  });
});
