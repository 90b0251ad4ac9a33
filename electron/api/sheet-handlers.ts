import type { HandlersOf } from '../../shared/api/method';
import type { sheetMethods } from '../../shared/api/sheet-api';
import type { HandlerContext } from './handler-context';

export const sheetHandlers: HandlersOf<typeof sheetMethods, HandlerContext> = {
  'sheet/get-sheet': ({ versionId }, { session }) => session.requireStore().sheet(versionId),
  'sheet/set-cells': ({ versionId, edits, label }, { session }) => session.announced(session.requireStore().setCells(versionId, edits, label, session.settings.userName)),
  'sheet/set-formula': ({ versionId, lineId, formula }, { session }) => session.announced(session.requireStore().setFormula(versionId, lineId, formula, session.settings.userName)),
  'sheet/add-comment': ({ versionId, lineId, period, text }, { session }) => session.announced(session.requireStore().addComment(versionId, lineId, period, text, session.settings.userName)),
  'sheet/delete-comment': ({ commentId }, { session }) => session.announced(session.requireStore().deleteComment(commentId, session.settings.userName)),
  'sheet/undo': ({ versionId }, { session }) => session.announced(session.requireStore().stepHistory('undo', versionId, session.settings.userName)),
  'sheet/redo': ({ versionId }, { session }) => session.announced(session.requireStore().stepHistory('redo', versionId, session.settings.userName)),
  'sheet/add-line': ({ departmentId, accountId, description }, { session }) => session.announced(session.requireStore().addLine(departmentId, accountId, description, session.settings.userName)),
  'sheet/delete-line': ({ lineId }, { session }) => session.announced(session.requireStore().deleteLine(lineId, session.settings.userName)),
  'sheet/rename-line': ({ lineId, description }, { session }) => session.announced(session.requireStore().renameLine(lineId, description, session.settings.userName)),
  'sheet/relocate-line': ({ lineId, departmentId, accountId }, { session }) =>
    session.announced(session.requireStore().relocateLine(lineId, departmentId, accountId, session.settings.userName)),
  'sheet/move-line': ({ lineId, direction }, { session }) => session.announced(session.requireStore().moveLine(lineId, direction, session.settings.userName)),
};
