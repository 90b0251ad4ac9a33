import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../../../electron/store/migrations/registry';
import { oldWorkbook } from '../../../../helpers/old-workbook';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('migration 2: edit history', () => {
  it('upgrades a version 1 workbook on open, keeping its data, and makes its edits undoable', () => {
    const path = join(tempFolder(), 'old.tandem');
    oldWorkbook(path, 1);
    const store = WorkbookStore.open(path);
    const sheet = store.sheet(1);
    expect(sheet.workbook).toMatchObject({ name: 'Old budget', revision: 5 });
    expect(sheet.lines[0]?.values[0]).toBe('1250.5');
    expect(sheet.history).toEqual({ undo: null, redo: null });
    store.setCells(1, [{ lineId: 1, period: 0, value: '99' }], 'edit Customer visits, Jul 2026', 'test');
    expect(store.history().undo).toBe('edit Customer visits, Jul 2026');
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    raw.close();
  });
});
