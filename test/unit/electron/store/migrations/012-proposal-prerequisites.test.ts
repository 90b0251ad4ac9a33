import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../../../electron/store/migrations/registry';
import { ProposalStore } from '../../../../../electron/store/proposal-store';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { oldWorkbook } from '../../../../helpers/old-workbook';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('migration 12: a proposal may have several prerequisites', () => {
  it('upgrades a version 11 workbook: each proposal’s one prerequisite becomes its first, and a second can be added', () => {
    const path = join(tempFolder(), 'v11.tandem');
    oldWorkbook(path, 11);
    const raw = new Database(path);
    raw.exec(`
      INSERT INTO proposals (id, title, sort_order) VALUES (1, 'ERP upgrade', 1), (2, 'Data warehouse', 2), (3, 'Shop-floor tablets', 3), (4, 'Odd one', 4);
      UPDATE proposals SET depends_on = 1 WHERE id IN (2, 3);
      -- an old file could hold a proposal naming itself: it is dropped, not carried over
      UPDATE proposals SET depends_on = 4 WHERE id = 4;
    `);
    raw.close();

    const store = WorkbookStore.open(path);
    const proposals = new ProposalStore(store);
    const prerequisites = () => Object.fromEntries(proposals.portfolio().proposals.map((proposal) => [proposal.title, proposal.prerequisites]));
    expect(prerequisites()).toEqual({ 'ERP upgrade': [], 'Data warehouse': [1], 'Shop-floor tablets': [1], 'Odd one': [] });
    proposals.update(3, { prerequisites: [1, 2] }, 'test');
    expect(prerequisites()['Shop-floor tablets']).toEqual([1, 2]);
    store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // The old column stays for old undo steps, emptied: nothing reads it any more.
    expect(db.prepare('SELECT COUNT(*) FROM proposals WHERE depends_on IS NOT NULL').pluck().get()).toBe(0);
    db.close();
  });
});
