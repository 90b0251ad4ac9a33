import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ApiErrorCode, ApiErrorData, ApiResponse } from '../../shared/api/errors';
import { dispatch, type HandlerTable } from '../api/handler-table';
import type { BackSession } from '../app/back-session';
import { StaticFiles } from './static-files';
import { asciiJson } from './ascii-json';
import { answerBytes } from './answer-bytes';

// Room for a file uploaded for import: 60 MB of base64 is a 45 MB CSV.
const MAX_BODY_BYTES = 64 * 1024 * 1024;


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
  const staticFiles = new StaticFiles(options.rendererFolder);
  // A page's first ask is the open workbook's sheet: its answer's bytes are made while nobody
  // waits (the first time, cold, about 0.3 s for 10,000 lines x 36), when the host starts and
  // when another workbook opens, and kept until the file changes (see answerBytes).
  const prepareSheetAnswer = () =>
    setImmediate(() => {
      dispatch(options.table, { session: options.session }, 'sheet/read-sheet', { versionId: null })
        .then((answer) => answer.ok && answerBytes(answer))
        .catch(() => undefined);
    });
  const unsubscribe = options.session.onEvent((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
    if (event.name === 'workbook/session-changed') prepareSheetAnswer();
  });
  prepareSheetAnswer();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = URL.parse(request.url ?? '/', origin);
    if (url === null) return sendJson(response, 400, invalid('The address is not valid: it is not a path on this host.'));
    // Every path this host serves is read decoded: one that does not decode is refused here, once.
    const pathname = decodedPath(url.pathname);
    if (pathname === null) return sendJson(response, 400, invalid(`The address is not valid: ${url.pathname.slice(0, 200)} has a malformed percent-encoding (a % must start an escape of UTF-8 such as %20).`));
    if (url.pathname === '/api/invoke') {
      if (request.method !== 'POST') return sendJson(response, 405, refusal('Use POST for API calls.'));
      if (!sameOrigin(request) || !tokenMatches(request.headers['x-tandem-token'])) {
        return sendJson(response, 403, refusal('This page is not allowed to use this Tandem window. Open the address Tandem printed at start.'));
      }
      const body = await readBody(request);
      if (body === null) return sendJson(response, 413, invalid('The request is larger than 64 MB: import a smaller file, or split it.'));
      const call = parseCall(body);
      if (!call.ok) return sendJson(response, 400, call);
      const answer = await dispatch(options.table, { session: options.session }, call.value.method, call.value.input);
      return sendJson(response, answer.ok ? 200 : statusOf(answer.error.code), answer, answerBytes(answer));
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
      return serveDownload(options.session.exportsFolder, pathname.slice('/exports/'.length), response);
    }
    staticFiles.serve(pathname, response, request.method === 'HEAD');
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

function invalid(message: string): ApiResponse<never> {
  return { ok: false, error: { code: 'invalid-input', message } };
}

/**
 * The HTTP status of a refused call: the caller's mistakes are 4xx (what was sent, or what it
 * names, is wrong or not there; the workbook's state does not allow it), and only a failure of
 * the back itself is a 5xx. The body says the same in the API's own terms. A code not listed
 * here is a refusal of the call: 400.
 */
const STATUS_OF_CODE: Readonly<Partial<Record<ApiErrorCode, number>>> = {
  'invalid-input': 400,
  unauthorized: 403,
  'unknown-method': 404,
  'not-found': 404,
  'no-workbook-open': 409,
  'already-exists': 409,
  cancelled: 409,
  locked: 423,
  'not-a-workbook': 422,
  'newer-version': 422,
  corrupt: 422,
  'write-failed': 500,
  internal: 500,
};

export function statusOf(code: ApiErrorCode): number {
  return STATUS_OF_CODE[code] ?? 400;
}

/** A call as the body says it: a JSON object naming the method, with the method's input. */
function parseCall(body: string): { ok: true; value: { method: unknown; input: unknown } } | { ok: false; error: ApiErrorData } {
  let call: unknown;
  try {
    call = JSON.parse(body) as unknown;
  } catch {
    return { ok: false, error: { code: 'invalid-input', message: 'The request body is not JSON.' } };
  }
  if (typeof call !== 'object' || call === null || Array.isArray(call)) {
    const found = call === null ? 'null' : Array.isArray(call) ? 'an array' : `a ${typeof call}`;
    return { ok: false, error: { code: 'invalid-input', message: `The request body must be a JSON object with the method's name and its input, such as {"method": "workbook/get-session", "input": {}}; it is ${found}.` } };
  }
  const method: unknown = Reflect.get(call, 'method');
  if (typeof method !== 'string') return { ok: false, error: { code: 'invalid-input', message: 'The request body names no API method: give "method" as a string, such as "workbook/get-session".', where: 'method' } };
  return { ok: true, value: { method, input: Reflect.get(call, 'input') } };
}

/** The path with its percent-escapes decoded, or null when they do not decode (`/%`, `/%E0%A4%A`, `/%FF`). */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** Sends `body` as JSON, in ASCII only: the browser reads a one-byte answer in half the time (see asciiJson). */
function sendJson(response: ServerResponse, status: number, body: unknown, bytes: Buffer = Buffer.from(asciiJson(body))): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': bytes.length });
  response.end(bytes);
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

