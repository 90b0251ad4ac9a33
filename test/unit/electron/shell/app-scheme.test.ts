import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponse, contentTypeFor, isRendererUrl, RENDERER_URL, resolveAppPath } from '../../../../electron/shell/app-scheme';
import { CONTENT_SECURITY_POLICY } from '../../../../shared/security/content-security-policy';
import { useTempFolder } from '../../../helpers/temp-folder';

const tempFolder = useTempFolder();

function rendererBuild() {
  const root = tempFolder();
  const folder = join(root, 'renderer');
  mkdirSync(join(folder, 'assets'), { recursive: true });
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Tandem</title>');
  writeFileSync(join(folder, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(folder, 'assets', 'inter.woff2'), 'font');
  writeFileSync(join(root, 'secret.txt'), 'not yours');
  writeFileSync(join(root, 'renderer-other.txt'), 'not yours either');
  return { root, folder };
}

describe('the app:// scheme', () => {
  it('serves index.html for the renderer URL and for /', async () => {
    const { folder } = rendererBuild();
    expect(resolveAppPath(RENDERER_URL, folder)).toBe(join(folder, 'index.html'));
    expect(resolveAppPath('app://tandem/', folder)).toBe(join(folder, 'index.html'));
    const answer = await appResponse(RENDERER_URL, folder);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(answer.body).toString('utf8')).toContain('<title>Tandem</title>');
  });

  it('serves the build’s assets with their types, ignoring query and hash', async () => {
    const { folder } = rendererBuild();
    const script = await appResponse('app://tandem/assets/index-abc.js?v=1#x', folder);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/inter.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/b.exe')).toBe('application/octet-stream');
  });

  it('refuses every way of climbing out of the build folder', async () => {
    const { folder } = rendererBuild();
    for (const url of [
      'app://tandem/../secret.txt',
      'app://tandem/%2e%2e/secret.txt',
      'app://tandem/assets/%2E%2E/%2E%2E/secret.txt',
      'app://tandem/..%2fsecret.txt',
      'app://tandem/..%5csecret.txt',
      'app://tandem/assets\\..\\..\\secret.txt',
      'app://tandem/%2Fetc%2Fpasswd',
      'app://tandem/../renderer-other.txt',
      'app://tandem/index.html%00.png',
      'app://tandem/%E0%A4%A',
    ]) {
      const path = resolveAppPath(url, folder);
      if (path !== null) expect(path.startsWith(`${folder}/`), url).toBe(true);
      const answer = await appResponse(url, folder);
      expect(Buffer.from(answer.body).toString('utf8'), url).not.toMatch(/not yours/);
    }
    // The URL parser takes %2e%2e as '..' and climbs no higher than the host: it stays inside.
    expect(resolveAppPath('app://tandem/%2e%2e/secret.txt', folder)).toBe(join(folder, 'secret.txt'));
    expect(resolveAppPath('app://tandem/..%2fsecret.txt', folder)).toBeNull();
  });

  it('answers 404 for another host, another scheme, a folder or a missing file', async () => {
    const { folder } = rendererBuild();
    for (const url of ['app://other/index.html', 'file:///etc/passwd', 'https://tandem/index.html', 'app://tandem/assets', 'app://tandem/missing.js', 'not a url']) {
      expect((await appResponse(url, folder)).status, url).toBe(404);
    }
  });

  it('knows our frames by scheme and host', () => {
    expect(isRendererUrl(RENDERER_URL)).toBe(true);
    expect(isRendererUrl('app://tandem/index.html#/sheet')).toBe(true);
    expect(isRendererUrl('app://evil/index.html')).toBe(false);
    expect(isRendererUrl('file:///opt/tandem/dist/renderer/index.html')).toBe(false);
    expect(isRendererUrl('https://tandem/index.html')).toBe(false);
    expect(isRendererUrl('app://user@tandem/index.html')).toBe(false);
    expect(isRendererUrl('')).toBe(false);
  });
});
