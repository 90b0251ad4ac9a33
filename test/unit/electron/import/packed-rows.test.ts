import { describe, expect, it } from 'vitest';
import { PackedTable, RowPacker, type PackedRows } from '../../../../electron/import/packed-rows';

/** A batch as it reaches the back's thread: its typed arrays moved (copied here), its texts cloned. */
const crossed = (packed: PackedRows): PackedRows => structuredClone(packed);

describe('rows packed for the way from the reader thread to the back', () => {
  const rows = [
    ['Sales', '4000', 'Kits — North America', '2027-01', '525380'],
    ['Sales', '4000', 'Kits — North America', '2027-02', ''],
    [''],
    ['Ops', '6200', 'Travel', '2027-01', '525380', 'an extra field'],
  ];

  it('hold each distinct text once, and come back as the same rows, field for field', () => {
    const packed = new RowPacker().pack(rows);
    expect(packed.texts).toHaveLength(new Set(rows.flat()).size);
    expect(Array.from(packed.widths)).toEqual([5, 5, 1, 6]);
    const table = new PackedTable();
    table.add(crossed(packed));
    expect(table.toArray()).toEqual(rows);
    expect(table).toHaveLength(4);
  });

  it('send a text once in a reading, in whichever batch it first comes, and put the batches back together in order', () => {
    const packer = new RowPacker();
    const table = new PackedTable();
    const batches = [rows.slice(0, 2), [], rows.slice(2), [['Sales', '4000', 'Travel', '2027-02', '525380']]];
    const sent: string[] = [];
    batches.forEach((batch, index) => {
      const packed = packer.pack(batch);
      sent.push(...packed.texts);
      table.add(crossed(packed));
      // The back may read the rows between batches.
      if (index === 1) expect(table.at(1)).toEqual(rows[1]);
    });
    const all = batches.flat();
    expect(sent).toHaveLength(new Set(all.flat()).size);
    expect(table.toArray()).toEqual(all);
    expect(table.at(-1)).toEqual(all.at(-1));
    expect(table.at(all.length)).toBeUndefined();
    expect(table.slice(1, 3)).toEqual(all.slice(1, 3));
  });

  it('of an empty reading are an empty table', () => {
    const table = new PackedTable();
    table.add(new RowPacker().pack([]));
    expect(table.toArray()).toEqual([]);
    expect(table.at(0)).toBeUndefined();
  });
});
