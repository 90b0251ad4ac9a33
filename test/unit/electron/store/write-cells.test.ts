import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCells, type CellWrite } from '../../../../electron/store/edit-steps';
import { WorkbookStore } from '../../../../electron/store/workbook-store';
import { oldWorkbook } from '../../../helpers/old-workbook';
import { useTempFolder } from '../../../helpers/temp-folder';
import { LATEST_SCHEMA_VERSION } from '../../../../electron/store/migrations/registry';

const tempFolder = useTempFolder();

describe('writing many cells at once', () => {
  it('writes each cell once, its last write winning, over more than one statement', () => {
    const path = join(tempFolder(), 'cells.tandem');
    oldWorkbook(path, LATEST_SCHEMA_VERSION);
    const store = WorkbookStore.open(path);
    const db = store.database;
    // 250 months of line 1: two full statements and a remainder; then month 0 cleared and month 3 set twice.
    const writes: CellWrite[] = Array.from({ length: 250 }, (_cell, period) => ({ lineId: 1, versionId: 1, period, value: `${period}.5` }));
    writes.push({ lineId: 1, versionId: 1, period: 0, value: null }, { lineId: 1, versionId: 1, period: 3, value: '-7' });
    db.transaction(() => writeCells(db, writes))();
    const stored = new Map(db.prepare<[], [number, string]>('SELECT period, amount FROM cell_values WHERE line_id = 1 AND version_id = 1').raw(true).all());
    expect(stored.size).toBe(249);
    expect(stored.has(0)).toBe(false);
    expect(stored.get(3)).toBe('-7');
    expect(stored.get(249)).toBe('249.5');
    store.close();
  });
});
