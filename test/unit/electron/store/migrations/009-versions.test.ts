import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VersionStore } from '../../../../../electron/store/version-store';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { oldWorkbook } from '../../../../helpers/old-workbook';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('migration 9: versions with an owner, an origin and a deletion mark', () => {
  it('upgrades a version 8 workbook: its budget is listed with no owner or origin, and can be copied and deleted', () => {
    const path = join(tempFolder(), 'v8.tandem');
    oldWorkbook(path, 8);
    const store = WorkbookStore.open(path);
    expect(store.versions()).toEqual([{ id: 1, name: 'Budget FY2026/27', kind: 'budget', status: 'draft', owner: '', basedOn: null, createdAt: '2026-06-01T00:00:00Z', closedThrough: null }]);
    expect(store.actualsThrough()).toBeNull();
    const copy = new VersionStore(store).create({ name: 'Forecast', kind: 'budget', copyFrom: 1 }, 'test');
    expect(store.sheet(copy.version.id).lines[0]?.values[0]).toBe('1250.5');
    new VersionStore(store).delete(1, 'test');
    expect(store.versions().map((version) => version.name)).toEqual(['Forecast']);
    store.close();
    const db = new Database(path, { readonly: true });
    // The deleted budget keeps its row and value, set aside, so the deletion can be undone.
    expect(db.prepare('SELECT name, deleted_at IS NOT NULL AS deleted FROM versions WHERE id = 1').get()).toEqual({ name: '~deleted~1~Budget FY2026/27', deleted: 1 });
    expect(db.prepare('SELECT COUNT(*) FROM cell_values WHERE version_id = 1').pluck().get()).toBe(1);
    db.close();
  });
});
