import { readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';

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

/** The renderer's files together stay far below this; a larger file is read each time, never kept. */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

/** A file's bytes as last read, with what says whether the file has changed since. */
interface KeptFile {
  bytes: Buffer;
  size: number;
  modifiedMs: number;
}

/**
 * How a file may be cached by the browser. Vite names every file under assets/ by a hash of its
 * content, so such a name never changes meaning: the browser keeps it for good, and opening the
 * app again reads it (and V8's compiled code for it) from the cache. Anything else (index.html
 * names the current hashes) is asked for again each time.
 */
export function cacheControlFor(relativePath: string): string {
  return /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(relativePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The renderer's files, served from memory: read once (again when the file changes on disk) and
 * written whole. Issue 14: streaming them from disk in 64 KB pieces on the host's one thread made
 * the 1.6 MB app bundle wait behind the first sheet read; written whole, it leaves at once.
 */
export class StaticFiles {
  private readonly kept = new Map<string, KeptFile>();
  private keptBytes = 0;

  constructor(private readonly folder: string) {}

  /** Answers a GET (or HEAD) for a decoded path: the file, or 404 for anything outside the folder or missing. */
  serve(pathname: string, response: ServerResponse, headOnly = false): void {
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = normalize(join(this.folder, relative));
    const bytes = file.startsWith(normalize(this.folder) + sep) ? this.read(file) : null;
    if (bytes === null) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': bytes.length,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': cacheControlFor(relative.split(sep).join('/')),
    });
    response.end(headOnly ? undefined : bytes);
  }

  /** The file's bytes, kept while it is unchanged on disk; null when it is not a file. */
  private read(file: string): Buffer | null {
    let size: number;
    let modifiedMs: number;
    try {
      const stats = statSync(file);
      if (!stats.isFile()) return null;
      ({ size, mtimeMs: modifiedMs } = stats);
    } catch {
      return null;
    }
    const kept = this.kept.get(file);
    if (kept !== undefined && kept.size === size && kept.modifiedMs === modifiedMs) return kept.bytes;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return null;
    }
    if (kept !== undefined) {
      this.kept.delete(file);
      this.keptBytes -= kept.bytes.length;
    }
    if (this.keptBytes + bytes.length <= MAX_KEPT_BYTES) {
      this.kept.set(file, { bytes, size, modifiedMs });
      this.keptBytes += bytes.length;
    }
    return bytes;
  }
}
