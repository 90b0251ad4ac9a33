import type Database from 'better-sqlite3';

/**
 * What changes when the file does: the rows this connection changed so far and SQLite's count of
 * other connections' commits. Reads leave both alone; any write, undo, import or migration moves one.
 */
export function changeMarkOf(db: Database.Database): string {
  const changes = db.prepare<[], { changes: number }>('SELECT total_changes() AS changes').get()?.changes ?? 0;
  return `${changes}:${String(db.pragma('data_version', { simple: true }))}`;
}

/** Freezes a value read from the file and everything in it, so an answer kept for later is the answer read. */
export function deepFreeze<Value>(value: Value): Value {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

/**
 * The last sheet answer read, kept (frozen) until the file changes: opening the app again, or
 * reloading the page, gets the sheet without reading 360,000 cells again (about 100 ms for 10,000
 * lines x 36 months), and the transport can keep its text too (see the HTTP host). One answer
 * only: a second version read replaces it, so memory stays that of one sheet.
 */
export class SheetAnswerCache<Answer> {
  private kept: { versionId: number; mark: string; answer: Answer } | null = null;

  answer(versionId: number, mark: string, read: () => Answer): Answer {
    if (this.kept !== null && this.kept.versionId === versionId && this.kept.mark === mark) return this.kept.answer;
    this.kept = null;
    const answer = deepFreeze(read());
    this.kept = { versionId, mark, answer };
    return answer;
  }

  forget(): void {
    this.kept = null;
  }
}
