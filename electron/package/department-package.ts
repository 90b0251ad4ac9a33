import { existsSync, rmSync } from 'node:fs';
import { ApiError } from '../../shared/api/errors';
import type { AmountText } from '../../shared/money/amount';
import type { ImportCell, NewLine } from '../../shared/import/plan-import';
import type { PackageConflict, PackageMergePlan } from '../../shared/api/package-api';
import { WorkbookStore } from '../store/workbook-store';
import type { WorkbookSeed } from '../store/workbook-seed';

/** The setting a package file carries about where it came from and what it held when cut. */
export const PACKAGE_MARKER = 'tandem_package';

interface PackageInfo {
  kind: 'department-package';
  sourceWorkbookId: string;
  sourceWorkbookName: string;
  versionName: string;
  departmentId: number;
  departmentName: string;
  cutAt: string;
  cutBy: string;
  /** the package's line ids and the workbook's line ids they copy */
  lines: { packageLineId: number; sourceLineId: number }[];
  /** the workbook's values of those lines when the package was cut: the base of the three-way merge */
  base: Record<number, (AmountText | null)[]>;
}

/**
 * Cuts a department's lines of the version into a package: a Tandem workbook of its own that an
 * ops manager opens and edits offline, with every account (to add lines) and the values as the
 * base for merging back. Formula lines stay behind: they compute from lines the package lacks.
 */
export function cutPackage(store: WorkbookStore, versionId: number, departmentId: number, destination: string, actor: string): { lines: number; department: string } {
  const model = store.sheet(versionId);
  const department = model.departments.find((candidate) => candidate.id === departmentId);
  if (department === undefined) throw new ApiError('not-found', `Department ${departmentId} does not exist in this workbook.`, 'departmentId');
  const lines = model.lines.filter((line) => line.departmentId === departmentId && line.formula === null);
  if (lines.length === 0) throw new ApiError('invalid-input', `${department.name} has no lines to put in a package.`, 'departmentId');
  const accounts = new Map(model.accounts.map((account) => [account.id, account]));
  const seed: WorkbookSeed = {
    name: `${model.workbook.name} — ${department.name} package`,
    currency: model.workbook.currency,
    calendar: model.calendar,
    versionName: model.version.name,
    departments: [{ name: department.name }],
    accounts: model.accounts.map((account) => ({ code: account.code, name: account.name, type: account.type, unit: account.unit, ...(account.parentId === null ? {} : { parent: accounts.get(account.parentId)?.code ?? '' }) })),
    lines: lines.map((line) => ({ department: department.name, accountCode: accounts.get(line.accountId)?.code ?? '', description: line.description, values: line.values })),
  };
  if (existsSync(destination)) rmSync(destination);
  const packaged = WorkbookStore.create(destination, seed, actor);
  try {
    // The seed inserts the lines in order into a new file: ids follow that order.
    const packageLines = packaged.database.prepare<[], { id: number }>('SELECT id FROM budget_lines ORDER BY id').all();
    const info: PackageInfo = {
      kind: 'department-package',
      sourceWorkbookId: store.workbookId(),
      sourceWorkbookName: model.workbook.name,
      versionName: model.version.name,
      departmentId,
      departmentName: department.name,
      cutAt: new Date().toISOString(),
      cutBy: actor,
      lines: lines.map((line, index) => ({ packageLineId: packageLines[index]?.id ?? 0, sourceLineId: line.id })),
      base: Object.fromEntries(lines.map((line) => [line.id, line.values])),
    };
    packaged.writeMarker(PACKAGE_MARKER, JSON.stringify(info));
  } finally {
    packaged.close();
  }
  return { lines: lines.length, department: department.name };
}

/**
 * Compares a package with the workbook, cell by cell, against the values the package was cut
 * with: a cell changed only in the package merges by itself, one changed only in the workbook
 * stays, one changed on both sides to different values is a conflict for the user to decide.
 * Lines added in the package are added. A package from another workbook, or one whose lines
 * are gone from the workbook, is refused with the reason.
 */
export function planPackageMerge(store: WorkbookStore, versionId: number, packagePath: string): { plan: PackageMergePlan; newLines: NewLine[]; automatic: ImportCell[]; conflictCells: Map<string, ImportCell> } {
  let packaged: WorkbookStore;
  try {
    packaged = WorkbookStore.open(packagePath);
  } catch (error) {
    throw new ApiError('invalid-input', `The package could not be opened: ${error instanceof Error ? error.message : String(error)}`, packagePath);
  }
  try {
    const marker = packaged.settingOrNull(PACKAGE_MARKER);
    if (marker === null) throw new ApiError('invalid-input', 'This file is a Tandem workbook, not a department package: open it with Open instead.', packagePath);
    const info = JSON.parse(marker) as PackageInfo;
    const model = store.sheet(versionId);
    if (info.sourceWorkbookId !== store.workbookId()) {
      throw new ApiError('invalid-input', `This package was cut from another workbook (“${info.sourceWorkbookName}”), not from this one. Nothing was merged.`, packagePath);
    }
    if (info.versionName !== model.version.name) {
      throw new ApiError('invalid-input', `This package holds “${info.versionName}”; the workbook shows “${model.version.name}”. Nothing was merged.`, packagePath);
    }
    const packageModel = packaged.sheet(packaged.defaultVersionId());
    const sameCalendar = (['startYear', 'startMonth', 'periodCount'] as const).every((field) => packageModel.calendar[field] === model.calendar[field]);
    if (!sameCalendar) throw new ApiError('invalid-input', 'The package’s months are not the workbook’s (its fiscal calendar differs). Nothing was merged.', packagePath);
    const periodLabels = model.periods.map((period) => period.label);
    const current = new Map(model.lines.map((line) => [line.id, line]));
    const packageAccounts = new Map(packageModel.accounts.map((account) => [account.id, account]));
    const accountsByCode = new Map(model.accounts.map((account) => [account.code, account]));
    const sourceOf = new Map(info.lines.map((pair) => [pair.packageLineId, pair.sourceLineId]));
    const problems: string[] = [];
    const notes: string[] = [];
    const automatic: ImportCell[] = [];
    const conflicts: PackageConflict[] = [];
    const conflictCells = new Map<string, ImportCell>();
    const newLines: NewLine[] = [];
    let unchanged = 0;
    let keptWorkbook = 0;
    for (const line of packageModel.lines) {
      const sourceId = sourceOf.get(line.id);
      let matched = sourceId;
      let base: readonly (AmountText | null)[] = sourceId === undefined ? [] : (info.base[sourceId] ?? []);
      if (sourceId === undefined) {
        // A line the ops manager added: it joins the department on the same account. Merged once
        // already (the same package brought back twice), it is that line, with nothing as its base.
        const account = accountsByCode.get(packageAccounts.get(line.accountId)?.code ?? '');
        if (account === undefined) {
          problems.push(`“${line.description}” is on an account this workbook no longer has.`);
          continue;
        }
        const existing = model.lines.find((candidate) => candidate.departmentId === info.departmentId && candidate.accountId === account.id && candidate.description.toLowerCase() === line.description.toLowerCase());
        if (existing === undefined) {
          const key = `package:${line.id}`;
          newLines.push({ key, departmentId: info.departmentId, accountId: account.id, description: line.description });
          line.values.forEach((value, period) => value !== null && automatic.push({ line: { key }, period, value }));
          continue;
        }
        matched = existing.id;
        base = [];
      }
      const sourceIdOf = matched as number;
      const ours = current.get(sourceIdOf);
      if (ours === undefined) {
        problems.push(`“${line.description}” was deleted from the workbook after the package was cut: add it again, or take it out of the package.`);
        continue;
      }
      if (ours.formula !== null) {
        notes.push(`“${ours.description}” is computed by a formula in the workbook now: its months in the package are not merged.`);
        continue;
      }
      line.values.forEach((theirs, period) => {
        const was = base[period] ?? null;
        const now = ours.values[period] ?? null;
        if (theirs === was) {
          if (now !== was) keptWorkbook += 1;
          else unchanged += 1;
          return;
        }
        if (now === was || now === theirs) {
          if (now === theirs) unchanged += 1;
          else automatic.push({ line: { id: sourceIdOf }, period, value: theirs });
          return;
        }
        const key = `${sourceIdOf}:${period}`;
        conflicts.push({ key, line: ours.description, period: periodLabels[period] ?? String(period), base: was, package: theirs, workbook: now });
        conflictCells.set(key, { line: { id: sourceIdOf }, period, value: theirs });
      });
    }
    const plan: PackageMergePlan = {
      department: info.departmentName,
      cutAt: info.cutAt,
      cutBy: info.cutBy,
      automatic: automatic.length,
      newLines: newLines.map((line) => line.description),
      conflicts,
      keptWorkbook,
      unchanged,
      problems,
      notes,
    };
    return { plan, newLines, automatic, conflictCells };
  } finally {
    packaged.close();
  }
}
