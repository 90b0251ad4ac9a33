import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from './shared/security/content-security-policy';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Puts the one CSP into index.html (Electron loads it from a file, with no headers). frame-ancestors is header-only. */
function contentSecurityPolicy(): Plugin {
  const forMeta = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return { name: 'tandem-csp', transformIndexHtml: (html) => html.replace('%TANDEM_CSP%', forMeta) };
}

/**
 * Starts the app's code and its font loading with the page (issue 14, open): main.tsx is a small
 * entry that imports the app (boot.tsx) only after it has asked for the first sheet, so without
 * these hints the browser would fetch and compile the 1.6 MB app bundle only once the entry ran.
 */
function preloadTheApp(): Plugin {
  return {
    name: 'tandem-preload-app',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (bundle === undefined) return [];
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const boot = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/renderer/boot.tsx') === true);
        if (boot === undefined) throw new Error('tandem-preload-app: no chunk for renderer/boot.tsx');
        const entries = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
        const scripts = [boot.fileName, ...boot.imports].filter((file) => !entries.has(file));
        const font = Object.keys(bundle).find((name) => /inter-latin-wght-normal-[^/]+\.woff2$/.test(name));
        return [
          ...scripts.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
          ...(font === undefined ? [] : [{ tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: `./${font}` }, injectTo: 'head' as const }]),
        ];
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadTheApp()],
  // Help › About says which version this is.
  define: { __TANDEM_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 4000,
  },
});
