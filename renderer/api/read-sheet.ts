import type { SheetModel } from '../../shared/domain/workbook';
import { expandSheet, type CompactSheet } from '../../shared/sheet/compact-sheet';
import { api } from './client';

/** A version's sheet (null: the workbook's first), read in its compact form and expanded into the model views build from. */
export async function readSheet(versionId: number | null): Promise<SheetModel> {
  return expandSheet(await api.call('sheet/read-sheet', { versionId }));
}

let firstRead: Promise<CompactSheet> | null = null;

/**
 * Asks for the open workbook's first sheet as soon as the page runs, before the app's code has
 * loaded: the back reads it while the browser parses the bundle. The first load takes it.
 */
export function startFirstRead(): void {
  firstRead = api.call('sheet/read-sheet', { versionId: null });
  // With no workbook open the read fails: the first load then reads as usual (or nothing is shown).
  firstRead.catch(() => undefined);
}

/** The read started with the page, once (null when there is none or it was taken or dropped). */
export function takeFirstRead(): Promise<SheetModel> | null {
  const read = firstRead;
  firstRead = null;
  return read === null ? null : read.then(expandSheet);
}

/** Drops the read started with the page: after start-up, another file or version may be open. */
export function dropFirstRead(): void {
  firstRead = null;
}
