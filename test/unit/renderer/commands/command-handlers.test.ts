// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { lockedReason, structureLockedReason } from '../../../../renderer/commands/command-handlers';
import type { SheetView } from '../../../../shared/sheet/sheet-view';
import type { VersionStatus } from '../../../../shared/domain/approval';

/** Only what the lock reasons read of a sheet: the version on screen and the plan year's versions. */
function sheetOf(shown: { name: string; status: VersionStatus }, others: { name: string; status: VersionStatus }[]): SheetView {
  const version = { id: 1, events: [], ...shown };
  const versions = [version, ...others.map((other, index) => ({ id: index + 2, ...other }))];
  return { model: { version, versions } } as unknown as SheetView;
}

describe('the reasons commands are disabled on approved versions', () => {
  it('lets a draft shown on its own change its values and its lines', () => {
    const view = sheetOf({ name: 'Budget', status: 'draft' }, []);
    expect(lockedReason(view)).toBeNull();
    expect(structureLockedReason(view)).toBeNull();
  });

  it('locks the values and the lines of an approved version on screen, saying to reopen it', () => {
    const view = sheetOf({ name: 'Budget', status: 'approved' }, []);
    expect(lockedReason(view)).toBe('“Budget” is approved: reopen it to change it');
    expect(structureLockedReason(view)).toBe('“Budget” is approved: reopen it to change it');
  });

  it('leaves a draft’s values open but locks the shared lines while another version is approved', () => {
    const view = sheetOf({ name: 'What if', status: 'draft' }, [{ name: 'Budget', status: 'approved' }]);
    expect(lockedReason(view)).toBeNull();
    expect(structureLockedReason(view)).toContain('“Budget” is approved: lines are shared by every version');
  });
});
