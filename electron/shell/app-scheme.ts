import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';

/**
 * The renderer is served from `app://tandem/…`, a privileged custom scheme, instead of file://:
 * the page's origin is its own (not every file on the disk), and only files of the renderer's
 * build folder can be fetched from it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tandem';
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What main passes protocol.registerSchemesAsPrivileged before 'ready': standard (relative URLs, 'self' in the CSP) and secure. No CSP bypass. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** Whether a frame's URL is one of ours: the app scheme, the app host. */
export function isRendererUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.hostname === APP_HOST && parsed.username === '' && parsed.password === '' && parsed.port === '';
  } catch {
    return false;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

/** The MIME type a file of the renderer's build is served with (anything unknown as bytes, never sniffed). */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file of `folder` an app:// URL names, or null: another host, a path that climbs out of
 * the folder (`..`, encoded or not, backslashes, absolute paths, NUL), or a malformed URL.
 * `/` is index.html. Whether the file exists is the caller's question.
 */
export function resolveAppPath(url: string, folder: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const wanted = segments.length === 0 ? 'index.html' : segments.join('/');
  if (isAbsolute(wanted)) return null;
  const root = resolve(folder);
  const file = normalize(resolve(root, wanted));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || !file.startsWith(root + sep)) return null;
  return file;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string;
}

/** The answer to one app:// request: the file with its type and the CSP, or 404 (never a listing, never a file outside the folder). */
export async function appResponse(url: string, folder: string): Promise<AppResponse> {
  const notFound: AppResponse = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  const file = resolveAppPath(url, folder);
  if (file === null) return notFound;
  try {
    if (!(await stat(file)).isFile()) return notFound;
    const body = new Uint8Array(await readFile(file));
    return {
      status: 200,
      headers: { 'content-type': contentTypeFor(file), 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' },
      body,
    };
  } catch {
    return notFound;
  }
}
