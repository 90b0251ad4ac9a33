import { describe, expect, it } from 'vitest';
import type { SheetModel } from '../../../shared/domain/workbook';
import type { StructureReceipt } from '../../../shared/api/sheet-api';
import { applySheetPatch } from '../../../shared/sheet/apply-sheet-patch';
import type { Grouping } from '../../../shared/sheet/sheet-groups';
import { buildSheetView, type SheetView } from '../../../shared/sheet/sheet-view';
import { startBack, type TestBack } from '../../helpers/back';
import { comparableView } from '../../helpers/comparable-view';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

type Change = (back: TestBack, model: SheetModel, versionId: number) => Promise<StructureReceipt>;
/** What a change needs in the file first (written before the sheet is shown). */
type Preparation = (back: TestBack, model: SheetModel, versionId: number) => Promise<void>;

const lineUsedByFormulas = (model: SheetModel) => {
  const line = model.lines.find((candidate) => model.lines.some((user) => user.formula?.includes(candidate.description) === true));
  if (line === undefined) throw new Error('the sample has no line that a formula uses');
  return line;
};
const lineNoFormulaUses = (model: SheetModel) => {
  const line = model.lines.find((candidate) => candidate.formula === null && !model.lines.some((user) => user.formula?.toLowerCase().includes(candidate.description.toLowerCase()) === true));
  if (line === undefined) throw new Error('every line of the sample is used by a formula');
  return line;
};
const inputLine = (model: SheetModel, index = 0) => {
  const line = model.lines.filter((candidate) => candidate.formula === null)[index];
  if (line === undefined) throw new Error('the sample has too few input lines');
  return line;
};
/** A line with another after it on the same department and account. */
const lineWithNeighbour = (model: SheetModel) => {
  const line = model.lines.find((candidate, index) => model.lines[index + 1]?.departmentId === candidate.departmentId && model.lines[index + 1]?.accountId === candidate.accountId);
  if (line === undefined) throw new Error('no two lines of the sample share a department and an account');
  return line;
};
const first = <T>(items: readonly T[]): T => {
  const item = items[0];
  if (item === undefined) throw new Error('expected at least one');
  return item;
};

/** Each kind of structural change, as the renderer sends it (naming the version shown). */
const CHANGES: [string, Change, Preparation?][] = [
  ['a comment on a cell', (back, model, versionId) => back.call('sheet/add-comment', { versionId, lineId: inputLine(model, 2).id, period: 4, text: 'Check with procurement' })],
  ['a comment on a line', (back, model, versionId) => back.call('sheet/add-comment', { versionId, lineId: lineUsedByFormulas(model).id, period: null, text: 'Driver of the plan' })],
  [
    'deleting a comment',
    async (back, model, versionId) => {
      const comment = model.comments[0];
      if (comment === undefined) return back.call('sheet/add-comment', { versionId, lineId: inputLine(model).id, period: 0, text: 'first' });
      return back.call('sheet/delete-comment', { commentId: comment.id, versionId });
    },
  ],
  ['renaming a line that formulas use', (back, model, versionId) => back.call('sheet/rename-line', { lineId: lineUsedByFormulas(model).id, description: 'Renamed driver', versionId })],
  ['renaming a line no formula uses', (back, model, versionId) => back.call('sheet/rename-line', { lineId: lineNoFormulaUses(model).id, description: 'Renamed line', versionId })],
  ['a new line', (back, model, versionId) => back.call('sheet/add-line', { departmentId: inputLine(model).departmentId, accountId: inputLine(model).accountId, description: 'New line', versionId })],
  ['a new line named as a line formulas use', (back, model, versionId) => back.call('sheet/add-line', { departmentId: inputLine(model).departmentId, accountId: inputLine(model).accountId, description: lineUsedByFormulas(model).description, versionId })],
  ['deleting a line that formulas use', (back, model, versionId) => back.call('sheet/delete-line', { lineId: lineUsedByFormulas(model).id, versionId })],
  ['deleting a line with comments', (back, model, versionId) => back.call('sheet/delete-line', { lineId: model.comments[0]?.lineId ?? inputLine(model, 3).id, versionId })],
  ['moving a line down', (back, model, versionId) => back.call('sheet/move-line', { lineId: lineWithNeighbour(model).id, direction: 'down', versionId })],
  [
    'moving a line to another department',
    (back, model, versionId) => {
      const line = inputLine(model, 1);
      const department = model.departments.find((candidate) => candidate.id !== line.departmentId) ?? first(model.departments);
      return back.call('sheet/relocate-line', { lineId: line.id, departmentId: department.id, accountId: line.accountId, versionId });
    },
  ],
  ['a formula on an input line', (back, model, versionId) => back.call('sheet/set-formula', { versionId, lineId: inputLine(model, 1).id, formula: `[${lineUsedByFormulas(model).description}] * 2` })],
  ['clearing a formula', (back, model, versionId) => back.call('sheet/set-formula', { versionId, lineId: first(model.lines.filter((line) => line.formula !== null)).id, formula: null })],
  ['renaming a department', (back, model, versionId) => back.call('dimension/rename-department', { departmentId: first(model.departments).id, name: 'Renamed department', versionId })],
  ['renaming an account', (back, model, versionId) => back.call('dimension/rename-account', { accountId: inputLine(model).accountId, name: 'Renamed account', versionId })],
  ['a new department', (back, _model, versionId) => back.call('dimension/add-department', { name: 'New department', parentId: null, versionId })],
  [
    'putting a department under another',
    (back, model, versionId) => {
      const [division, department] = model.departments.filter((candidate) => candidate.parentId === null);
      if (division === undefined || department === undefined) throw new Error('the sample has fewer than two top departments');
      return back.call('dimension/set-department-parent', { departmentId: department.id, parentId: division.id, versionId });
    },
  ],
  ['a new account', (back, _model, versionId) => back.call('dimension/add-account', { code: '6999', name: 'New account', type: 'opex', unit: 'currency', parentId: null, versionId })],
  [
    'deleting a department with its lines',
    (back, model, versionId) => {
      const department = model.departments.find((candidate) => candidate.name === 'Doomed department');
      if (department === undefined) throw new Error('the department was not prepared');
      return back.call('dimension/delete-department', { departmentId: department.id, withLines: true, versionId });
    },
    async (back, model, versionId) => {
      // A department of its own (the sample's hold proposals and KPIs), with two lines, one with amounts and a comment.
      const { departmentId } = await back.call('dimension/add-department', { name: 'Doomed department', parentId: null });
      const accountId = inputLine(model).accountId;
      const { line } = await back.call('sheet/add-line', { departmentId, accountId, description: 'Doomed line' });
      await back.call('sheet/add-line', { departmentId, accountId, description: 'Other doomed line' });
      await back.call('sheet/set-cells', { versionId, edits: [{ lineId: line.id, period: 11, value: '125.5' }], label: 'amount' });
      await back.call('sheet/add-comment', { versionId, lineId: line.id, period: 11, text: 'goes with it' });
    },
  ],
];

/** The sample's budget, and its forecast (whose closed months show the actuals), grouped each way. */
const SHEETS: { kind: 'budget' | 'forecast'; grouping: Grouping; collapseFirst: boolean }[] = [
  { kind: 'budget', grouping: 'department', collapseFirst: false },
  { kind: 'budget', grouping: 'account', collapseFirst: true },
  { kind: 'budget', grouping: 'none', collapseFirst: false },
  { kind: 'forecast', grouping: 'department', collapseFirst: true },
];

async function sheetOf(back: TestBack, versionId: number, grouping: Grouping, collapsed: ReadonlySet<string>): Promise<SheetView> {
  return buildSheetView(await back.call('sheet/get-sheet', { versionId }), grouping, collapsed);
}

/** The sheet updated by the answer's patch equals the sheet read and built again. */
async function expectPatchToMatchReload(back: TestBack, shown: SheetView, answer: StructureReceipt): Promise<SheetView> {
  expect(answer.patch).not.toBeNull();
  if (answer.patch === null) throw new Error('no patch');
  const patched = applySheetPatch(shown, answer.patch, answer);
  expect(patched).not.toBeNull();
  if (patched === null) throw new Error('the patch did not apply');
  const reloaded = await sheetOf(back, shown.model.version.id, shown.display.grouping, shown.display.collapsed);
  expect(comparableView(patched)).toEqual(comparableView(reloaded));
  return patched;
}

describe('a structural write answers with the patch of the sheet shown', () => {
  for (const sheet of SHEETS) {
    describe(`the ${sheet.kind}, grouped by ${sheet.grouping}${sheet.collapseFirst ? ', first group collapsed' : ''}`, () => {
      it.each(CHANGES)('%s: patched, undone and redone, the sheet equals a fresh read of the file', async (_name, change, prepare) => {
        const back = startBack(tempFolder());
        const { versions } = await back.call('version/list', {});
        const versionId = versions.find((version) => version.kind === sheet.kind)?.id;
        if (versionId === undefined) throw new Error(`the sample has no ${sheet.kind}`);
        if (prepare !== undefined) await prepare(back, await back.call('sheet/get-sheet', { versionId }), versionId);
        const model = await back.call('sheet/get-sheet', { versionId });
        const firstView = buildSheetView(model, sheet.grouping);
        const firstGroup = firstView.display.rows.find((row) => row.kind === 'group');
        const collapsed = new Set(sheet.collapseFirst && firstGroup !== undefined ? [firstGroup.id] : []);
        let shown = await sheetOf(back, versionId, sheet.grouping, collapsed);
        shown = await expectPatchToMatchReload(back, shown, await change(back, model, versionId));
        shown = await expectPatchToMatchReload(back, shown, await back.call('sheet/undo', { versionId }));
        await expectPatchToMatchReload(back, shown, await back.call('sheet/redo', { versionId }));
        back.stop();
      });
    });
  }
});

/** The first line of a run of lines on one department and account, with another after it. */
const firstOfRun = (model: SheetModel) => {
  const line = model.lines.find((candidate, index) => {
    const previous = model.lines[index - 1];
    const next = model.lines[index + 1];
    const samePlace = (other: typeof candidate | undefined) => other !== undefined && other.departmentId === candidate.departmentId && other.accountId === candidate.accountId;
    return !samePlace(previous) && samePlace(next);
  });
  if (line === undefined) throw new Error('no run of two lines on one department and account');
  return line;
};

/**
 * Patches one after another on the same sheet (each carries the positions the last one left, see
 * patch-positions.ts): two new lines, one at the end of the sheet, the first line of a run deleted
 * and put back by undo (before its neighbour), a move, a new line deleted, undone and redone.
 */
const SEQUENCE: [string, (back: TestBack, model: SheetModel, versionId: number, added: number[]) => Promise<StructureReceipt>][] = [
  ['a new line', async (back, model, versionId, added) => { const answer = await back.call('sheet/add-line', { departmentId: inputLine(model).departmentId, accountId: inputLine(model).accountId, description: 'First new line', versionId }); added.push(answer.line.id); return answer; }],
  ['a second new line after it', async (back, model, versionId, added) => { const answer = await back.call('sheet/add-line', { departmentId: inputLine(model).departmentId, accountId: inputLine(model).accountId, description: 'Second new line', versionId }); added.push(answer.line.id); return answer; }],
  ['a new line at the end of the sheet', (back, model, versionId) => { const last = model.lines[model.lines.length - 1]; if (last === undefined) throw new Error('an empty sample'); return back.call('sheet/add-line', { departmentId: last.departmentId, accountId: last.accountId, description: 'Last new line', versionId }); }],
  ['deleting the first line of a run', (back, model, versionId) => back.call('sheet/delete-line', { lineId: firstOfRun(model).id, versionId })],
  ['undo: the line comes back before its neighbour', (back, _model, versionId) => back.call('sheet/undo', { versionId })],
  ['moving the second new line up', (back, _model, versionId, added) => back.call('sheet/move-line', { lineId: added[1] ?? 0, direction: 'up', versionId })],
  ['deleting the first new line', (back, _model, versionId, added) => back.call('sheet/delete-line', { lineId: first(added), versionId })],
  ['undo', (back, _model, versionId) => back.call('sheet/undo', { versionId })],
  ['undo', (back, _model, versionId) => back.call('sheet/undo', { versionId })],
  ['undo', (back, _model, versionId) => back.call('sheet/undo', { versionId })],
  ['redo', (back, _model, versionId) => back.call('sheet/redo', { versionId })],
  ['redo', (back, _model, versionId) => back.call('sheet/redo', { versionId })],
];

describe('patches one after another on the same sheet', () => {
  for (const sheet of SHEETS) {
    it(`the ${sheet.kind}, grouped by ${sheet.grouping}${sheet.collapseFirst ? ', first group collapsed' : ''}: after each patch the sheet equals a fresh read`, async () => {
      const back = startBack(tempFolder());
      const { versions } = await back.call('version/list', {});
      const versionId = versions.find((version) => version.kind === sheet.kind)?.id;
      if (versionId === undefined) throw new Error(`the sample has no ${sheet.kind}`);
      const model = await back.call('sheet/get-sheet', { versionId });
      const firstGroup = buildSheetView(model, sheet.grouping).display.rows.find((row) => row.kind === 'group');
      let shown = await sheetOf(back, versionId, sheet.grouping, new Set(sheet.collapseFirst && firstGroup !== undefined ? [firstGroup.id] : []));
      const added: number[] = [];
      for (const [name, step] of SEQUENCE) {
        const answer = await step(back, model, versionId, added);
        try {
          shown = await expectPatchToMatchReload(back, shown, answer);
        } catch (error) {
          throw new Error(`After "${name}": ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      back.stop();
    });
  }
});
