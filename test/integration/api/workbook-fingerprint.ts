import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BackSession } from '../../../electron/app/back-session';

/**
 * What a refused call must leave as it was: which workbook is open, its revision, the files in
 * the data folder and the app's settings. Cheap enough to take around every call; `contentOf`
 * says whether the rows are the same.
 */
export function stateOf(session: BackSession, dataDir: string): string {
  const current = session.state().current;
  const settingsFile = join(dataDir, 'settings.json');
  return JSON.stringify({
    workbook: current?.path ?? null,
    revision: current?.revision ?? null,
    user: session.settings.userNameOrNull,
    settings: existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : null,
    files: filesUnder(dataDir),
  });
}

/**
 * Rows the workbook's connection has written since it opened, rolled back ones included: when it
 * has not moved, the content has not either (and `contentOf` need not be taken again).
 */
export function rowsWrittenBy(session: BackSession): number | null {
  if (session.state().current === null) return null;
  return session.requireStore().database.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? null;
}

/** Every row of every table of the open workbook, hashed: its whole content. */
export function contentOf(session: BackSession): string {
  const database = session.requireStore().database;
  const hash = createHash('sha256');
  const tables = database.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  for (const { name } of tables) {
    hash.update(`table ${name}\n`);
    for (const row of database.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).iterate()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

/** Files in the folder and below, without SQLite's own journal files (their size moves with reads). */
function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/-(wal|shm|journal)$/.test(entry)) found.push(relative(folder, path));
    }
  };
  walk(folder);
  return found.sort();
}
