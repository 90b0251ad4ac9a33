import { periodsOf } from '../../../../shared/calendar/fiscal-calendar';
import type { Kpi } from '../../../../shared/domain/kpi';
import type { Proposal } from '../../../../shared/domain/proposal';
import type { Account, BudgetLine, PriorYear, SheetModel, VersionKind } from '../../../../shared/domain/workbook';
import { KpiEngine, type VersionRole } from '../../../../shared/kpi/kpi-engine';
import { buildSheetView, type SheetView } from '../../../../shared/sheet/sheet-view';

export const calendar = { startYear: 2027, startMonth: 1, periodCount: 12 };

/** A chart of accounts with a header account over two revenue accounts, and month-end balances as currency drivers. */
export const ACCOUNTS: Account[] = [
  { id: 1, code: '4000', name: 'Revenue', type: 'revenue', unit: 'currency', parentId: null },
  { id: 2, code: '4100', name: 'Product revenue', type: 'revenue', unit: 'currency', parentId: 1 },
  { id: 3, code: '4200', name: 'Services revenue', type: 'revenue', unit: 'currency', parentId: 1 },
  { id: 4, code: '5000', name: 'Cost of sales', type: 'cogs', unit: 'currency', parentId: null },
  { id: 5, code: '6000', name: 'Salaries', type: 'opex', unit: 'currency', parentId: null },
  { id: 6, code: '7000', name: 'Equipment', type: 'capex', unit: 'currency', parentId: null },
  { id: 7, code: '9100', name: 'Balances', type: 'driver', unit: 'currency', parentId: null },
];

export const DEPARTMENTS = [
  { id: 1, name: 'Commercial', parentId: null },
  { id: 2, name: 'Sales', parentId: 1 },
  { id: 3, name: 'Services', parentId: 1 },
  { id: 4, name: 'Plant', parentId: null },
];

/** The lines: [id, department, account, name, proposal]. */
export const LINES: [number, number, number, string, number | null][] = [
  [1, 2, 2, 'Sensor kits', null],
  [2, 3, 3, 'Field service', null],
  [3, 4, 4, 'Materials', null],
  [4, 2, 5, 'Sales salaries', null],
  [5, 4, 5, 'Plant salaries', null],
  [6, 4, 6, 'Press line', 11],
  [7, 4, 5, 'Press line upkeep', 11],
  [8, 4, 7, 'Accounts receivable', null],
  [9, 4, 7, 'Inventory', null],
  [10, 4, 7, 'Accounts payable', null],
];

export type Values = Record<number, (string | null)[]>;

export function model(kind: VersionKind, id: number, values: Values, extra: Partial<SheetModel> = {}): SheetModel {
  const version = { id, name: kind, kind, status: 'draft' as const, owner: '', basedOn: null, createdAt: '', closedThrough: null };
  const lines: BudgetLine[] = LINES.map(([lineId, departmentId, accountId, description, proposalId]) => ({ id: lineId, departmentId, accountId, description, values: values[lineId] ?? [], formula: null, proposalId }));
  return {
    workbook: { path: '/tmp/kpi.tandem', name: 'KPI', currency: 'USD', revision: 0 },
    calendar,
    periods: periodsOf(calendar),
    version: { ...version, events: [] },
    departments: DEPARTMENTS,
    accounts: ACCOUNTS,
    lines,
    history: { undo: null, redo: null },
    comments: [],
    profiles: [],
    priorYear: null,
    versions: [],
    actualsThrough: 2,
    actualMonths: 0,
    actualsSource: null,
    ...extra,
  };
}

export const PROPOSALS: Pick<Proposal, 'id' | 'status' | 'flows' | 'departmentId'>[] = [
  { id: 11, status: 'funded', departmentId: 4, flows: { capex: ['120000'], opex: ['6000'], benefit: ['60000'] } },
  { id: 12, status: 'proposed', departmentId: 4, flows: { capex: ['90000'], opex: ['0'], benefit: ['50000'] } },
];

export function kpi(id: number, name: string, definition: string | null, extra: Partial<Kpi> = {}): Kpi {
  return {
    id,
    name,
    description: '',
    definition,
    unit: 'percent',
    direction: 'higher',
    departmentId: null,
    goalId: null,
    thresholds: { kind: 'percent', onTrackWithin: '2', offTrackBeyond: '10' },
    targets: [],
    sortOrder: id,
    ...extra,
  };
}

export interface Versions {
  budget?: Values;
  actual?: Values;
  forecast?: Values;
}

export function engineOf(versions: Versions, kpis: Kpi[], options: { priorYear?: PriorYear | null; actualsThrough?: number | null; inputs?: { kpiId: number; period: number; value: string }[] } = {}): KpiEngine {
  const views: Partial<Record<VersionRole, SheetView>> = {};
  const kinds: Record<VersionRole, VersionKind> = { budget: 'budget', actual: 'actuals', forecast: 'forecast' };
  (Object.keys(versions) as VersionRole[]).forEach((role, index) => {
    views[role] = buildSheetView(model(kinds[role], index + 1, versions[role] ?? {}));
  });
  return KpiEngine.build({
    calendar,
    views,
    priorYear: options.priorYear ?? null,
    actualsThrough: options.actualsThrough === undefined ? 2 : options.actualsThrough,
    proposals: PROPOSALS,
    kpis,
    inputs: (options.inputs ?? []).map((input) => ({ ...input, enteredBy: 'Dana', enteredAt: '2027-04-02T09:00:00Z' })),
  });
}
