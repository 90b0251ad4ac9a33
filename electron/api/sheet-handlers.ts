import type { HandlersOf } from '../../shared/api/method';
import type { sheetMethods } from '../../shared/api/sheet-api';
import type { BackSession } from '../app/back-session';
import type { HandlerContext } from './handler-context';

/** Tells the transports the workbook was written, and passes the receipt on. */
function announced<Receipt extends { revision: number }>(session: BackSession, receipt: Receipt): Receipt {
  session.announceWrite(receipt.revision);
  return receipt;
}

export const sheetHandlers: HandlersOf<typeof sheetMethods, HandlerContext> = {
  'sheet/get-sheet': (_input, { session }) => session.requireStore().sheet(),
  'sheet/set-cells': ({ edits, label }, { session }) => announced(session, session.requireStore().setCells(edits, label, session.settings.userName)),
  'sheet/set-formula': ({ lineId, formula }, { session }) => announced(session, session.requireStore().setFormula(lineId, formula, session.settings.userName)),
  'sheet/add-comment': ({ lineId, period, text }, { session }) => announced(session, session.requireStore().addComment(lineId, period, text, session.settings.userName)),
  'sheet/delete-comment': ({ commentId }, { session }) => announced(session, session.requireStore().deleteComment(commentId, session.settings.userName)),
  'sheet/undo': (_input, { session }) => announced(session, session.requireStore().stepHistory('undo', session.settings.userName)),
  'sheet/redo': (_input, { session }) => announced(session, session.requireStore().stepHistory('redo', session.settings.userName)),
  'sheet/add-line': ({ departmentId, accountId, description }, { session }) => announced(session, session.requireStore().addLine(departmentId, accountId, description, session.settings.userName)),
  'sheet/delete-line': ({ lineId }, { session }) => announced(session, session.requireStore().deleteLine(lineId, session.settings.userName)),
  'sheet/rename-line': ({ lineId, description }, { session }) => announced(session, session.requireStore().renameLine(lineId, description, session.settings.userName)),
  'sheet/move-line': ({ lineId, direction }, { session }) => announced(session, session.requireStore().moveLine(lineId, direction, session.settings.userName)),
};
