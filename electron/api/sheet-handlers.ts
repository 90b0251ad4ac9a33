import type { HandlersOf } from '../../shared/api/method';
import type { sheetMethods } from '../../shared/api/sheet-api';
import type { HandlerContext } from './handler-context';

export const sheetHandlers: HandlersOf<typeof sheetMethods, HandlerContext> = {
  'sheet/get-sheet': (_input, { session }) => session.requireStore().sheet(),
  'sheet/set-cells': ({ edits, label }, { session }) => {
    const receipt = session.requireStore().setCells(edits, label, session.settings.userName);
    session.announceWrite(receipt.revision);
    return receipt;
  },
  'sheet/set-formula': ({ lineId, formula }, { session }) => {
    const receipt = session.requireStore().setFormula(lineId, formula, session.settings.userName);
    session.announceWrite(receipt.revision);
    return receipt;
  },
  'sheet/add-comment': ({ lineId, period, text }, { session }) => {
    const receipt = session.requireStore().addComment(lineId, period, text, session.settings.userName);
    session.announceWrite(receipt.revision);
    return receipt;
  },
  'sheet/delete-comment': ({ commentId }, { session }) => {
    const receipt = session.requireStore().deleteComment(commentId, session.settings.userName);
    session.announceWrite(receipt.revision);
    return receipt;
  },
  'sheet/undo': (_input, { session }) => {
    const receipt = session.requireStore().stepHistory('undo', session.settings.userName);
    session.announceWrite(receipt.revision);
    return receipt;
  },
  'sheet/redo': (_input, { session }) => {
    const receipt = session.requireStore().stepHistory('redo', session.settings.userName);
    session.announceWrite(receipt.revision);
    return receipt;
  },
  'sheet/add-line': ({ departmentId, accountId, description }, { session }) => {
    const added = session.requireStore().addLine(departmentId, accountId, description, session.settings.userName);
    session.announceWrite(added.revision);
    return added;
  },
  'sheet/delete-line': ({ lineId }, { session }) => {
    const receipt = session.requireStore().deleteLine(lineId, session.settings.userName);
    session.announceWrite(receipt.revision);
    return receipt;
  },
};
