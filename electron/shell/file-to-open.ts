import { statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';

export const WORKBOOK_EXTENSION = '.tandem';

/** Whether `path` is an existing regular file (not a folder, not missing). Symbolic links are followed. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A path Tandem may open as a workbook: absolute, ending in .tandem, and a regular file. */
export function isWorkbookFile(path: unknown, isFile: (path: string) => boolean = isRegularFile): path is string {
  return typeof path === 'string' && path.length > 0 && path.length <= 4096 && !path.includes('\0') && isAbsolute(path) && extname(path).toLowerCase() === WORKBOOK_EXTENSION && isFile(path);
}

export interface ArgvContext {
  /** the folder relative arguments are taken in (the second instance's working directory) */
  cwd: string;
  /** the app's own folder or asar (app.getAppPath()): in development Electron is started with it */
  appPath?: string;
  isFile?: (path: string) => boolean;
}

/**
 * The workbook a command line asks to open, or null: `tandem Budget.tandem`, a double-click in
 * the file manager (Windows and Linux pass the file as an argument), or a second launch's argv.
 * Skips the executable itself, Electron's and Chromium's switches (--foo, --foo=bar), the app's
 * path (development starts `electron .`), and anything that is not an existing .tandem file.
 * The last workbook named wins, as a file manager passes the one that was opened last.
 */
export function workbookFromArgv(argv: readonly string[], context: ArgvContext): string | null {
  const isFile = context.isFile ?? isRegularFile;
  const appPath = context.appPath === undefined ? null : resolve(context.appPath);
  let found: string | null = null;
  for (const argument of argv.slice(1)) {
    if (argument === '' || argument.startsWith('-')) continue;
    const path = isAbsolute(argument) ? resolve(argument) : resolve(context.cwd, argument);
    if (appPath !== null && path === appPath) continue;
    if (isWorkbookFile(path, isFile)) found = path;
  }
  return found;
}

/**
 * Files asked for before the app can open them. macOS sends 'open-file' before 'ready' when a
 * workbook is double-clicked while Tandem is not running; a second instance may hand its file
 * over while the first window is still loading. The latest request is kept, then handed to the
 * opener once it is attached; later requests go straight to it.
 */
export class FileOpenQueue {
  private pending: string | null = null;
  private opener: ((path: string) => void) | null = null;

  request(path: string): void {
    if (this.opener === null) this.pending = path;
    else this.opener(path);
  }

  /** The file waiting, if any, without handing it over (the window opens it at start-up instead of the last one). */
  take(): string | null {
    const path = this.pending;
    this.pending = null;
    return path;
  }

  attach(opener: (path: string) => void): void {
    this.opener = opener;
    const waiting = this.take();
    if (waiting !== null) opener(waiting);
  }
}

/**
 * The workbook a second launch hands over: the one it named in the lock's additional data
 * (computed by that instance from its own argv and folder), else the one its argv names.
 */
export function workbookFromSecondInstance(argv: readonly string[], workingDirectory: string, additionalData: unknown, context: Omit<ArgvContext, 'cwd'> = {}): string | null {
  const isFile = context.isFile ?? isRegularFile;
  if (typeof additionalData === 'object' && additionalData !== null) {
    const named = (additionalData as Record<string, unknown>).workbook;
    if (isWorkbookFile(named, isFile)) return named;
  }
  return workbookFromArgv(argv, { ...context, cwd: workingDirectory });
}
