import type { ValueSetterParams } from 'ag-grid-community';
import { fiscalLayout } from '../../shared/calendar/fiscal-calendar';
import type { GridRow } from '../../shared/sheet/sheet-view';
import { useSheetStore } from '../state/sheet-store';
import type { Value } from './budget-columns';
import { periodOfColumn } from './sheet-cells';

/**
 * What the user typed into a budget cell, handed to the store. AG Grid calls this as the
 * column's value setter, inside the key press that ends the edit (Enter, Tab, a click away), so
 * the store and the grid's rows change before the browser paints the next frame: the editor
 * closes in the same frame that shows the new totals. (Its `cellEditRequest` event of
 * `readOnlyEdit` comes later, from a timer, one frame behind.) The store makes new row objects
 * and hands them to the grid itself, so this tells AG Grid nothing changed in the row it holds.
 */
export function commitEntry(params: Pick<ValueSetterParams<GridRow, Value>, 'data' | 'newValue' | 'column'>): false {
  const row = params.data;
  if (row?.kind !== 'line') return false;
  const sheet = useSheetStore.getState();
  const colId = params.column.getColId();
  const text = params.newValue === null || params.newValue === undefined ? '' : String(params.newValue);
  const period = periodOfColumn(colId);
  if (period !== null) {
    void sheet.editCell(row.line.id, period, text);
  } else if (colId === 'year') {
    void sheet.spreadTotal(row.line.id, text, { kind: 'auto' });
  } else if (colId === 'description') {
    if (text.trim() !== row.line.description) void sheet.renameLine(row.line.id, text.trim());
  } else {
    // A quarter or fiscal-year total: spread over its months.
    const view = sheet.view;
    const span = view === null ? undefined : fiscalLayout(view.model.calendar).flatMap((year) => [year.year, ...year.quarters]).find((candidate) => candidate.id === colId);
    if (span !== undefined) void sheet.spreadTotal(row.line.id, text, { kind: 'auto' }, span);
  }
  return false;
}
