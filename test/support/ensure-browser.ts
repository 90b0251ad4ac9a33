/**
 * Playwright's global set-up: before any test starts, make sure there is a browser. On Debian or
 * Ubuntu as root it installs Chromium as `.ci/run` does; anywhere else without one it stops with
 * one line that says what to install, instead of failing deep inside Playwright.
 */
import { execFileSync } from 'node:child_process';
import { browserOnThisMachine, isDebianLike, missingBrowserAdvice, osReleaseText } from './browser-path';

export default function ensureBrowser(): void {
  if (browserOnThisMachine() !== null) return;
  const root = process.getuid?.() === 0;
  if (process.platform === 'linux' && root && (process.env.CHROMIUM_PATH ?? '') === '' && isDebianLike(osReleaseText())) {
    console.log('e2e: no Chromium found; installing it with apt-get (Debian/Ubuntu, as root)…');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      // Falls through to the one-line advice below.
    }
    if (browserOnThisMachine() !== null) return;
  }
  console.error(`e2e: ${missingBrowserAdvice({ platform: process.platform, env: process.env })}`);
  process.exit(1);
}
