import { create } from 'zustand';
import type { KnownFile, SessionState } from '../../shared/api/workbook-api';
import type { FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import type { WorkbookInfo } from '../../shared/domain/workbook';
import { api } from '../api/client';
import { showError } from './notice-store';
import { flushWrites, useSheetStore } from './sheet-store';

export type FileDialog = 'none' | 'new' | 'open' | 'save-as';

interface WorkbookState {
  loaded: boolean;
  session: SessionState | null;
  dialog: FileDialog;
  knownFiles: KnownFile[];
  start(): Promise<void>;
  showDialog(dialog: FileDialog): Promise<void>;
  createFile(path: string, name: string, sample: boolean, calendar?: FiscalCalendar): Promise<boolean>;
  openFile(path: string): Promise<boolean>;
  openSample(): Promise<boolean>;
  saveAs(path: string): Promise<boolean>;
  closeFile(): Promise<void>;
}

export const useWorkbookStore = create<WorkbookState>((set) => {
  /** After any change of file: refresh the session and load (or clear) the sheet. */
  async function refresh(): Promise<void> {
    const session = await api.call('workbook/get-session', {});
    set({ session, loaded: true });
    if (session.current === null) useSheetStore.getState().clear();
    else await useSheetStore.getState().load();
  }

  async function fileAction(action: () => Promise<WorkbookInfo>): Promise<boolean> {
    try {
      // Edits still on their way belong to the workbook they were made in.
      await flushWrites();
      await action();
      // Another file: its versions are its own, so the sheet opens the new file's first.
      useSheetStore.setState({ versionId: null });
      set({ dialog: 'none' });
      await refresh();
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  return {
    loaded: false,
    session: null,
    dialog: 'none',
    knownFiles: [],
    async start() {
      try {
        await refresh();
      } catch (error) {
        set({ loaded: true });
        showError(error);
      }
    },
    async showDialog(dialog) {
      set({ dialog });
      if (dialog === 'open') {
        try {
          set({ knownFiles: await api.call('workbook/list-files', {}) });
        } catch (error) {
          showError(error);
        }
      }
    },
    createFile: (path, name, sample, calendar) => fileAction(() => api.call('workbook/create-file', calendar === undefined ? { path, name, sample } : { path, name, sample, calendar })),
    openSample: () => fileAction(() => api.call('workbook/open-sample', {})),
    openFile: (path) => fileAction(() => api.call('workbook/open-file', { path })),
    saveAs: (path) => fileAction(() => api.call('workbook/save-as', { path })),
    async closeFile() {
      try {
        await flushWrites();
        await api.call('workbook/close-file', {});
        await refresh();
      } catch (error) {
        showError(error);
      }
    },
  };
});
