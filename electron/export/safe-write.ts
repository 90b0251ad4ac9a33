import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';

/**
 * Writes a file so that a failure never leaves half of it: the content goes to a temporary
 * file beside the destination, is flushed to disk, and is then renamed over the destination
 * in one step. On any failure (or a cancel) the temporary file is removed and an older file at
 * the destination is left as it was.
 */
export async function writeFileSafely(destination: string, write: (temporaryPath: string) => Promise<void>): Promise<void> {
  const temporary = join(dirname(destination), `.${basename(destination)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    await write(temporary);
    const fd = openSync(temporary, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, destination);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof ApiError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError('write-failed', `Could not write ${destination}: ${reason}. No file was written; a file already there is unchanged.`, destination);
  }
}
