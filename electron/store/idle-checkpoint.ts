import type Database from 'better-sqlite3';

/** How long the back waits after a write, with no other write, before folding the WAL into the file. */
export const CHECKPOINT_IDLE_MS = 500;

/**
 * SQLite's own threshold, in pages of WAL, past which a commit folds the WAL into the file
 * itself: a safety net for writes that never pause (16 MB at 4 KiB pages), far above what one
 * write adds (a 1,000 x 12 paste writes about 500 pages).
 */
export const WAL_AUTOCHECKPOINT_PAGES = 4000;

/**
 * Folds the WAL into the workbook file once the back is idle, instead of inside a write's
 * commit. With SQLite's default threshold of 1,000 pages, every second 1,000 x 12 paste paid
 * for the checkpoint (copying the WAL's pages and an fsync of the file) before its answer. A
 * checkpoint changes nothing a reader sees and is safe to interrupt, so durability is the
 * commit's, as before. Each write pushes the fold back; a busy file is folded by SQLite's own
 * threshold.
 */
export class IdleCheckpoint {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly idleMs = CHECKPOINT_IDLE_MS,
  ) {}

  /** Called after each committed write. */
  afterWrite(): void {
    this.cancel();
    this.timer = setTimeout(() => this.fold(), this.idleMs);
    // A pending fold never keeps the process alive: closing the file folds everything anyway.
    this.timer.unref?.();
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private fold(): void {
    this.timer = null;
    if (!this.db.open || this.db.inTransaction) return;
    try {
      // PASSIVE: never waits for a reader; what it cannot fold now is folded next time.
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A busy or failing checkpoint loses nothing (the WAL holds every commit); the next one retries.
    }
  }
}
