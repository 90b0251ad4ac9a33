import { describe, expect, it } from 'vitest';
import type { CellChange, EditStep } from '../../../../electron/store/edit-steps';
import { stepOfStoredText, storedStepText } from '../../../../electron/store/packed-steps';

/** Cells over three lines and two versions, in no tidy order: runs break wherever the line or the version changes. */
const cells: CellChange[] = [
  { lineId: 7, versionId: 1, period: 0, before: null, after: '12.5' },
  { lineId: 7, versionId: 1, period: 1, before: '-3', after: null },
  { lineId: 7, versionId: 2, period: 1, before: '999999999999999999.99', after: '0' },
  { lineId: 9, versionId: 1, period: 11, before: '1.000001', after: '2' },
  { lineId: 7, versionId: 1, period: 5, before: '4', after: '5' },
];

describe('undo steps as the file keeps them', () => {
  it('reads a cells step back as it was given, cell for cell and in order', () => {
    const step: EditStep = { kind: 'cells', changes: cells };
    expect(stepOfStoredText(storedStepText(step))).toEqual(step);
  });

  it('packs cells steps inside compound steps and leaves other steps as they are', () => {
    const step: EditStep = {
      kind: 'compound',
      steps: [
        { kind: 'add-line', line: { id: 9, departmentId: 1, accountId: 2, description: 'New', sortOrder: 4 } },
        { kind: 'cells', changes: cells },
        { kind: 'rows', changes: [{ table: 'workbook_settings', before: { key: 'actuals_through', value: '' }, after: { key: 'actuals_through', value: '3' } }] },
      ],
    };
    const text = storedStepText(step);
    expect(stepOfStoredText(text)).toEqual(step);
    // Packed: no key repeated per cell.
    expect(text).not.toContain('"lineId"');
  });

  it('is a third of the bytes of one object per cell for a paste', () => {
    const paste: CellChange[] = Array.from({ length: 1000 * 12 }, (_cell, index) => ({ lineId: 100 + Math.floor(index / 12), versionId: 1, period: index % 12, before: `${index}.25`, after: `${index + 1}.5` }));
    const step: EditStep = { kind: 'cells', changes: paste };
    expect(storedStepText(step).length).toBeLessThan(JSON.stringify(step).length / 2.5);
  });

  it('reads a step written before steps were packed', () => {
    const step: EditStep = { kind: 'compound', steps: [{ kind: 'cells', changes: cells }, { kind: 'formula', lineId: 7, versionId: 1, before: null, after: '=1' }] };
    expect(stepOfStoredText(JSON.stringify(step))).toEqual(step);
  });
});
