import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { oldWorkbook } from '../../../../helpers/old-workbook';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('migration 8: approval and the audit trail', () => {
  it('upgrades a version 7 workbook: its version is a draft, older audit records stay, new ones list their changes', () => {
    const path = join(tempFolder(), 'v7.tandem');
    oldWorkbook(path, 7);
    const old = new Database(path);
    old.prepare("INSERT INTO audit_log (at, actor, action, detail) VALUES ('2026-06-02T00:00:00Z', 'old app', 'sheet/set-cells', '{}')").run();
    old.close();
    const store = WorkbookStore.open(path);
    expect(store.version(1)).toMatchObject({ status: 'draft', events: [] });
    store.setCells(1, [{ lineId: 1, period: 0, value: '99' }], 'edit one cell', 'test');
    expect(store.audit({ lineId: 1, period: 0 }).entries.map((entry) => [entry.before, entry.after, entry.label])).toEqual([['1250.5', '99', 'edit one cell']]);
    // The old record is still in the trail, named by its action.
    expect(store.audit({ actor: 'old app' }).entries.map((entry) => [entry.kind, entry.subject])).toEqual([['value', 'sheet/set-cells (recorded before the detailed trail; its detail stays in the file)']]);
    store.setVersionStatus(1, 'submit', '', 'test');
    store.setVersionStatus(1, 'approve', '', 'test');
    expect(() => store.setCells(1, [{ lineId: 1, period: 0, value: '1' }], 'edit', 'test')).toThrow(/approved by test/);
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(4);
    db.close();
  });
});
