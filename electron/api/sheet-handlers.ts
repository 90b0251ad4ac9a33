import type { HandlersOf } from '../../shared/api/method';
import type { sheetMethods } from '../../shared/api/sheet-api';
import type { HandlerContext } from './handler-context';

export const sheetHandlers: HandlersOf<typeof sheetMethods, HandlerContext> = {
  'sheet/get-sheet': (_input, { session }) => session.requireStore().sheet(),
  'sheet/set-cell': ({ lineId, period, value }, { session }) => {
    const revision = session.requireStore().setCell(lineId, period, value, session.settings.userName);
    session.announceWrite(revision);
    return { revision };
  },
  'sheet/add-line': ({ departmentId, accountId, description }, { session }) => {
    const added = session.requireStore().addLine(departmentId, accountId, description, session.settings.userName);
    session.announceWrite(added.revision);
    return added;
  },
  'sheet/delete-line': ({ lineId }, { session }) => {
    const revision = session.requireStore().deleteLine(lineId, session.settings.userName);
    session.announceWrite(revision);
    return { revision };
  },
};
