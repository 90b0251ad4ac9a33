import { extname } from 'node:path';
import type { FileFilter, NativeDialogs } from '../app/back-session';

/** The subset of Electron's dialog.showOpenDialog options Tandem passes. */
export interface OpenDialogOptions {
  title: string;
  defaultPath?: string;
  filters: FileFilter[];
  properties: Array<'openFile'>;
}

/** The subset of Electron's dialog.showSaveDialog options Tandem passes. */
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: FileFilter[];
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

/** Electron's dialog functions, bound to the window they are modal to (main.ts passes them). */
export interface DialogShower {
  showOpen(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSave(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

export const WORKBOOK_FILTERS: FileFilter[] = [{ name: 'Tandem workbooks', extensions: ['tandem'] }];

/** The chosen path with the filter's extension added when the dialog did not add it (GTK's does not). */
export function withExtension(path: string, filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((filter) => filter.extensions).filter((extension) => extension !== '*');
  const first = extensions[0];
  if (first === undefined) return path;
  const has = extname(path).toLowerCase().replace(/^\./, '');
  return extensions.includes(has) ? path : `${path}.${first}`;
}

/** The system's Open and Save dialogs as the back asks for them: a path the user chose, or null when cancelled. */
export function createNativeDialogs(shower: DialogShower): NativeDialogs {
  return {
    async chooseOpen(defaultFolder) {
      const answer = await shower.showOpen({ title: 'Open workbook', ...(defaultFolder === undefined ? {} : { defaultPath: defaultFolder }), filters: WORKBOOK_FILTERS, properties: ['openFile'] });
      const path = answer.filePaths[0];
      return answer.canceled || path === undefined ? null : path;
    },
    async chooseSave(defaultPath, filters, title) {
      const answer = await shower.showSave({ title: title ?? 'Save', defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] });
      return answer.canceled || answer.filePath === undefined || answer.filePath === '' ? null : withExtension(answer.filePath, filters);
    },
  };
}
