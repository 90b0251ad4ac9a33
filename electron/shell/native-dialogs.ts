import { existsSync } from 'node:fs';
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
      // The dialog asks before replacing the file it was given; a file it never saw (the extension
      // added after it, as GTK's does not) is shown to it again, so a path returned was agreed to.
      let suggested = defaultPath;
      for (let asked = 0; asked < 3; asked += 1) {
        const answer = await shower.showSave({ title: title ?? 'Save', defaultPath: suggested, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] });
        if (answer.canceled || answer.filePath === undefined || answer.filePath === '') return null;
        const path = withExtension(answer.filePath, filters);
        if (path === answer.filePath || !existsSync(path)) return path;
        suggested = path;
      }
      return null;
    },
  };
}
