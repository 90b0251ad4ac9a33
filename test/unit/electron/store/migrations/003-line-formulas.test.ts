import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../../../electron/store/migrations/registry';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { oldWorkbook } from '../../../../helpers/old-workbook';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('migration 3: line formulas', () => {
  it('upgrades a version 2 workbook: its lines become input lines, and can take formulas', () => {
    const path = join(tempFolder(), 'v2.tandem');
    oldWorkbook(path, 2);
    const store = WorkbookStore.open(path);
    expect(store.sheet(1).lines[0]).toMatchObject({ description: 'Customer visits', formula: null, values: ['1250.5', null, null, null, null, null, null, null, null, null, null, null] });
    store.setFormula(1, 1, 'Headcount * 2', 'test');
    expect(store.sheet(1).lines[0]?.formula).toBe('Headcount * 2');
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    raw.close();
  });
});
