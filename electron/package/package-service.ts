import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
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

  async cut(store: WorkbookStore, departmentId: number, destination: string, actor: string) {
    let result: { lines: number; department: string } = { lines: 0, department: '' };
    // The package is a workbook written beside its destination, then renamed into place.
    await writeFileSafely(destination, async (temporary) => {
      result = cutPackage(store, departmentId, temporary, actor);
    });
    return { path: destination, bytes: statSync(destination).size, ...result };
  }

  inspect(store: WorkbookStore, source: { path: string } | { name: string; base64: string }): { token: string; fileName: string; plan: PackageMergePlan } {
    let path: string;
    let name: string;
    if ('path' in source) {
      path = source.path;
      name = basename(source.path);
    } else {
      // SQLite reads files: an uploaded package is kept in the scratch folder while it is merged.
      mkdirSync(this.scratchFolder, { recursive: true });
      name = source.name;
      path = join(this.scratchFolder, `${randomBytes(8).toString('hex')}.tandem`);
      writeFileSync(path, Buffer.from(source.base64, 'base64'));
    }
    const { plan } = planPackageMerge(store, path);
    const token = randomBytes(12).toString('hex');
    this.held.set(token, { path, name });
    return { token, fileName: name, plan };
  }

  merge(store: WorkbookStore, token: string, choices: Record<string, 'package' | 'workbook'>, actor: string) {
    const held = this.held.get(token);
    if (held === undefined) throw new ApiError('not-found', 'The package is no longer at hand: choose it again.', 'token');
    // Planned again: the workbook may have changed since the preview.
    const { plan, newLines, automatic, conflictCells } = planPackageMerge(store, held.path);
    if (plan.problems.length > 0) throw new ApiError('invalid-input', `Nothing was merged: ${plan.problems.join(' ')}`, held.name);
    const undecided = plan.conflicts.filter((conflict) => choices[conflict.key] === undefined);
    if (undecided.length > 0) throw new ApiError('invalid-input', `Choose a value for every conflict first: ${undecided.length} left (${undecided[0]?.line}, ${undecided[0]?.period}).`, held.name);
    const chosen: ImportCell[] = plan.conflicts.flatMap((conflict) => (choices[conflict.key] === 'package' ? [conflictCells.get(conflict.key) as ImportCell] : []));
    return store.importCells({ newLines, cells: [...automatic, ...chosen] }, 'budget', `merge the ${plan.department} package (${held.name})`, actor, 'package/merge');
  }
}
