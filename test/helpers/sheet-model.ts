import { periodsOf } from '../../shared/calendar/fiscal-calendar';
import type { AmountText } from '../../shared/money/amount';
import type { AccountType, SheetModel } from '../../shared/domain/workbook';

/** A small sheet model, as the back would send it: one line per entry of `lines`, on accounts of the given types. */
export function sheetModel(lines: { type: AccountType; values: (AmountText | null)[]; name?: string; formula?: string }[], periodCount = 3): SheetModel {
  const calendar = { startYear: 2027, startMonth: 1, periodCount };
  return {
    workbook: { path: '/tmp/test.tandem', name: 'Test', currency: 'USD', revision: 0 },
    calendar,
    periods: periodsOf(calendar),
    version: { id: 1, name: 'Budget', kind: 'budget', status: 'draft', owner: '', basedOn: null, createdAt: '2026-12-01T00:00:00Z', closedThrough: null, events: [] },
    departments: [{ id: 1, name: 'Sales', parentId: null }],
    accounts: lines.map((line, index) => ({ id: index + 1, code: String(4000 + index), name: `Account ${index + 1}`, type: line.type, unit: line.type === 'driver' ? 'number' : 'currency', parentId: null })),
    lines: lines.map((line, index) => ({ id: index + 1, departmentId: 1, accountId: index + 1, description: line.name ?? `Line ${index + 1}`, values: line.values, formula: line.formula ?? null })),
    history: { undo: null, redo: null },
    comments: [],
    profiles: [],
    priorYear: null,
    versions: [{ id: 1, name: 'Budget', kind: 'budget', status: 'draft', owner: '', basedOn: null, createdAt: '2026-12-01T00:00:00Z', closedThrough: null }],
    actualsThrough: null,
    actualMonths: 0,
    actualsSource: null,
  };
}
