import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { markNativeModulesForNode } from '../../electron/launch/electron-runtime';

/**
 * better-sqlite3 is native: `npm start` with Electron rebuilds it for Electron's ABI. Tests
 * run on Node, so rebuild it for Node when it does not load here.
 */
export default function ensureNodeBuildOfSqlite(): void {
  const require = createRequire(import.meta.url);
  try {
    const Database = require('better-sqlite3') as new (path: string) => { close(): void };
    new Database(':memory:').close();
  } catch (error) {
    console.log(`better-sqlite3 does not load on this Node (${String(error)}); rebuilding it for Node…`);
    execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
    markNativeModulesForNode(join(__dirname, '..', '..'));
  }
}
