import type { HandlersOf } from '../../shared/api/method';
import type { sheetMethods } from '../../shared/api/sheet-api';
import type { HandlerContext } from './handler-context';
import { withPatch } from './with-patch';
import { placeInRuns, unpackCellRuns } from '../../shared/sheet/cell-runs';
import { ApiError } from '../../shared/api/errors';

export const sheetHandlers: HandlersOf<typeof sheetMethods, HandlerContext> = {
  'sheet/get-sheet': ({ versionId }, { session }) => session.requireStore().sheet(versionId),
  'sheet/read-sheet': ({ versionId }, { session }) => {
    const store = session.requireStore();
    return store.sheetAnswer(versionId ?? store.defaultVersionId());
  },
  'sheet/set-cells': ({ versionId, edits, label }, { session }) => session.announced(session.requireStore().setCells(versionId, edits, label, session.settings.userName)),
  'sheet/set-cell-runs': ({ versionId, runs, label }, { session }) => {
    try {
      return session.announced(session.requireStore().setCells(versionId, unpackCellRuns(runs), label, session.settings.userName));
    } catch (error) {
      // The store names the unpacked edit; the caller sent runs: name the cell as it was sent.
      if (error instanceof ApiError) throw new ApiError(error.code, error.message, placeInRuns(runs, error.where));
      throw error;
    }
  },
  'sheet/set-formula': ({ versionId, lineId, formula }, { session }) => withPatch(session, versionId, (store) => store.setFormula(versionId, lineId, formula, session.settings.userName)),
  'sheet/add-comment': ({ versionId, lineId, period, text }, { session }) => withPatch(session, versionId, (store) => store.addComment(versionId, lineId, period, text, session.settings.userName)),
  'sheet/delete-comment': ({ commentId, versionId }, { session }) => withPatch(session, versionId, (store) => store.deleteComment(commentId, session.settings.userName)),
  'sheet/undo': ({ versionId }, { session }) => session.announced(session.requireStore().stepHistory('undo', versionId, session.settings.userName)),
  'sheet/redo': ({ versionId }, { session }) => session.announced(session.requireStore().stepHistory('redo', versionId, session.settings.userName)),
  'sheet/add-line': ({ departmentId, accountId, description, versionId }, { session }) =>
    withPatch(session, versionId, (store) => store.addLine(departmentId, accountId, description, session.settings.userName)),
  'sheet/delete-line': ({ lineId, versionId }, { session }) => withPatch(session, versionId, (store) => store.deleteLine(lineId, session.settings.userName)),
  'sheet/rename-line': ({ lineId, description, versionId }, { session }) => withPatch(session, versionId, (store) => store.renameLine(lineId, description, session.settings.userName)),
  'sheet/relocate-line': ({ lineId, departmentId, accountId, versionId }, { session }) =>
    withPatch(session, versionId, (store) => store.relocateLine(lineId, departmentId, accountId, session.settings.userName)),
  'sheet/move-line': ({ lineId, direction, versionId }, { session }) => withPatch(session, versionId, (store) => store.moveLine(lineId, direction, session.settings.userName)),
};
