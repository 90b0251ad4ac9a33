import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { oldWorkbook } from '../../../../helpers/old-workbook';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('migration 4: comments', () => {
  it('upgrades a version 3 workbook, which then takes comments on lines and cells', () => {
    const path = join(tempFolder(), 'v3.tandem');
    oldWorkbook(path, 3);
    const store = WorkbookStore.open(path);
    expect(store.sheet(1).comments).toEqual([]);
    store.addComment(1, 1, null, 'Whole line', 'test');
    store.addComment(1, 1, 2, 'One month', 'test');
    expect(store.sheet(1).comments.map((comment) => [comment.period, comment.text])).toEqual([
      [null, 'Whole line'],
      [2, 'One month'],
    ]);
    store.close();
  });
});
