import { buildSheetView, regroup, type SheetView } from '../../shared/sheet/sheet-view';
import { api } from '../api/client';
import { useSheetStore } from './sheet-store';

/**
 * The one model of the sheet of each version the dashboard and the compare view read, without
 * reading what is already here: the version the sheet shows is the sheet's own model, and a
 * version read before is kept for as long as the back says nothing it holds has changed since
 * (an edit of another version's cells leaves it as it was). Anything else is read again.
 */

interface KeptView {
  /** the back's mark of the workbook when this view was read: what the next check is made against */
  mark: string;
  view: SheetView;
}

/** A few versions at most (the dashboard's three and a compared one); each is a whole sheet model. */
const MOST_KEPT = 4;
const kept = new Map<number, KeptView>();

/** Forgets every version read: the next read reads them all again. */
export function forgetVersionViews(): void {
  kept.clear();
}

/** Grouped by department with nothing collapsed, as the dashboard's charts, the KPIs and the compare view read it. */
function asRead(view: SheetView): SheetView {
  return view.display.grouping === 'department' && view.display.collapsed.size === 0 ? view : regroup(view, 'department', new Set());
}

/**
 * The sheet's own model of a version when it shows that version at this revision with nothing on
 * its way: no read, no build.
 */
function sheetViewOf(versionId: number, revision: number): SheetView | null {
  const sheet = useSheetStore.getState();
  const view = sheet.view;
  if (view === null || view.model.version.id !== versionId || sheet.revision !== revision || sheet.pendingWrites > 0) return null;
  return asRead(view);
}

function keep(versionId: number, entry: KeptView): void {
  kept.delete(versionId);
  kept.set(versionId, entry);
  for (const oldest of kept.keys()) {
    if (kept.size <= MOST_KEPT) break;
    kept.delete(oldest);
  }
}

/**
 * The model of each version, by id, as the workbook is at `revision`: the sheet's own, a kept
 * one the back says is unchanged, or read and built now. Run it in the app's write queue
 * (`enqueue`), so no write of this window lands between the check and the reads.
 */
export async function readVersionViews(versionIds: readonly number[], revision: number): Promise<Map<number, SheetView>> {
  const views = new Map<number, SheetView>();
  const wanted: number[] = [];
  for (const versionId of new Set(versionIds)) {
    const shown = sheetViewOf(versionId, revision);
    if (shown === null) wanted.push(versionId);
    else views.set(versionId, shown);
  }
  if (wanted.length === 0) return views;
  const check = await api.call('compare/changed-versions', { versions: wanted.map((versionId) => ({ versionId, mark: kept.get(versionId)?.mark ?? null })) });
  const changed = new Set(check.changed);
  const reads = await Promise.all(
    wanted.map(async (versionId) => {
      const known = kept.get(versionId);
      if (known !== undefined && !changed.has(versionId)) return { versionId, view: known.view, read: false };
      return { versionId, view: buildSheetView(await api.call('sheet/get-sheet', { versionId })), read: true };
    }),
  );
  for (const { versionId, view, read } of reads) {
    views.set(versionId, view);
    // Kept only when read at the revision the mark stands for: nothing was written in between.
    if (!read || view.model.workbook.revision === check.revision) keep(versionId, { mark: check.mark, view });
    else kept.delete(versionId);
  }
  return views;
}
