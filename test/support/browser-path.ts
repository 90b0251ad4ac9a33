/**
 * Where the end-to-end tests find a Chromium or Chrome: CHROMIUM_PATH if set, else the usual
 * places on Linux, macOS and Windows. Plain functions over the environment, so they are tested.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BrowserSearch {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  exists: (path: string) => boolean;
}

/** The places a browser usually is, most likely first. */
export function browserCandidates({ platform, env }: Pick<BrowserSearch, 'platform' | 'env'>): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary'];
    const folders = ['/Applications', ...(env.HOME === undefined ? [] : [join(env.HOME, 'Applications')])];
    return folders.flatMap((folder) => apps.map((app) => `${folder}/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => root !== undefined && root !== '');
    const browsers = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return roots.flatMap((root) => browsers.map((browser) => `${root}\\${browser}`));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/opt/google/chrome/chrome'];
}

/** The browser to use, or null when there is none: CHROMIUM_PATH wins (and must exist). */
export function findBrowser(search: BrowserSearch): string | null {
  const chosen = search.env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') return search.exists(chosen) ? chosen : null;
  return browserCandidates(search).find((path) => search.exists(path)) ?? null;
}

/** What to tell a developer who has no browser, in one line. */
export function missingBrowserAdvice({ platform, env }: Pick<BrowserSearch, 'platform' | 'env'>): string {
  if (env.CHROMIUM_PATH !== undefined && env.CHROMIUM_PATH !== '') return `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist: point it at a Chromium or Chrome, or unset it.`;
  const install =
    platform === 'darwin'
      ? 'install Google Chrome (or `brew install --cask chromium`)'
      : platform === 'win32'
        ? 'install Google Chrome or Microsoft Edge'
        : 'install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`)';
  return `The end-to-end tests need a Chromium or Chrome and found none: ${install}, or set CHROMIUM_PATH to one.`;
}

/** Whether this is Debian or Ubuntu (or a derivative), where the tests may install Chromium with apt-get. */
export function isDebianLike(osRelease: string): boolean {
  const field = (name: string) => new RegExp(`^${name}=["']?([^"'\\n]*)`, 'm').exec(osRelease)?.[1] ?? '';
  return [field('ID'), ...field('ID_LIKE').split(/\s+/)].some((id) => id === 'debian' || id === 'ubuntu');
}

/** The browser on this machine, as Playwright's configuration asks for it. */
export function browserOnThisMachine(): string | null {
  return findBrowser({ platform: process.platform, env: process.env, exists: existsSync });
}

export function osReleaseText(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}
