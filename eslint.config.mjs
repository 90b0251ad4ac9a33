// Lint rules, and the rules that keep the layers of the design apart:
//   shared/   imports neither electron/ nor renderer/, no node builtins, no electron, no UI libraries;
//   renderer/ never imports electron/, the electron package or node builtins;
//   electron/ never imports renderer/; only main.ts, preload.ts and transport/ipc.ts import 'electron'.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const noNodeBuiltins = { paths: nodeBuiltins.map((name) => ({ name, message: 'This layer runs without Node: no node builtins.' })) };
const restrict = (...groups) => ['error', { ...noNodeBuiltins, patterns: groups }];
const forbid = (group, message) => ({ group, message });
/** The renderer's features: each a folder that others may not reach into. */
const RENDERER_FEATURES = ['approval', 'audit', 'compare', 'dashboard', 'export', 'goals', 'grid', 'import', 'package', 'proposals', 'report', 'settings', 'versions'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        forbid(['electron', '**/electron/**', '**/electron'], 'shared/ is imported by both sides: it may not import electron/ or the electron package.'),
        forbid(['**/renderer/**', '**/renderer'], 'shared/ may not import renderer/.'),
        forbid(['react', 'react-dom', 'react-dom/*', 'ag-grid-*', 'zustand', 'better-sqlite3'], 'shared/ is pure TypeScript: no UI, no database.'),
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        forbid(['electron', '**/electron/**', '**/electron'], 'The renderer talks to the back only through the API client.'),
        forbid(['better-sqlite3'], 'The renderer never touches the workbook file.'),
      ),
    },
  },
  // Inside renderer/: features do not reach into each other. They meet only through the command
  // table (commands/), the dialog host and shell (shell/), the shared grid behaviour
  // (grid/spreadsheet/, find/, selection/), common UI pieces (components/, charts/) and the stores
  // (state/). State never imports a view.
  ...RENDERER_FEATURES.map((feature) => ({
    files: [`renderer/${feature}/**/*.ts`, `renderer/${feature}/**/*.tsx`],
    ignores: feature === 'grid' ? ['renderer/grid/spreadsheet/**'] : [],
    rules: {
      'no-restricted-imports': restrict(
        forbid(['electron', '**/electron/**', '**/electron'], 'The renderer talks to the back only through the API client.'),
        forbid(['better-sqlite3'], 'The renderer never touches the workbook file.'),
        forbid(
          [...RENDERER_FEATURES.filter((other) => other !== feature).flatMap((other) => (other === 'grid' ? ['../grid/*', '!../grid/spreadsheet', '../../grid/*', '!../../grid/spreadsheet'] : [`../${other}/*`, `../../${other}/*`])), '../shell/*', '../../shell/*'],
          `A feature does not import another feature's internals: meet through the command table, the dialog host, the shared grid behaviour or a store.`,
        ),
      ),
    },
  })),
  {
    files: ['renderer/state/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        forbid(['electron', '**/electron/**', '**/electron'], 'The renderer talks to the back only through the API client.'),
        forbid([...RENDERER_FEATURES.map((feature) => `../${feature}/*`), '../components/*', '../shell/*', '../find/*'], 'State never imports a view: views read the stores.'),
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/transport/ipc.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Only main.ts, preload.ts and transport/ipc.ts import 'electron': the rest of the back is plain Node." }],
          patterns: [forbid(['**/renderer/**', '**/renderer'], 'The back never imports the renderer.')],
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/transport/ipc.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { patterns: [forbid(['**/renderer/**', '**/renderer'], 'The back never imports the renderer.')] }] },
  },
  {
    files: ['**/*.mjs', 'test/**/*.ts', '*.config.ts', '*.config.mts'],
    languageOptions: { globals: globals.node },
  },
);
