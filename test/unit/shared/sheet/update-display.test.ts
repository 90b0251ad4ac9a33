import { describe, expect, it } from 'vitest';
import type { AmountText } from '../../../../shared/money/amount';
import type { CellEdit } from '../../../../shared/domain/cell-edit';
import type { AccountType } from '../../../../shared/domain/workbook';
import { buildSheetView, withCellValues, type SheetView } from '../../../../shared/sheet/sheet-view';
import { sheetModel } from '../../../helpers/sheet-model';

const TYPES: AccountType[] = ['revenue', 'cogs', 'opex', 'opex', 'capex', 'driver', 'revenue', 'opex'];
const lines = TYPES.map((type, index) => ({ type, values: [`${index + 1}00.5`, null, `-${index}.25`, '7'] as (AmountText | null)[] }));

/** Each group row's id, months and year as text: what the grid shows on its group rows. */
const groupFigures = (view: SheetView) =>
  view.display.rows.flatMap((row) => (row.kind === 'group' ? [[row.id, row.periods?.map(String) ?? null, row.year?.toString() ?? null]] : []));

describe('the subtotals of group rows after many cells change', () => {
  it.each(['department', 'account'] as const)('equal the subtotals of the sheet built again with the new values (grouped by %s)', (grouping) => {
    const view = buildSheetView(sheetModel(lines, 4), grouping);
    // A paste over every line and month: sets, clears, amounts beyond cents' safe range, and some left as they were.
    const edits: CellEdit[] = lines.flatMap((_line, row) =>
      [0, 1, 2, 3].map((period) => ({ lineId: row + 1, period, value: (row + period) % 4 === 0 ? null : (row + period) % 4 === 1 ? `${row}${period}.1` : (row + period) % 4 === 2 ? '123456789012345678' : '7' })),
    );
    const edited = sheetModel(
      lines.map((line, row) => ({ ...line, values: line.values.map((value, period) => edits.find((edit) => edit.lineId === row + 1 && edit.period === period)?.value ?? null) })),
      4,
    );

    const incremental = withCellValues(view, edits);

    expect(groupFigures(incremental)).toEqual(groupFigures(buildSheetView(edited, grouping)));
    expect(groupFigures(incremental)).not.toEqual(groupFigures(view));
  });
});
