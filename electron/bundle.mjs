// Bundles the back (Electron main, preload, the launcher and browser host) for Node with esbuild.
// better-sqlite3 stays external (a native module); so do electron and highs (it loads its .wasm from its own folder).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'electron/main.ts',
    preload: 'electron/preload.ts',
    start: 'electron/start.ts',
    'solver-worker': 'electron/optimizer/solver-worker.ts',
    // Imports read and check files in this worker thread; found next to main.js at run time.
    'import-worker': 'electron/import/import-worker.ts',
    verify: 'electron/verify-cli.ts',
  },
  outdir: 'dist/back',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'highs', 'exceljs'],
  logLevel: 'warning',
});
