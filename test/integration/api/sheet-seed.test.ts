import { describe, expect, it } from 'vitest';
import { applySheetPatch } from '../../../shared/sheet/apply-sheet-patch';
import { seededSheet } from '../../../shared/sheet/compact-sheet';
import { seedOfSheet } from '../../../shared/sheet/make-sheet-seed';
import type { Grouping } from '../../../shared/sheet/sheet-groups';
import { buildSheetView, type SheetView } from '../../../shared/sheet/sheet-view';
import { startBack } from '../../helpers/back';
import { comparableView } from '../../helpers/comparable-view';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();
const GROUPINGS: Grouping[] = ['department', 'account', 'none'];

describe("the sheet's answer carries what the page would compute first (issue 14, open)", () => {
  it('for every version of the sample, a sheet built from its seed is the sheet built from its lines, each grouping', async () => {
    const back = startBack(tempFolder());
    const { versions } = await back.call('version/list', {});
    expect(new Set(versions.map((version) => version.kind))).toContain('forecast');
    for (const version of versions) {
      const { model, seed } = seededSheet(await back.call('sheet/read-sheet', { versionId: version.id }));
      expect(seed).not.toBeNull();
      for (const grouping of GROUPINGS) {
        expect(comparableView(buildSheetView(model, grouping, new Set(), seed)), `${version.name}, by ${grouping}`).toEqual(comparableView(buildSheetView(model, grouping)));
      }
    }
    back.stop();
  });

  it('is made again after a write: the seed answers for the amounts as the file now has them', async () => {
    const back = startBack(tempFolder());
    const versionId = await back.budgetId();
    const before = seededSheet(await back.call('sheet/read-sheet', { versionId }));
    const line = before.model.lines.find((candidate) => candidate.formula === null && before.model.accounts.find((account) => account.id === candidate.accountId)?.type === 'revenue');
    if (line === undefined) throw new Error('the sample has no revenue line to type into');
    await back.call('sheet/set-cells', { versionId, edits: [{ lineId: line.id, period: 0, value: '123456.78' }], label: 'amount' });
    const after = seededSheet(await back.call('sheet/read-sheet', { versionId }));
    expect(after.seed).toEqual(seedOfSheet(after.model));
    expect(after.seed?.byType.revenue.year).not.toBe(before.seed?.byType.revenue.year);
    back.stop();
  });

  it('a sheet built from its seed takes structure patches as the sheet built from its lines does', async () => {
    const back = startBack(tempFolder());
    const versionId = await back.budgetId();
    const { model, seed } = seededSheet(await back.call('sheet/read-sheet', { versionId }));
    let seeded: SheetView | null = buildSheetView(model, 'department', new Set(), seed);
    let plain: SheetView | null = buildSheetView(model, 'department');
    const used = model.lines.find((candidate) => candidate.formula === null && model.lines.some((user) => user.formula?.includes(candidate.description) === true));
    if (used === undefined) throw new Error('the sample has no line that a formula uses');
    const receipts = [
      await back.call('sheet/rename-line', { versionId, lineId: used.id, description: `${used.description} (renamed)` }),
      await back.call('sheet/add-line', { versionId, departmentId: used.departmentId, accountId: used.accountId, description: 'Seeded new line' }),
      await back.call('sheet/set-formula', { versionId, lineId: used.id, formula: '100 * 2' }),
    ];
    for (const receipt of receipts) {
      if (receipt.patch === undefined || receipt.patch === null || seeded === null || plain === null) throw new Error('a structural write answered no patch');
      seeded = applySheetPatch(seeded, receipt.patch, receipt);
      plain = applySheetPatch(plain, receipt.patch, receipt);
      expect(seeded).not.toBeNull();
      if (seeded !== null && plain !== null) expect(comparableView(seeded)).toEqual(comparableView(plain));
    }
    back.stop();
  });
});
