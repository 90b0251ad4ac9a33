import type { HandlersOf } from '../../shared/api/method';
import type { workbookMethods } from '../../shared/api/workbook-api';
import type { HandlerContext } from './handler-context';

export const workbookHandlers: HandlersOf<typeof workbookMethods, HandlerContext> = {
  'workbook/get-session': (_input, { session }) => session.state(),
  'workbook/list-files': (_input, { session }) => session.listFiles(),
  'workbook/create-file': ({ path, name, sample, calendar, replace }, { session }) => session.createFile(path, name, sample, calendar, replace),
  'workbook/open-sample': (_input, { session }) => session.openSample(),
  'workbook/open-file': ({ path }, { session }) => session.openFile(path),
  'workbook/save-as': ({ path, replace }, { session }) => session.saveAs(path, replace),
  'workbook/close-file': (_input, { session }) => ({ closed: session.closeFile() }),
  'workbook/open-chosen': (_input, { session }) => session.openChosen(),
  'workbook/save-as-chosen': (_input, { session }) => session.saveAsChosen(),
  'workbook/create-chosen': ({ name, sample, calendar }, { session }) => session.createChosen(name, sample, calendar),
  'app/choose-export-path': async ({ defaultName, format }, { session }) => {
    const path = await session.chooseExportPath(defaultName, format);
    return path === null ? null : { path };
  },
  'app/capabilities': (_input, { session }) => ({ nativeDialogs: session.nativeDialogs !== null }),
};
