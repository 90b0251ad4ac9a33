import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '../../../../electron/import/packed-rows';

describe('rows packed for the way from the reader thread to the back', () => {
  const rows = [
    ['Sales', '4000', 'Kits — North America', '2027-01', '525380'],
    ['Sales', '4000', 'Kits — North America', '2027-02', ''],
    [''],
    ['Ops', '6200', 'Travel', '2027-01', '525380', 'an extra field'],
  ];

  it('hold each distinct text once, and come back as the same rows, field for field', () => {
    const packed = packRows(rows);
    expect(packed.texts).toHaveLength(new Set(rows.flat()).size);
    expect(Array.from(packed.widths)).toEqual([5, 5, 1, 6]);
    expect(unpackRows(packed)).toEqual(rows);
  });

  it('come back with every text as the back shares it', () => {
    const shared = new Map<string, string>();
    const seen: string[] = [];
    const back = unpackRows(packRows(rows), (text) => {
      seen.push(text);
      return shared.get(text) ?? (shared.set(text, `<${text}>`), `<${text}>`);
    });
    expect(back[1]?.[2]).toBe('<Kits — North America>');
    expect(seen).toHaveLength(new Set(rows.flat()).size);
  });

  it('of an empty batch are an empty batch', () => {
    expect(unpackRows(packRows([]))).toEqual([]);
  });
});
