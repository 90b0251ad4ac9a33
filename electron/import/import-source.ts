import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { ApiError } from '../../shared/api/errors';

/** A file to import: on disk (a path), or uploaded (its bytes, as the browser sends them). */
export type ImportSource = { path: string } | { bytes: Uint8Array };

/** Read a file this many bytes at a time: small enough that a limit is seen soon after it is passed. */
const CHUNK_BYTES = 256 * 1024;

export function sourceSize(source: ImportSource): number {
  if ('bytes' in source) return source.bytes.length;
  try {
    return statSync(source.path).size;
  } catch {
    throw new ApiError('not-found', `There is no file at ${source.path}.`, source.path);
  }
}

/** The first bytes of the file (fewer when the file is shorter). */
export async function sourceHead(source: ImportSource, length: number): Promise<Buffer> {
  if ('bytes' in source) return Buffer.from(source.bytes.buffer, source.bytes.byteOffset, Math.min(length, source.bytes.length));
  const handle = await open(source.path, 'r').catch(() => {
    throw new ApiError('not-found', `There is no file at ${source.path}.`, source.path);
  });
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function* chunksOf(bytes: Uint8Array): Generator<Buffer> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(CHUNK_BYTES, bytes.length - start));
}

/** The file as a stream of chunks, never the whole file at once. */
export function sourceStream(source: ImportSource): Readable {
  return 'bytes' in source ? Readable.from(chunksOf(source.bytes), { objectMode: false }) : createReadStream(source.path, { highWaterMark: CHUNK_BYTES });
}
