import { KpiEngine, VERSION_ROLES, type VersionRole } from '../../shared/kpi/kpi-engine';
import { kpiTable, type KpiTableRow } from '../../shared/kpi/kpi-table';
import { defaultRoleVersions } from '../../shared/kpi/role-versions';
import { buildSheetView, type SheetView } from '../../shared/sheet/sheet-view';
import { KpiStore } from '../store/kpi-store';
import { ProposalStore } from '../store/proposal-store';
import type { WorkbookStore } from '../store/workbook-store';

/** What the XLSX KPI sheet prints: the KPI table, and the names of owners and goals. */
export interface KpiSheetContent {
  rows: KpiTableRow[];
  departmentName(id: number | null): string;
  goalName(id: number | null): string;
}

/**
 * The workbook's KPIs computed as the dashboard computes them (the same engine over the same one
 * model of the sheet), reading the first budget, the plan year's actuals and the newest forecast;
 * null when the workbook has no KPIs.
 */
export function kpiSheetContent(store: WorkbookStore): KpiSheetContent | null {
  const book = new KpiStore(store).book();
  if (book.kpis.length === 0) return null;
  const roles = defaultRoleVersions(store.versions());
  const views: Partial<Record<VersionRole, SheetView>> = {};
  let model: SheetView['model'] | null = null;
  for (const role of VERSION_ROLES) {
    const versionId = roles[role];
    if (versionId === null) continue;
    const view = buildSheetView(store.sheet(versionId));
    views[role] = view;
    model ??= view.model;
  }
  if (model === null) return null;
  const engine = KpiEngine.build({
    calendar: model.calendar,
    views,
    priorYear: model.priorYear,
    actualsThrough: model.actualsThrough,
    proposals: new ProposalStore(store).portfolio().proposals,
    kpis: book.kpis,
    inputs: book.inputs,
  });
  const departments = new Map(model.departments.map((department) => [department.id, department.name]));
  const goals = new Map(book.goals.map((goal) => [goal.id, goal.name]));
  return {
    rows: kpiTable(engine, model.calendar.periodCount),
    departmentName: (id) => (id === null ? '' : (departments.get(id) ?? '')),
    goalName: (id) => (id === null ? '' : (goals.get(id) ?? '')),
  };
}
