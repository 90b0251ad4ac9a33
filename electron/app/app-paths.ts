import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the app keeps its own settings and where new workbooks go. */
export interface AppPaths {
  /** app settings (recent files, user name); Electron's userData folder */
  userData: string;
  /** default folder for workbook files */
  workbooks: string;
}

/**
 * The same folders Electron would use, for the browser host: the platform's per-user config
 * folder for settings and Documents/Tandem for workbooks. `--data-dir` replaces both with one
 * folder (tests give each run its own).
 */
export function defaultAppPaths(dataDir?: string): AppPaths {
  if (dataDir !== undefined) return { userData: dataDir, workbooks: join(dataDir, 'workbooks') };
  const home = homedir();
  const configRoot =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return { userData: join(configRoot, 'Tandem'), workbooks: join(home, 'Documents', 'Tandem') };
}
