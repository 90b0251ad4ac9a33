import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { PackageMergePlan } from '../../shared/api/package-api';
import type { ImportCell } from '../../shared/import/plan-import';
import type { WorkbookStore } from '../store/workbook-store';
import { writeFileSafely } from '../export/safe-write';
import { cutPackage, planPackageMerge } from './department-package';

/** Packages cut to files, and packages brought back: inspected under a token, then merged. */
export class PackageService {
  private readonly held = new Map<string, { path: string; name: string }>();

  constructor(private readonly scratchFolder: string) {}

  async cut(store: WorkbookStore, versionId: number, departmentId: number, destination: string, actor: string) {
    let result: { lines: number; department: string } = { lines: 0, department: '' };
    // The package is a workbook written beside its destination, then renamed into place.
    await writeFileSafely(destination, async (temporary) => {
      result = cutPackage(store, versionId, departmentId, temporary, actor);
    });
    return { path: destination, bytes: statSync(destination).size, ...result };
  }

  inspect(store: WorkbookStore, versionId: number, source: { path: string } | { name: string; base64: string }): { token: string; fileName: string; plan: PackageMergePlan } {
    // A copy in the scratch folder is what is read (opening a workbook may upgrade it): the
    // user's file stays as it was. It goes when the merge is done, refused, or forgotten.
    mkdirSync(this.scratchFolder, { recursive: true });
    const path = join(this.scratchFolder, `${randomBytes(8).toString('hex')}.tandem`);
    let name: string;
    if ('path' in source) {
      name = basename(source.path);
      try {
        copyFileSync(source.path, path);
      } catch {
        throw new ApiError('not-found', `There is no package at ${source.path}.`, source.path);
      }
    } else {
      name = source.name;
      writeFileSync(path, Buffer.from(source.base64, 'base64'));
    }
    let plan: PackageMergePlan;
    try {
      plan = planPackageMerge(store, versionId, path).plan;
    } catch (error) {
      removeScratch(path);
      throw error;
    }
    const token = randomBytes(12).toString('hex');
    if (this.held.size >= 3) {
      const [oldest, held] = this.held.entries().next().value as [string, { path: string }];
      removeScratch(held.path);
      this.held.delete(oldest);
    }
    this.held.set(token, { path, name });
    return { token, fileName: name, plan };
  }

  merge(store: WorkbookStore, versionId: number, token: string, choices: Record<string, 'package' | 'workbook'>, actor: string) {
    const held = this.held.get(token);
    if (held === undefined) throw new ApiError('not-found', 'The package is no longer at hand: choose it again.', 'token');
    // Planned again: the workbook may have changed since the preview.
    const { plan, newLines, automatic, conflictCells } = planPackageMerge(store, versionId, held.path);
    if (plan.problems.length > 0) throw new ApiError('invalid-input', `Nothing was merged: ${plan.problems.join(' ')}`, held.name);
    checkChoices(plan, choices);
    const chosen: ImportCell[] = plan.conflicts.flatMap((conflict) => (choices[conflict.key] === 'package' ? [conflictCells.get(conflict.key) as ImportCell] : []));
    const receipt = store.importCells({ newLines, cells: [...automatic, ...chosen] }, { kind: 'version', versionId }, `merge the ${plan.department} package (${held.name})`, actor, 'package/merge');
    removeScratch(held.path);
    this.held.delete(token);
    return receipt;
  }
}

/**
 * No side of a conflict is chosen for the user: each needs its choice before anything merges, and
 * a choice must name one of the conflicts the package has now (the workbook may have changed since
 * the preview), so a stale or mistyped choice is never taken for another cell.
 */
export function checkChoices(plan: PackageMergePlan, choices: Readonly<Record<string, 'package' | 'workbook'>>): void {
  const conflicts = new Set(plan.conflicts.map((conflict) => conflict.key));
  const stray = Object.keys(choices).find((key) => !conflicts.has(key));
  if (stray !== undefined) throw new ApiError('invalid-input', `The choice for “${stray}” is not one of this package’s conflicts: inspect the package again. Nothing was merged.`, `choices.${stray}`);
  const unchosen = plan.conflicts.filter((conflict) => !Object.hasOwn(choices, conflict.key));
  const first = unchosen[0];
  if (first !== undefined) {
    throw new ApiError(
      'invalid-input',
      `Choose a side for every conflict before merging: ${unchosen.length} of ${plan.conflicts.length} ${unchosen.length === 1 ? 'is' : 'are'} not chosen yet (${first.line}, ${first.period}). Nothing was merged.`,
      `choices.${first.key}`,
    );
  }
}

/** A scratch copy and the files SQLite kept beside it. */
function removeScratch(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
