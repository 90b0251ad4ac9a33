import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../../electron/transport/http-host';
import { cacheControlFor } from '../../../electron/transport/static-files';
import { useTempFolder } from '../../helpers/temp-folder';
import { useBrowserHosts } from './running-host';

const tempFolder = useTempFolder();
const startHost = useBrowserHosts();

/** A host over a renderer folder with an index page and one hashed bundle, as Vite writes them. */
async function start(): Promise<{ host: BrowserHost; renderer: string }> {
  const dataDir = tempFolder();
  const renderer = join(dataDir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><script type="module" src="./assets/index-C2cNIOI-.js"></script>');
  writeFileSync(join(renderer, 'assets', 'index-C2cNIOI-.js'), 'console.log("app");'.repeat(20_000));
  return { host: await startHost(dataDir, renderer), renderer };
}

describe('the renderer’s files, served by the browser host', () => {
  it('serves a hashed bundle whole, with its length, kept by the browser for good', async () => {
    const { host } = await start();
    const response = await fetch(`${host.origin}/assets/index-C2cNIOI-.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const body = await response.text();
    expect(body).toBe('console.log("app");'.repeat(20_000));
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
  });

  it('asks the browser to check the index page each time, and serves it anew once it changes on disk', async () => {
    const { host, renderer } = await start();
    const first = await fetch(`${host.origin}/`);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(await first.text()).toContain('index-C2cNIOI-.js');
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><p>rebuilt</p>');
    // A rebuild within the same millisecond still changes the size; the time is moved to be sure.
    utimesSync(join(renderer, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    expect(await (await fetch(`${host.origin}/index.html`)).text()).toBe('<!doctype html><p>rebuilt</p>');
  });

  it('answers 404 for a missing file, a folder, and a path that climbs out of the folder', async () => {
    const { host } = await start();
    for (const path of ['/assets/gone-AAAAAAAA.js', '/assets', '/..%2Fsettings.json']) expect((await fetch(`${host.origin}${path}`)).status, path).toBe(404);
  });

  it('keeps only content-hashed names for good: the index, a plain name and a nested path are checked each time', () => {
    expect(cacheControlFor('assets/boot-BdHug7CL.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('assets/inter-latin-wght-normal-Dx4kXJAl.woff2')).toBe('public, max-age=31536000, immutable');
    for (const path of ['index.html', 'assets/logo.svg', 'icons/app-C2cNIOI-.png', 'assets/sub/x-C2cNIOI-.js']) expect(cacheControlFor(path), path).toBe('no-cache');
  });
});
