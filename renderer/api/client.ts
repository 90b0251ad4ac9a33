import type { TandemBridge } from '../../shared/api/bridge';
import type { ApiEvent, ApiInput, ApiResult, MethodName } from '../../shared/api/contract';
import { ApiError, type ApiResponse } from '../../shared/api/errors';

declare global {
  interface Window {
    /** present when the Electron preload ran */
    tandem?: TandemBridge;
  }
}

/** The typed API as the renderer sees it: the same on both transports. */
export interface ApiClient {
  call<Name extends MethodName>(method: Name, input: ApiInput<Name>): Promise<ApiResult<Name>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** which transport carries the calls */
  transport: 'electron' | 'browser';
  /** where the browser downloads a file of the exports folder; null in Electron, where the file is on the user's disk already */
  downloadUrl(fileName: string): string | null;
}

const TOKEN_KEY = 'tandem.token';

/** Methods whose answer can be megabytes (a whole sheet): asked for with postLargeAnswer. */
const ANSWERS_OF_MEGABYTES: ReadonlySet<string> = new Set(['sheet/read-sheet', 'sheet/get-sheet']);

/**
 * POSTs `body` and resolves with the answer's text (null: the host did not answer), for answers
 * of megabytes. An XMLHttpRequest, not fetch: Chromium hands fetch's answer over in pieces through
 * a stream and took 113-123 ms to give the 2.5 MB sheet as text where XMLHttpRequest took
 * 36-38 ms, side by side on the same answer (issue 14: the open waits for it).
 */
function postLargeAnswer(url: string, token: string, body: string): Promise<string | null> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('content-type', 'application/json');
    request.setRequestHeader('x-tandem-token', token);
    request.responseType = 'text';
    request.onload = () => resolve(request.responseText);
    request.onerror = () => resolve(null);
    request.send(body);
  });
}

/**
 * POSTs `body` and resolves with the answer's text (null: the host did not answer). fetch with the
 * body as a Blob: handing a paste's 120 KB request over cost the page's thread about 1.4 ms this
 * way, against 6.7 ms for XMLHttpRequest and 4.5 ms for fetch with a text body (measured in the page).
 */
async function postText(url: string, token: string, body: string): Promise<string | null> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tandem-token': token }, body: new Blob([body], { type: 'application/json' }) });
    return await response.text();
  } catch {
    return null;
  }
}

/** The browser host's transport: POST /api/invoke with the launch token, events over SSE. */
function browserBridge(): TandemBridge {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the secret out of the address bar and history.
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  return {
    async invoke(method, input) {
      const post = ANSWERS_OF_MEGABYTES.has(method) ? postLargeAnswer : postText;
      const text = await post('/api/invoke', token, JSON.stringify({ method, input }));
      if (text === null) return { ok: false, error: { code: 'internal', message: 'Tandem’s back end is not reachable. Is `npm start` still running?' } };
      return JSON.parse(text) as ApiResponse<unknown>;
    },
    onEvent(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as ApiEvent);
      return () => source.close();
    },
  };
}

export function createApiClient(): ApiClient {
  const bridge = window.tandem ?? browserBridge();
  return {
    transport: window.tandem === undefined ? 'browser' : 'electron',
    downloadUrl: (fileName) => (window.tandem === undefined ? `/exports/${encodeURIComponent(fileName)}?token=${encodeURIComponent(sessionStorage.getItem(TOKEN_KEY) ?? '')}` : null),
    async call(method, input) {
      const response = await bridge.invoke(method, input);
      if (!response.ok) throw ApiError.fromData(response.error);
      return response.value as ApiResult<typeof method>;
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}

let installed: ApiClient | null = null;

/**
 * Gives the renderer its API client: main.tsx installs the real one; a test installs a fake
 * transport that speaks the same contract. Nothing touches `window` until the first call.
 */
export function installApiClient(client: ApiClient): void {
  installed = client;
}

function installedClient(): ApiClient {
  installed ??= createApiClient();
  return installed;
}

/** The client every store and view calls through: whichever was installed, created on first use otherwise. */
export const api: ApiClient = {
  call: (method, input) => installedClient().call(method, input),
  onEvent: (listener) => installedClient().onEvent(listener),
  get transport() {
    return installedClient().transport;
  },
  downloadUrl: (fileName) => installedClient().downloadUrl(fileName),
};
