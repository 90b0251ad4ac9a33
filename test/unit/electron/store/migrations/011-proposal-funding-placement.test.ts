import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../../../electron/store/migrations/registry';
import { ProposalStore } from '../../../../../electron/store/proposal-store';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { oldWorkbook } from '../../../../helpers/old-workbook';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('migration 11: proposals remember where their funding goes', () => {
  it('upgrades a version 10 workbook: its proposals remember nothing yet and fund to the first accounts over whole years', () => {
    const path = join(tempFolder(), 'v10.tandem');
    oldWorkbook(path, 10);
    const raw = new Database(path);
    raw.exec(`
      INSERT INTO accounts (id, code, name, type, sort_order) VALUES (2, '1500', 'Equipment', 'capex', 2);
      INSERT INTO proposals (id, title, department_id, sort_order) VALUES (1, 'Forklift', 1, 1);
      INSERT INTO proposal_flows (proposal_id, kind, year, amount) VALUES (1, 'capex', 0, '1200'), (1, 'opex', 0, '120');
    `);
    raw.close();

    const store = WorkbookStore.open(path);
    const proposals = new ProposalStore(store);
    expect(proposals.fundingOptions(1)).toMatchObject({ remembered: false, placement: { capitalAccountId: 2, operatingAccountId: 1, capitalMonths: { from: 0, to: 11 } } });
    proposals.decide(1, 'funded', 'Needed', 'test');
    const funded = store.sheet(1).lines.filter((line) => line.proposalId === 1);
    expect(funded.map((line) => [line.description, line.accountId, line.values.filter((value) => value !== null).length]).sort()).toEqual([
      ['Forklift (capital)', 2, 12],
      ['Forklift (operating)', 1, 12],
    ]);
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT funding FROM proposals WHERE id = 1').pluck().get()).toBeNull();
    db.close();
  });
});
