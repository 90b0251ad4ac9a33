import { AppShell } from './AppShell';
import { DialogHost } from './DialogHost';
import { FileDialogs } from '../components/FileDialogs';
import { FirstRunNamePrompt } from '../settings/FirstRunNamePrompt';

/**
 * The whole app: the shell (menus, toolbar, views, status bar) and the dialogs over it. It reads
 * no store itself: a typed edit redraws only the parts that show the sheet (issue 14).
 */
export function App() {
  return (
    <>
      <AppShell />
      <FileDialogs />
      <FirstRunNamePrompt />
      <DialogHost />
    </>
  );
}
