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

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  // Help › About says which version this is.
  define: { __TANDEM_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 4000,
  },
});
