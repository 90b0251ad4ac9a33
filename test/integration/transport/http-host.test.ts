import { describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../../electron/transport/http-host';
import { useTempFolder } from '../../helpers/temp-folder';
import { useBrowserHosts } from './running-host';

const tempFolder = useTempFolder();
const startHost = useBrowserHosts();

const start = (): Promise<BrowserHost> => startHost(tempFolder());

function invoke(host: BrowserHost, headers: Record<string, string>, body: unknown = { method: 'workbook/get-session', input: {} }) {
  return fetch(`${host.origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 only, and its address carries the launch token', async () => {
    const host = await start();
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call that carries the token from its own origin', async () => {
    const host = await start();
    const response = await invoke(host, { origin: host.origin, 'x-tandem-token': host.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { current: { name: expect.any(String) } } });
  });

  it('refuses a call without the token, with a wrong token, or from another origin', async () => {
    const host = await start();
    const attempts: Record<string, string>[] = [
      { origin: host.origin },
      { origin: host.origin, 'x-tandem-token': `${host.token}x` },
      { origin: 'http://evil.example', 'x-tandem-token': host.token },
      { 'x-tandem-token': host.token },
    ];
    for (const headers of attempts) {
      const response = await invoke(host, headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('refuses the event stream without the token', async () => {
    const host = await start();
    expect((await fetch(`${host.origin}/api/events`)).status).toBe(403);
  });

  it('says clearly when the body is not JSON', async () => {
    const host = await start();
    const response = await fetch(`${host.origin}/api/invoke`, { method: 'POST', headers: { origin: host.origin, 'x-tandem-token': host.token }, body: '{oops' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The request body is not JSON.' } });
  });

  it('serves no file outside the renderer folder', async () => {
    const host = await start();
    expect((await fetch(`${host.origin}/..%2Fsettings.json`)).status).toBe(404);
    expect((await fetch(`${host.origin}/Sample%20Company.tandem`)).status).toBe(200);
  });
});
