import type Database from 'better-sqlite3';

/** One forward-only schema step: run inside the upgrade's transaction, never edited once shipped. */
export interface Migration {
  /** the `PRAGMA user_version` the file has after this step */
  version: number;
  description: string;
  up(db: Database.Database): void;
}
