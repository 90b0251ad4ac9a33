import type { PatchReceipt, SheetPatch } from '../../shared/sheet/sheet-patch';
import { SheetPatchReader } from '../store/sheet-patch-reader';
import type { WorkbookStore } from '../store/workbook-store';
import type { HandlerContext } from './handler-context';

/**
 * Runs a structural write and answers with its receipt and the patch of the sheet of
 * `versionId` (the version the renderer shows; without it, no patch): the step the write recorded,
 * read back right after it, in the same synchronous turn, so nothing else writes in between.
 */
export function withPatch<Receipt extends { revision: number }>(session: HandlerContext['session'], versionId: number | undefined, write: (store: WorkbookStore) => Receipt): Receipt & PatchReceipt {
  const store = session.requireStore();
  const reader = new SheetPatchReader(store);
  const before = versionId === undefined ? null : reader.latestStepId();
  const receipt = write(store);
  return session.announced({ ...receipt, patch: patchOrNull(() => reader.patchSince(before, versionId)) });
}

/** The write is on disk: a patch that cannot be read only means the renderer reads the sheet again. */
function patchOrNull(read: () => SheetPatch | null): SheetPatch | null {
  try {
    return read();
  } catch (error) {
    console.warn(`Tandem: the sheet's patch could not be read (the sheet will be read again): ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
