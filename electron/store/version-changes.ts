import type { WorkbookStore } from './workbook-store';

/**
 * Which versions' sheet models may have changed since a view of them was read, from the audit
 * trail: every write bumps the revision and writes exactly one audit record with the changes it
 * made, so the records since a revision say what moved. A version is unchanged only when every
 * record since then changed nothing but other versions' cells (or things no sheet model holds:
 * KPIs, goals' names, variance comments). Anything else, or anything it cannot tell, counts as
 * a change of every version: a view kept by mistake would show stale figures; one read again
 * only costs time.
 */

/** Writes whose settings and comments no version's sheet model holds: a KPI and its values, a goal's name, a comment on a variance. */
const OUTSIDE_THE_SHEET = new Set(['kpi/create', 'kpi/update', 'kpi/delete', 'kpi/enter-value', 'goal/create', 'goal/update', 'compare/add-comment', 'compare/delete-comment']);
const KINDS_OUTSIDE_THE_SHEET = new Set(['setting', 'comment']);

/** Past this many records or changes the trail is not read: so much was written that the versions are read again. */
const MOST_RECORDS = 1_000;
const MOST_CHANGES = 100_000;

/** Where the workbook stands: which file, its revision, and its newest audit record (which names the history, not just its length). */
interface Mark {
  workbookId: string;
  revision: number;
  auditId: number;
  at: string;
}

export interface VersionChanges {
  /** the workbook as it is now, to hand back with the next check of a view read now */
  mark: string;
  /** the revision the mark stands for: a view read at this revision may be kept with it */
  revision: number;
  /** the versions asked about whose model may differ from what it was at their mark */
  changed: number[];
}

function markOf(store: WorkbookStore): Mark {
  const newest = store.database.prepare<[], { id: number; at: string }>('SELECT id, at FROM audit_log ORDER BY id DESC LIMIT 1').get();
  return { workbookId: store.settingOrNull('workbook_id') ?? '', revision: store.info().revision, auditId: newest?.id ?? 0, at: newest?.at ?? '' };
}

const markText = (mark: Mark) => JSON.stringify([mark.workbookId, mark.revision, mark.auditId, mark.at]);

function parseMark(text: string): Mark | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed) || parsed.length !== 4) return null;
    const [workbookId, revision, auditId, at] = parsed as unknown[];
    if (typeof workbookId !== 'string' || typeof at !== 'string' || !Number.isSafeInteger(revision) || !Number.isSafeInteger(auditId)) return null;
    return { workbookId, revision: revision as number, auditId: auditId as number, at };
  } catch {
    return null;
  }
}

/**
 * The versions written since `then`: a set of ids, or 'all' when a record may have changed every
 * version (a line, a formula, a setting, a status, a comment on the sheet...) or cannot be read.
 */
function versionsWrittenSince(store: WorkbookStore, then: Mark, now: Mark): Set<number> | 'all' {
  const records = now.revision - then.revision;
  // The same file, one record per revision since the mark, and the marked record still there as it was.
  if (now.workbookId !== then.workbookId || records < 0 || records > MOST_RECORDS || now.auditId - then.auditId !== records) return 'all';
  const db = store.database;
  if (db.prepare<[number], string>('SELECT at FROM audit_log WHERE id = ?').pluck().get(then.auditId) !== then.at) return 'all';
  if (records === 0) return new Set();
  const actions = new Map(db.prepare<[number], [number, string]>('SELECT id, action FROM audit_log WHERE id > ?').raw(true).all(then.auditId));
  const recorded = new Set<number>();
  const written = new Set<number>();
  let read = 0;
  // Newest first by row id (the trail is written in order, no index needed): stop at the first older record.
  // A row may hold a run of one line's cells (migration 13): it counts as that many changes, all of its kind and version.
  const changes = db.prepare<[], [number, string, number | null, number | null]>('SELECT audit_id, kind, version_id, cell_count FROM audit_changes ORDER BY id DESC').raw(true);
  for (const [auditId, kind, versionId, cellCount] of changes.iterate()) {
    if (auditId <= then.auditId) break;
    read += cellCount ?? 1;
    if (read > MOST_CHANGES) return 'all';
    recorded.add(auditId);
    if (OUTSIDE_THE_SHEET.has(actions.get(auditId) ?? '') && KINDS_OUTSIDE_THE_SHEET.has(kind)) continue;
    if (kind !== 'value' || versionId === null) return 'all';
    written.add(versionId);
  }
  // A record with no change listed says nothing of what it did, unless its kind of write touches no sheet.
  for (const [auditId, action] of actions) if (!recorded.has(auditId) && !OUTSIDE_THE_SHEET.has(action)) return 'all';
  return written;
}

/**
 * Of `versions` (each with the mark it was read at, null: never read), those whose sheet model
 * may have changed since. A version depends on its own cells and, through the latest estimate's
 * closed months and last year's figures, on the actuals': a write to any actuals changes all.
 */
export function versionChangesSince(store: WorkbookStore, versions: readonly { versionId: number; mark: string | null }[]): VersionChanges {
  const now = markOf(store);
  const live = new Set(store.versions().map((version) => version.id));
  const actuals = new Set(store.database.prepare<[], number>("SELECT id FROM versions WHERE kind = 'actuals'").pluck().all());
  const writtenSince = new Map<string, Set<number> | 'all'>();
  const changed = versions.filter(({ versionId, mark }) => {
    const then = mark === null ? null : parseMark(mark);
    if (mark === null || then === null || !live.has(versionId)) return true;
    let written = writtenSince.get(mark);
    if (written === undefined) writtenSince.set(mark, (written = versionsWrittenSince(store, then, now)));
    return written === 'all' || written.has(versionId) || [...written].some((id) => actuals.has(id));
  });
  return { mark: markText(now), revision: now.revision, changed: changed.map(({ versionId }) => versionId) };
}
