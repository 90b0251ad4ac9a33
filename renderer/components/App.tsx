import { AppShell } from '../shell/AppShell';
import { DialogHost } from '../shell/DialogHost';
import { useSheetStore } from '../state/sheet-store';
import { FileDialogs } from './FileDialogs';
import { FirstRunNamePrompt } from '../settings/FirstRunNamePrompt';

/** The whole app: the shell (menus, toolbar, views, status bar) and the dialogs over it. */
export function App() {
  const view = useSheetStore((state) => state.view);
  return (
    <>
      <AppShell />
      <FileDialogs />
      <FirstRunNamePrompt />
      <DialogHost view={view} />
    </>
  );
}
