import type Database from 'better-sqlite3';
import type { Migration } from './migration';
import { MIGRATIONS } from './registry';

/** Brings a writable workbook to the latest schema in one transaction: all steps or none. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return db.pragma('user_version', { simple: true }) as number;
}
