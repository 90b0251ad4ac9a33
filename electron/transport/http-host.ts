import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ApiResponse } from '../../shared/api/errors';
import { dispatch, type HandlerTable } from '../api/handler-table';
import type { BackSession } from '../app/back-session';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';

// Room for a file uploaded for import: 60 MB of base64 is a 45 MB CSV.
const MAX_BODY_BYTES = 64 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface BrowserHost {
  server: Server;
  /** what to open in a browser: carries the per-launch token */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser transport: the renderer's files and the same handler table as Electron, on
 * 127.0.0.1 only. Every API call must carry this launch's secret token and come from this
 * origin, so other pages and other local users cannot drive the workbook.
 */
export async function startBrowserHost(options: {
  session: BackSession;
  table: HandlerTable;
  rendererFolder: string;
  port?: number;
}): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  const eventStreams = new Set<ServerResponse>();
  const unsubscribe = options.session.onEvent((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/api/invoke') {
      if (request.method !== 'POST') return sendJson(response, 405, refusal('Use POST for API calls.'));
      if (!sameOrigin(request) || !tokenMatches(request.headers['x-tandem-token'])) {
        return sendJson(response, 403, refusal('This page is not allowed to use this Tandem window. Open the address Tandem printed at start.'));
      }
      const body = await readBody(request);
      if (body === null) return sendJson(response, 413, refusal('The request is larger than 64 MB: import a smaller file, or split it.'));
      let call: { method?: unknown; input?: unknown };
      try {
        call = JSON.parse(body) as { method?: unknown; input?: unknown };
      } catch {
        return sendJson(response, 400, { ok: false, error: { code: 'invalid-input', message: 'The request body is not JSON.' } });
      }
      const answer = await dispatch(options.table, { session: options.session }, call.method, call.input);
      return sendJson(response, 200, answer);
    }
    if (url.pathname === '/api/events') {
      if (!tokenMatches(url.searchParams.get('token') ?? undefined)) return sendJson(response, 403, refusal('Missing or wrong token.'));
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, refusal('Only GET is served here.'));
    if (url.pathname.startsWith('/exports/')) {
      // An exported file, offered as a download: the browser's way to hand it to the user.
      if (!tokenMatches(url.searchParams.get('token') ?? undefined)) return sendJson(response, 403, refusal('Missing or wrong token.'));
      return serveDownload(options.session.exportsFolder, decodeURIComponent(url.pathname.slice('/exports/'.length)), response);
    }
    serveStatic(options.rendererFolder, url.pathname, response);
  }

  function tokenMatches(candidate: string | string[] | undefined): boolean {
    if (typeof candidate !== 'string') return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  function sameOrigin(request: IncomingMessage): boolean {
    // Browsers send Origin on every POST; a call without one did not come from our page.
    return request.headers.origin === origin;
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    token,
    url: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        unsubscribe();
        for (const stream of eventStreams) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function refusal(message: string): ApiResponse<never> {
  return { ok: false, error: { code: 'unauthorized', message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', rejectBody);
  });
}

function serveDownload(folder: string, name: string, response: ServerResponse): void {
  const file = join(folder, name);
  if (name.includes('/') || name.includes('\\') || name.startsWith('.') || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('No such export');
    return;
  }
  response.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(response);
}

function serveStatic(folder: string, pathname: string, response: ServerResponse): void {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = normalize(join(folder, relative));
  if (!file.startsWith(normalize(folder) + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(response);
}
