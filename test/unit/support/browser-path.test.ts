import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser, isDebianLike, missingBrowserAdvice } from '../../support/browser-path';

const only = (...present: string[]) => (path: string) => present.includes(path);

describe('finding a browser for the end-to-end tests', () => {
  it('takes CHROMIUM_PATH when it exists, and nothing else when it does not', () => {
    expect(findBrowser({ platform: 'linux', env: { CHROMIUM_PATH: '/opt/c/chrome' }, exists: only('/opt/c/chrome', '/usr/bin/chromium') })).toBe('/opt/c/chrome');
    expect(findBrowser({ platform: 'linux', env: { CHROMIUM_PATH: '/nowhere' }, exists: only('/usr/bin/chromium') })).toBeNull();
  });

  it('finds Debian’s Chromium, Ubuntu’s snap or Google Chrome on Linux, Debian’s first', () => {
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/usr/bin/google-chrome', '/usr/bin/chromium') })).toBe('/usr/bin/chromium');
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/snap/bin/chromium') })).toBe('/snap/bin/chromium');
  });

  it('looks in the Applications folders on macOS and the program folders on Windows', () => {
    expect(findBrowser({ platform: 'darwin', env: { HOME: '/Users/ana' }, exists: only('/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium') })).toBe(
      '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium',
    );
    const windows = { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files' };
    expect(browserCandidates({ platform: 'win32', env: windows })).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(findBrowser({ platform: 'win32', env: windows, exists: only('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe') })).toBe(
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    );
  });

  it('finds none on a machine without one, and says in one line what to install', () => {
    expect(findBrowser({ platform: 'linux', env: {}, exists: only() })).toBeNull();
    const advice = missingBrowserAdvice({ platform: 'linux', env: {} });
    expect(advice).toContain('apt-get install chromium');
    expect(advice).not.toContain('\n');
    expect(missingBrowserAdvice({ platform: 'darwin', env: {} })).toContain('Google Chrome');
    expect(missingBrowserAdvice({ platform: 'linux', env: { CHROMIUM_PATH: '/x' } })).toContain('/x, which does not exist');
  });

  it('knows Debian and Ubuntu and their derivatives from /etc/os-release', () => {
    expect(isDebianLike('PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n')).toBe(true);
    expect(isDebianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true);
    expect(isDebianLike('ID="fedora"\n')).toBe(false);
    expect(isDebianLike('')).toBe(false);
  });
});
