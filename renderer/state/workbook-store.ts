import { create } from 'zustand';
import type { KnownFile, SessionState } from '../../shared/api/workbook-api';
import type { FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import type { WorkbookInfo } from '../../shared/domain/workbook';
import { ApiError } from '../../shared/api/errors';
import { api } from '../api/client';
import { dropFirstRead, takeFirstSession } from '../api/read-sheet';
import { showError, showNote } from './notice-store';
import { flushWrites, useSheetStore } from './sheet-store';

export type FileDialog = 'none' | 'new' | 'open' | 'save-as';

interface WorkbookState {
  loaded: boolean;
  session: SessionState | null;
  dialog: FileDialog;
  knownFiles: KnownFile[];
  /** the desktop app: Open, Save as and a new workbook's place use the system's dialogs */
  nativeDialogs: boolean;
  /** a file already at the path Tandem's own New or Save as dialog gave: the dialog asks before replacing it */
  replaceAsked: string | null;
  start(): Promise<void>;
  showDialog(dialog: FileDialog): Promise<void>;
  /** `replace`: the user agreed to replace a file already at `path` (else such a file is asked about, see replaceAsked) */
  createFile(path: string, name: string, sample: boolean, calendar?: FiscalCalendar, replace?: boolean): Promise<boolean>;
  /** a new workbook whose file's place the user chooses in the system's Save dialog (desktop app) */
  createChosenFile(name: string, sample: boolean, calendar?: FiscalCalendar): Promise<boolean>;
  openFile(path: string): Promise<boolean>;
  openSample(): Promise<boolean>;
  saveAs(path: string, replace?: boolean): Promise<boolean>;
  /** the user would rather not replace the file asked about */
  keepExistingFile(): void;
  closeFile(): Promise<void>;
}

let wired = false;

export const useWorkbookStore = create<WorkbookState>((set, get) => {
  /** After any change of file: refresh the session and load (or clear) the sheet. */
  async function refresh(): Promise<void> {
    // At start, the session asked for with the page (see startFirstRead); afterwards, afresh.
    const session = await (takeFirstSession() ?? api.call('workbook/get-session', {}));
    set({ session, loaded: true });
    if (session.current === null) useSheetStore.getState().clear();
    else await useSheetStore.getState().load();
  }

  /** Another file is open: its versions are its own, so the sheet opens the new file's first. */
  async function switched(): Promise<void> {
    useSheetStore.setState({ versionId: null });
    set({ dialog: 'none', replaceAsked: null });
    await refresh();
  }

  /** A change of file. An action that answers null was cancelled in a system dialog: nothing changes. */
  async function fileAction(action: () => Promise<WorkbookInfo | null>): Promise<boolean> {
    try {
      // Edits still on their way belong to the workbook they were made in.
      await flushWrites();
      if ((await action()) === null) return false;
      await switched();
      return true;
    } catch (error) {
      // A file at the path the in-app dialog gave: that dialog asks whether to replace it.
      const inAppDialog = get().dialog === 'new' || get().dialog === 'save-as';
      if (inAppDialog && error instanceof ApiError && error.code === 'already-exists' && error.where !== undefined) set({ replaceAsked: error.where });
      else showError(error);
      return false;
    }
  }

  /**
   * Once per page: what the host offers, and in the desktop app the shell's side of things:
   * a workbook opened from outside (file manager, second launch, a drop) is shown, quitting
   * waits for the writes in flight, and a workbook dropped on the window is opened.
   */
  async function wireHost(): Promise<void> {
    if (wired) return;
    wired = true;
    api.onEvent((event) => {
      if (event.name === 'workbook/session-changed') void switched().catch(showError);
    });
    try {
      set({ nativeDialogs: (await api.call('app/capabilities', {})).nativeDialogs });
    } catch {
      set({ nativeDialogs: false });
    }
    const shell = typeof window === 'undefined' ? undefined : window.tandem?.shell;
    if (shell === undefined) return;
    shell.onQuitRequested(() => flushWrites());
    window.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files') === true) event.preventDefault();
    });
    window.addEventListener('drop', (event) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (event.defaultPrevented || files.length === 0) return;
      event.preventDefault();
      const workbook = files.find((file) => file.name.toLowerCase().endsWith('.tandem'));
      if (workbook === undefined) showNote('Drop a .tandem workbook here to open it. Budget values and actuals come in through File › Import.');
      else shell.openDroppedFile(workbook);
    });
  }

  return {
    loaded: false,
    session: null,
    dialog: 'none',
    knownFiles: [],
    nativeDialogs: false,
    replaceAsked: null,
    async start() {
      try {
        // The host's capabilities and the session (with the first sheet) are asked for together.
        await Promise.all([wireHost(), refresh()]);
      } catch (error) {
        set({ loaded: true });
        showError(error);
      } finally {
        // Only the first load may take the read started with the page: later ones read afresh.
        dropFirstRead();
      }
    },
    async showDialog(dialog) {
      // The desktop app: Open and Save as are the system's dialogs, shown by the back.
      if (get().nativeDialogs && dialog === 'open') {
        await fileAction(() => api.call('workbook/open-chosen', {}));
        return;
      }
      if (get().nativeDialogs && dialog === 'save-as') {
        await fileAction(() => api.call('workbook/save-as-chosen', {}));
        return;
      }
      set({ dialog, replaceAsked: null });
      if (dialog === 'open') {
        try {
          set({ knownFiles: await api.call('workbook/list-files', {}) });
        } catch (error) {
          showError(error);
        }
      }
    },
    createFile: (path, name, sample, calendar, replace = false) =>
      fileAction(() => api.call('workbook/create-file', { path, name, sample, ...(calendar === undefined ? {} : { calendar }), ...(replace ? { replace } : {}) })),
    createChosenFile: (name, sample, calendar) => fileAction(() => api.call('workbook/create-chosen', calendar === undefined ? { name, sample } : { name, sample, calendar })),
    openSample: () => fileAction(() => api.call('workbook/open-sample', {})),
    openFile: (path) => fileAction(() => api.call('workbook/open-file', { path })),
    saveAs: (path, replace = false) => fileAction(() => api.call('workbook/save-as', replace ? { path, replace } : { path })),
    keepExistingFile: () => set({ replaceAsked: null }),
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
