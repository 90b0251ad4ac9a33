import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
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
  const temporary = temporaryPathFor(destination);
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

/** The temporary file a write goes to first: hidden, beside the destination, `.NAME.xxxxxxxx.partial`. */
export function temporaryPathFor(destination: string): string {
  return join(dirname(destination), `.${basename(destination)}.${randomBytes(4).toString('hex')}.partial`);
}

/** Tandem's own temporary file names, and only those (8 lower-case hex digits, as `temporaryPathFor` writes them). */
const TEMPORARY_NAME = /^\..+\.[0-9a-f]{8}\.partial$/;

/**
 * Removes the temporary files that writes killed midway (the app closed by force, the machine
 * off) left in `folder`: files of Tandem's naming only, never another file or a folder, and
 * nothing outside `folder`. Called when the back starts, before it writes anything there.
 * Answers the names removed; a folder that is not there has none.
 */
export function removeLeftoverTemporaryFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((candidate) => TEMPORARY_NAME.test(candidate))) {
    const path = join(folder, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      rmSync(path);
      removed.push(name);
    } catch (error) {
      console.warn(`Tandem: could not remove ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return removed;
}
