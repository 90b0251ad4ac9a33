import { AppShell } from './AppShell';
import { DialogHost } from './DialogHost';
import { useSheetStore } from '../state/sheet-store';
import { FileDialogs } from '../components/FileDialogs';
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
