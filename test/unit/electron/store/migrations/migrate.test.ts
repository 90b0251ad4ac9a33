import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TANDEM_APPLICATION_ID } from '../../../../../electron/store/migrations/001-initial-schema';
import { migrate } from '../../../../../electron/store/migrations/migrate';
import type { Migration } from '../../../../../electron/store/migrations/migration';
import { checkRegistry, LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../../electron/store/migrations/registry';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

function tables(db: Database.Database): string[] {
  return db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((row) => row.name);
}

describe('schema migrations', () => {
  it('the registry is ordered 1, 2, 3… and refuses gaps or repeats', () => {
    expect(() => checkRegistry(MIGRATIONS)).not.toThrow();
    const step = (version: number): Migration => ({ version, description: `step ${version}`, up: () => undefined });
    expect(() => checkRegistry([step(1), step(3)])).toThrow(/expected 2/);
    expect(() => checkRegistry([step(1), step(1)])).toThrow(/expected 2/);
  });

  it('version 1 turns an empty file into a Tandem workbook', () => {
    const db = new Database(join(tempFolder(), 'new.tandem'));
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(TANDEM_APPLICATION_ID);
    expect(tables(db)).toEqual(['accounts', 'audit_log', 'budget_lines', 'cell_values', 'departments', 'versions', 'workbook_settings']);
    // Amounts are text: a REAL would lose cents.
    const amountColumn = db.prepare<[], { name: string; type: string }>('PRAGMA table_info(cell_values)').all().find((column) => column.name === 'amount');
    expect(amountColumn?.type).toBe('TEXT');
    db.close();
  });

  it('running the migrations again changes nothing', () => {
    const db = new Database(join(tempFolder(), 'twice.tandem'));
    migrate(db);
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('an upgrade that fails half-way leaves the file at its old version, with none of its changes', () => {
    const db = new Database(join(tempFolder(), 'failing.tandem'));
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: 'fails after creating a table',
      up(target) {
        target.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('disk full');
      },
    };
    migrate(db);
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });
});
