import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

let built: Promise<string> | null = null;

/**
 * The import reader bundled as the app bundles it (electron/bundle.mjs), for tests that run it in
 * a worker thread as the app does. Built once per test process, inside the repository so that
 * its external packages (exceljs) resolve from node_modules.
 */
export function importWorkerScript(): Promise<string> {
  built ??= (async () => {
    const root = join(__dirname, '..', '..');
    const folder = join(root, 'node_modules', '.cache', 'tandem-test');
    mkdirSync(folder, { recursive: true });
    const outfile = join(folder, `import-worker-${process.pid}.js`);
    await build({
      absWorkingDir: root,
      entryPoints: ['electron/import/import-worker.ts'],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['exceljs'],
      logLevel: 'warning',
    });
    return outfile;
  })();
  return built;
}
