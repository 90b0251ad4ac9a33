import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron runtime binary, or null where it is not installed. The electron package
 * fetches its runtime on first use; with `download`, try that once, quietly.
 */
export function findElectronBinary(projectRoot: string, options: { download: boolean }): string | null {
  const packageFolder = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageFolder, 'path.txt');
  const resolveBinary = (): string | null => {
    if (!existsSync(pathFile)) return null;
    const binary = join(packageFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  };
  const installed = resolveBinary();
  if (installed !== null || !options.download || !existsSync(join(packageFolder, 'install.js'))) return installed;
  spawnSync(process.execPath, [join(packageFolder, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  return resolveBinary();
}

/**
 * better-sqlite3 is a native module: Electron needs it built for Electron's ABI. This
 * rebuilds it once per Electron version (the test run rebuilds it for Node when needed).
 */
export function prepareNativeModulesForElectron(projectRoot: string): void {
  const stamp = join(projectRoot, 'node_modules', '.tandem-native-abi');
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  const wanted = `electron-${manifest.version}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  console.log('Tandem: building the SQLite module for Electron (once)…');
  const result = spawnSync('npx', ['electron-builder', 'install-app-deps'], { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error('Could not build better-sqlite3 for Electron (npx electron-builder install-app-deps failed).');
  writeFileSync(stamp, wanted);
}

/** Forget that better-sqlite3 was built for Electron (after it was rebuilt for Node). */
export function markNativeModulesForNode(projectRoot: string): void {
  writeFileSync(join(projectRoot, 'node_modules', '.tandem-native-abi'), `node-${process.versions.modules}`);
}
