import { existsSync, linkSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { ApiError } from '../../shared/api/errors';

/**
 * Where a finished workbook file goes: new files and copies are written beside their path and
 * put in place whole, so no half-made file is ever seen there.
 */

/** A file already at `path` refused, naming it: the user has not agreed to replace it. */
export function refuseExisting(path: string): void {
  if (existsSync(path)) throw alreadyExists(path);
}

function alreadyExists(path: string): ApiError {
  return new ApiError('already-exists', `A file already exists at ${path}. Choose another name.`, path);
}

/**
 * Puts a finished workbook file (new or a copy) at its path: a file already there is refused, or,
 * when `replace` says the user confirmed it (the system's Save dialog or Tandem's own asked),
 * replaced whole.
 */
export function placeFinishedFile(temporary: string, destination: string, replace: boolean): void {
  if (replace) replaceWith(temporary, destination);
  else moveIntoPlace(temporary, destination);
}

/** Puts the file in the place of the one there (one rename); that file's journal goes first, so SQLite never reads it into the new one. */
function replaceWith(temporary: string, destination: string): void {
  for (const sidecar of ['-wal', '-shm', '-journal']) rmSync(`${destination}${sidecar}`, { force: true });
  renameSync(temporary, destination);
}

/**
 * Puts a finished file at its final path, refusing (never replacing) a file that appeared there
 * in the meantime: a hard link fails when the target exists, where a rename would overwrite it.
 */
function moveIntoPlace(temporary: string, destination: string): void {
  try {
    linkSync(temporary, destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyExists(destination);
    throw error;
  }
  unlinkSync(temporary);
}
