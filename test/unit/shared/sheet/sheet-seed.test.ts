import { describe, expect, it } from 'vitest';
import type { SheetModel } from '../../../../shared/domain/workbook';
import { Decimal } from '../../../../shared/money/decimal';
import { prepareFormulas, SeededFormulas } from '../../../../shared/formula/seeded-formulas';
import { seedOfSheet } from '../../../../shared/sheet/make-sheet-seed';
import type { Grouping } from '../../../../shared/sheet/sheet-groups';
import { buildSheetView, withCellValues } from '../../../../shared/sheet/sheet-view';
import { comparableView } from '../../../helpers/comparable-view';
import { sheetModel } from '../../../helpers/sheet-model';

/** Two departments under a division, money and driver lines, formulas that compute, chain, fail and loop. */
function modelWithEverything(): SheetModel {
  const model = sheetModel(
    [
      { type: 'driver', name: 'Headcount', values: ['2', '3.5', null, '4'] },
      { type: 'opex', name: 'Salaries', values: [null, null, null, null], formula: 'Headcount * 8500.125' },
      { type: 'opex', name: 'Benefits', values: [null, null, null, null], formula: 'Salaries * 20%' },
      { type: 'revenue', name: 'Sales', values: ['1000.10', '-20.05', '99999999999.99', null] },
      { type: 'cogs', name: 'Ratio', values: [null, null, null, null], formula: 'Sales / Headcount' },
      { type: 'capex', name: 'Loop A', values: [null, null, null, null], formula: 'Loop B + 1' },
      { type: 'capex', name: 'Loop B', values: [null, null, null, null], formula: 'Loop A + 1' },
      { type: 'opex', name: 'Unknown', values: [null, null, null, null], formula: 'Nowhere * 2' },
      { type: 'revenue', name: 'Services', values: ['0.01', '0.02', '0.03', '0.04'] },
      // Named in other cases and spacing, and a name two lines share.
      { type: 'opex', name: 'Travel ', values: ['10', '20', '30', '40'] },
      { type: 'opex', name: 'Travel doubled', values: [null, null, null, null], formula: '[ TRAVEL ] * 2' },
      { type: 'opex', name: 'Twin', values: ['1', null, null, null] },
      { type: 'opex', name: 'twin', values: ['2', null, null, null] },
      { type: 'opex', name: 'Twin plus one', values: [null, null, null, null], formula: 'Twin + 1' },
    ],
    4,
  );
  model.departments = [
    { id: 10, name: 'Division', parentId: null },
    { id: 1, name: 'Sales', parentId: 10 },
    { id: 2, name: 'Operations', parentId: 10 },
  ];
  // Half the lines in another department, and two lines of one department on one account (Sales, Services).
  model.lines = model.lines.map((line, index) => (line.description === 'Services' ? { ...line, departmentId: 2, accountId: 4 } : { ...line, departmentId: index % 2 === 0 ? 1 : 2 }));
  return model;
}

const GROUPINGS: Grouping[] = ['department', 'account', 'none'];

describe("a sheet built from the back's seed", () => {
  const model = modelWithEverything();
  const seed = seedOfSheet(model);

  for (const grouping of GROUPINGS) {
    it(`is the sheet built without it, grouped by ${grouping}, with groups open and collapsed`, () => {
      const plain = buildSheetView(model, grouping);
      const groupIds = plain.display.rows.flatMap((row) => (row.kind === 'group' ? [row.id] : []));
      for (const collapsed of [new Set<string>(), new Set(groupIds.slice(0, 2))]) {
        const seeded = buildSheetView(model, grouping, collapsed, seed);
        expect(seeded.formulas).toBeInstanceOf(SeededFormulas);
        expect(comparableView(seeded)).toEqual(comparableView(buildSheetView(model, grouping, collapsed)));
      }
    });
  }

  it('builds its formula engine when first needed, with the outcomes the seed gave', () => {
    const seeded = buildSheetView(model, 'department', new Set(), seed);
    const before = comparableView(seeded);
    prepareFormulas(seeded.formulas);
    expect(comparableView(seeded)).toEqual(before);
  });

  it('moves with edits exactly as the sheet built without it, formulas that use the edited line included', () => {
    const edits = [
      { lineId: 1, period: 2, value: '6' },
      { lineId: 4, period: 0, value: '12.34' },
      { lineId: 9, period: 3, value: null },
    ];
    const seeded = withCellValues(buildSheetView(model, 'department', new Set(), seed), edits);
    const plain = withCellValues(buildSheetView(model, 'department'), edits);
    expect(comparableView(seeded)).toEqual(comparableView(plain));
    // What a later patch reads of the formulas follows the edit too.
    for (const line of model.lines) expect(seeded.formulas.outcome(line.id)).toEqual(plain.formulas.outcome(line.id));
  });

  it('is ignored when it was made for other lines or months', () => {
    const fewer = { ...model, lines: model.lines.slice(1) };
    expect(comparableView(buildSheetView(fewer, 'department', new Set(), seed))).toEqual(comparableView(buildSheetView(fewer, 'department')));
    expect(buildSheetView(fewer, 'department', new Set(), seed).formulas).not.toBeInstanceOf(SeededFormulas);
    const shorter = { ...seed, pairSums: seed.pairSums.map((pair) => ({ ...pair, periods: pair.periods.slice(1) })) };
    expect(buildSheetView(model, 'department', new Set(), shorter).formulas).not.toBeInstanceOf(SeededFormulas);
  });

  it('gives the subtotals it carries, not sums read again from the lines', () => {
    // A seed whose sums say otherwise shows through: the build takes them (which is why it must be made from the same lines).
    const tenfold = { ...seed, pairSums: seed.pairSums.map((pair) => ({ ...pair, periods: pair.periods.map((text) => new Decimal(text).times(10).toFixed()) })) };
    const plain = buildSheetView(model, 'department');
    const shown = buildSheetView(model, 'department', new Set(), tenfold);
    const yearOf = (view: typeof plain) => {
      const group = view.display.rows.find((row) => row.kind === 'group' && row.id === 'g:d2:revenue');
      return group?.kind === 'group' ? group.year?.toString() : undefined;
    };
    expect(yearOf(plain)).toBe('100000000980.14');
    expect(yearOf(shown)).toBe('1000000009801.4');
  });
});
