import { seededSheet, type CompactSheet } from '../../shared/sheet/compact-sheet';
import type { SheetSeed } from '../../shared/sheet/sheet-seed';
import type { SheetModel } from '../../shared/domain/workbook';
import type { ApiResult } from '../../shared/api/contract';
import { api } from './client';

/** A sheet as read: the model views build from, and what the back computed from it (see SheetSeed). */
export interface SheetRead {
  model: SheetModel;
  seed: SheetSeed | null;
}

/** A version's sheet (null: the workbook's first), read in its compact form and expanded into the model views build from. */
export async function readSheet(versionId: number | null): Promise<SheetRead> {
  return seededSheet(await api.call('sheet/read-sheet', { versionId }));
}

let firstRead: Promise<CompactSheet> | null = null;
let firstSession: Promise<ApiResult<'workbook/get-session'>> | null = null;

/**
 * Asks for the open workbook's first sheet, and the session that says which workbook is open, as
 * soon as the page runs, before the app's code has loaded: the back answers while the browser
 * parses the bundle. The first load takes them.
 */
export function startFirstRead(): void {
  firstRead = api.call('sheet/read-sheet', { versionId: null });
  // With no workbook open the read fails: the first load then reads as usual (or nothing is shown).
  firstRead.catch(() => undefined);
  firstSession = api.call('workbook/get-session', {});
  firstSession.catch(() => undefined);
}

/** The session asked for with the page, once (null when it was taken or dropped: ask again). */
export function takeFirstSession(): Promise<ApiResult<'workbook/get-session'>> | null {
  const session = firstSession;
  firstSession = null;
  return session;
}

/** The read started with the page, once (null when there is none or it was taken or dropped). */
export function takeFirstRead(): Promise<SheetRead> | null {
  const read = firstRead;
  firstRead = null;
  return read === null ? null : read.then(seededSheet);
}

/** Drops the read started with the page: after start-up, another file or version may be open. */
export function dropFirstRead(): void {
  firstRead = null;
  firstSession = null;
}
