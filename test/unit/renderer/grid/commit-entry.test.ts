// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { commitEntry } from '../../../../renderer/grid/commit-entry';
import { flushWrites, useSheetStore } from '../../../../renderer/state/sheet-store';
import { useNoticeStore } from '../../../../renderer/state/notice-store';
import { useSelectionStore } from '../../../../renderer/state/selection-store';
import type { LineRow } from '../../../../shared/sheet/sheet-view';
import type { TestBack } from '../../../helpers/back';
import { resetStore, useRendererOverBack } from '../../../helpers/in-process-api';

const startRenderer = useRendererOverBack();
let back: TestBack;

beforeEach(() => {
  resetStore(useSheetStore);
  resetStore(useNoticeStore);
  resetStore(useSelectionStore);
  ({ back } = startRenderer());
});

function shownRow(lineId: number): LineRow {
  const view = useSheetStore.getState().view;
  const row = view?.rows[view.rowIndex.get(lineId) ?? -1];
  if (row === undefined) throw new Error(`Line ${lineId} is not on the sheet.`);
  return row;
}

function firstEnteredLine(): LineRow {
  const row = useSheetStore.getState().view?.rows.find((candidate) => candidate.line.formula === null && candidate.account.unit === 'currency');
  if (row === undefined) throw new Error('The sample has no entered money line.');
  return row;
}

const column = (colId: string) => ({ getColId: () => colId }) as Parameters<typeof commitEntry>[0]['column'];

describe('committing a typed entry from the grid', () => {
  it('shows the entry and its line’s year total before it returns, so the frame that closes the editor shows them', async () => {
    await useSheetStore.getState().load();
    const row = firstEnteredLine();
    const yearBefore = row.year;

    const changed = commitEntry({ data: row, newValue: '1,234.50', column: column('p2') });

    // Nothing awaited: the store already holds the new row, with its total moved by the difference.
    const after = shownRow(row.line.id);
    expect(after.line.values[2]).toBe('1234.5');
    expect(after.year.toString()).toBe(yearBefore.minus(row.line.values[2] ?? '0').plus('1234.5').toString());
    expect(useSheetStore.getState().pendingWrites).toBe(1);
    // The grid keeps the row object it has: the store hands it the new one.
    expect(changed).toBe(false);

    await flushWrites();
    const model = await back.call('sheet/get-sheet', {});
    expect(model.lines.find((line) => line.id === row.line.id)?.values[2]).toBe('1234.5');
  });

  it('spreads an amount typed into the year total over the months', async () => {
    await useSheetStore.getState().load();
    const row = firstEnteredLine();

    commitEntry({ data: row, newValue: '1200', column: column('year') });
    await flushWrites();

    expect(shownRow(row.line.id).year.toString()).toBe('1200');
  });

  it('refuses an entry that is not an amount, saying why, and changes nothing', async () => {
    await useSheetStore.getState().load();
    const row = firstEnteredLine();

    commitEntry({ data: row, newValue: 'twelve', column: column('p0') });

    expect(shownRow(row.line.id)).toBe(row);
    expect(useNoticeStore.getState().notices.some((notice) => notice.tone === 'error')).toBe(true);
    expect(useSheetStore.getState().pendingWrites).toBe(0);
  });
});
