import { describe, expect, it } from 'vitest';
import { singleCell, type CellRange } from '../../../../renderer/selection/cell-range';
import { createSelectionStore, selectWhenWritten } from '../../../../renderer/selection/selection-store';

const pasted: CellRange = { anchor: { row: 15, column: 0 }, focus: { row: 16, column: 2 } };

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('a write selects what it wrote when it is done', () => {
  it('selects the pasted block when nothing moved the selection meanwhile', async () => {
    const selection = createSelectionStore();
    selection.getState().setRange(singleCell({ row: 15, column: 0 }));
    const write = deferred<CellRange | null>();
    const done = selectWhenWritten(selection, write.promise, (range) => range ?? undefined);
    write.resolve(pasted);
    await done;
    expect(selection.getState().range).toEqual(pasted);
  });

  it('leaves a selection the user made while the write was under way', async () => {
    const selection = createSelectionStore();
    selection.getState().setRange(singleCell({ row: 15, column: 0 }));
    const write = deferred<CellRange | null>();
    const done = selectWhenWritten(selection, write.promise, (range) => range ?? undefined);
    const clicked = singleCell({ row: 15, column: 0 });
    selection.getState().setRange(clicked);
    write.resolve(pasted);
    await done;
    expect(selection.getState().range).toBe(clicked);
  });

  it('keeps the selection when the write says there is nothing to select', async () => {
    const selection = createSelectionStore();
    const start = singleCell({ row: 3, column: 4 });
    selection.getState().setRange(start);
    await selectWhenWritten(selection, Promise.resolve(null), (range) => range ?? undefined);
    expect(selection.getState().range).toBe(start);
  });
});
