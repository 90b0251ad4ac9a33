// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS } from '../../../../shared/commands/command-table';
import { commandState, readOnlyCommandReason, type CommandContext } from '../../../../renderer/commands/command-handlers';
import type { SheetView } from '../../../../shared/sheet/sheet-view';

/** A draft version on the budget sheet, of a workbook opened read-only because its folder is. */
function readOnlyContext(readOnly: string | null = 'the folder is read-only'): CommandContext {
  const version = { id: 1, name: 'Budget', status: 'draft', events: [] };
  const view = { model: { version, versions: [version], periods: [] } } as unknown as SheetView;
  return {
    workbookOpen: true,
    readOnly,
    view,
    page: 'budget',
    history: { undo: 'edit', redo: 'edit' },
    writesPending: false,
    grouping: 'department',
    showQuarters: false,
    showYears: false,
    commentsOpen: false,
    dark: false,
    sheetCents: false,
    proposalCount: 3,
  };
}

const REASON = 'The folder is read-only: save a copy to change it';

describe('commands on a read-only workbook', () => {
  it.each(['edit.undo', 'edit.redo', 'edit.paste', 'edit.cut', 'edit.clear', 'edit.fill-down', 'file.import', 'data.add-line', 'data.adjust', 'data.submit', 'data.dimensions', 'proposals.add', 'app.workbook-settings'] as const)(
    '%s is disabled with the read-only reason',
    (id) => {
      expect(commandState(id, readOnlyContext())).toMatchObject({ enabled: false, reason: REASON });
    },
  );

  it.each(['file.export', 'file.report', 'file.save-as', 'file.open', 'file.close', 'view.budget', 'view.dark', 'edit.history', 'help.about'] as const)('%s still works: reading, exporting and saving a copy', (id) => {
    expect(commandState(id, readOnlyContext()).reason).not.toBe(REASON);
  });

  it('a command added to the table later is a write unless said otherwise, so it cannot slip through', () => {
    const allowed = COMMAND_IDS.filter((id) => readOnlyCommandReason(id, readOnlyContext()) === null);
    expect(allowed.every((id) => !id.startsWith('data.') || id === 'data.version-picker')).toBe(true);
  });

  it('a workbook that can be changed keeps its commands as they were', () => {
    expect(commandState('edit.undo', readOnlyContext(null))).toEqual({ enabled: true, label: 'Undo edit' });
    expect(COMMAND_IDS.some((id) => readOnlyCommandReason(id, readOnlyContext(null)) !== null)).toBe(false);
  });
});

describe('undo while a write is on its way', () => {
  const writable = (history: CommandContext['history'], writesPending: boolean): CommandContext => ({ ...readOnlyContext(null), history, writesPending });

  it('is offered while a write is still unanswered, since undo waits for it in the queue', () => {
    expect(commandState('edit.undo', writable({ undo: null, redo: null }, true))).toMatchObject({ enabled: true });
  });

  it('says there is nothing to undo once every write is answered and the history is empty', () => {
    expect(commandState('edit.undo', writable({ undo: null, redo: null }, false))).toMatchObject({ enabled: false, reason: 'Nothing to undo' });
  });
});
