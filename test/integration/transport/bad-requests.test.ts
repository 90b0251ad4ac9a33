import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempFolder } from '../../helpers/temp-folder';
import { contentOf, stateOf } from '../api/workbook-fingerprint';
import { startRunningHost, type RunningHost } from './running-host';

/** A request of the bad-input corpus (test/fixtures/bad/api/requests.json) and what it must answer. */
interface BadRequest {
  what: string;
  /** a body sent as it is */
  body?: string;
  /** a call sent as JSON; "$budget" stands for the budget version's id, "$long-path" for a path of 5,000 characters */
  call?: { method: string; input: unknown };
  /** a GET of this path; "$token" stands for the launch token */
  get?: string;
  status: number;
  message: string;
  where?: string;
}

const CORPUS = JSON.parse(readFileSync(join(__dirname, '../../fixtures/bad/api/requests.json'), 'utf8')) as BadRequest[];

const tempFolder = useTempFolder();
const running: RunningHost[] = [];
afterEach(async () => {
  for (const host of running.splice(0)) await host.stop();
});

async function start(): Promise<RunningHost> {
  const host = await startRunningHost(tempFolder());
  running.push(host);
  return host;
}

function withPlaceholders(value: unknown, budgetId: number): unknown {
  if (value === '$budget') return budgetId;
  if (value === '$long-path') return `${'folder/'.repeat(714)}x.tandem`;
  if (Array.isArray(value)) return value.map((item) => withPlaceholders(item, budgetId));
  if (typeof value === 'object' && value !== null) {
    // Own keys only, "__proto__" included: the corpus is about such keys.
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(copy, key, { value: withPlaceholders(item, budgetId), enumerable: true, configurable: true, writable: true });
    return copy;
  }
  return value;
}

async function send(running: RunningHost, request: BadRequest, budgetId: number): Promise<{ status: number; answer: unknown }> {
  if (request.body !== undefined) return running.post(request.body, { raw: true });
  if (request.call !== undefined) return running.post(withPlaceholders(request.call, budgetId));
  if (request.get !== undefined) {
    const { status, text } = await running.get(request.get.replace('$token', running.host.token));
    return { status, answer: JSON.parse(text) as unknown };
  }
  throw new Error(`corpus case "${request.what}" says neither body, call nor get`);
}

describe('the bad-input corpus of API requests (test/fixtures/bad/api)', () => {
  it('has the cases of each kind', () => {
    expect(CORPUS.filter((request) => request.get !== undefined).length).toBeGreaterThanOrEqual(3);
    expect(CORPUS.filter((request) => request.call !== undefined && JSON.stringify(request.call).includes('\\u0000')).length).toBeGreaterThanOrEqual(8);
  });

  it('answers each request with its 4xx and a clear message, and changes nothing', async () => {
    const host = await start();
    const versions = (await host.post({ method: 'version/list', input: {} })).answer as { value: { versions: { id: number }[] } };
    const budgetId = versions.value.versions[0]?.id ?? 1;
    const content = contentOf(host.session);
    const state = stateOf(host.session, host.dataDir);
    const seen: string[] = [];
    for (const request of CORPUS) {
      const { status, answer } = await send(host, request, budgetId);
      seen.push(`${request.what}: ${status} ${JSON.stringify(answer)}`);
      expect.soft(status, request.what).toBe(request.status);
      expect.soft(answer, request.what).toMatchObject({ ok: false, error: { message: expect.stringContaining(request.message) } });
      if (request.where !== undefined) expect.soft(answer, request.what).toMatchObject({ error: { where: request.where } });
      expect.soft(stateOf(host.session, host.dataDir), `${request.what} changed nothing`).toBe(state);
    }
    expect(contentOf(host.session)).toBe(content);
  });

  it('refuses an input nested a million levels deep (written here, not stored), and stays up', async () => {
    const host = await start();
    const state = stateOf(host.session, host.dataDir);
    const depth = 1_000_000;
    const { status, answer } = await host.post(`{"method": "sheet/set-cells", "input": ${'['.repeat(depth)}${']'.repeat(depth)}}`, { raw: true });
    expect(status).toBe(400);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(answer).length).toBeLessThan(1000);
    expect(stateOf(host.session, host.dataDir)).toBe(state);
    expect((await host.post({ method: 'workbook/get-session', input: {} })).status).toBe(200);
  });

  it('refuses a body over 64 MB (written here, not stored) as too large, without reading it as a call', async () => {
    const host = await start();
    const state = stateOf(host.session, host.dataDir);
    const { status, answer } = await host.post(`{"method": "import/inspect", "input": {"source": {"name": "big.csv", "base64": "${'A'.repeat(65 * 1024 * 1024)}"}}}`, { raw: true });
    expect(status).toBe(413);
    expect(answer).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The request is larger than 64 MB: import a smaller file, or split it.' } });
    expect(stateOf(host.session, host.dataDir)).toBe(state);
  });
});
