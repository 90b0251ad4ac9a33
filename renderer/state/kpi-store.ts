import { create } from 'zustand';
import type { ApiInput, ApiResult } from '../../shared/api/contract';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import type { KpiBook } from '../../shared/domain/kpi';
import type { Portfolio } from '../../shared/domain/proposal';
import type { SheetModel } from '../../shared/domain/workbook';
import { KpiEngine, VERSION_ROLES, type KpiSources, type VersionRole } from '../../shared/kpi/kpi-engine';
import { buildScorecard, type ScorecardRow } from '../../shared/kpi/scorecard';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { defaultRoleVersions, type RoleVersions } from '../../shared/kpi/role-versions';
import { api } from '../api/client';
import { showError } from './notice-store';
import { enqueue, useSheetStore } from './sheet-store';
import { readVersionViews } from './version-views';

export type { RoleVersions };

/** The span the dashboard's figures are for: a month, a quarter, or year to date (through the last closed month). */
export type DashboardPeriod = { kind: 'month'; index: number } | { kind: 'quarter'; index: number } | { kind: 'ytd' };

interface KpiState {
  book: KpiBook | null;
  portfolio: Portfolio | null;
  roles: RoleVersions | null;
  /** the one model of the sheet for each kind of version read */
  views: Partial<Record<VersionRole, SheetView>>;
  engine: KpiEngine | null;
  scorecard: ScorecardRow[];
  period: DashboardPeriod;
  /** the department the dashboard's charts are for; null: the whole workbook */
  departmentId: number | null;
  loading: boolean;
  problem: string | null;
  /** what was last read: the versions and the revision */
  loadedKey: string | null;
  /** Reads the KPIs, the goals, the proposals and each chosen version; again only when the choice or the workbook changed. */
  load(model: Pick<SheetModel, 'versions' | 'calendar' | 'priorYear' | 'actualsThrough'>, revision: number): Promise<void>;
  choose(choice: Partial<Pick<KpiState, 'roles' | 'period' | 'departmentId'>>): void;
  /** A KPI or goal write through the app's one write queue; the dashboard reads again after it. Answers whether it was taken. */
  write<Name extends KpiWrite>(name: Name, input: ApiInput<Name>, what: string): Promise<boolean>;
  /** The same write, answering the back's message instead of showing it: for a dialog that shows it inside and stays open. */
  attempt<Name extends KpiWrite>(name: Name, input: ApiInput<Name>): Promise<{ ok: true; result: ApiResult<Name> } | { ok: false; message: string; error: unknown }>;
}

export type KpiWrite = 'kpi/create' | 'kpi/update' | 'kpi/delete' | 'kpi/enter-value' | 'goal/create' | 'goal/update' | 'goal/delete' | 'goal/tag-lines';

/** What the engine was last built from besides the KPIs: a KPI write builds it again from these and the new KPIs. */
let lastSources: Omit<KpiSources, 'kpis' | 'inputs'> | null = null;

export const useKpiStore = create<KpiState>((set, get) => ({
  book: null,
  portfolio: null,
  roles: null,
  views: {},
  engine: null,
  scorecard: [],
  period: { kind: 'ytd' },
  departmentId: null,
  loading: false,
  problem: null,
  loadedKey: null,
  async load(model, revision) {
    const known = (id: number | null) => id === null || model.versions.some((version) => version.id === id);
    const current = get().roles;
    const roles = current !== null && VERSION_ROLES.every((role) => known(current[role])) ? current : defaultRoleVersions(model.versions);
    const key = `${roles.budget}:${roles.actual}:${roles.forecast}@${revision}`;
    // Already read, or being read (a second call while the first is on its way would read it all twice).
    if (get().loadedKey === key && (get().engine !== null || get().loading)) return;
    set({ roles, loading: true, problem: null, loadedKey: key });
    try {
      const chosen = VERSION_ROLES.flatMap((role) => {
        const versionId = roles[role];
        return versionId === null ? [] : [{ role, versionId }];
      });
      // The version the sheet shows is not read again, nor one read before that has not changed since.
      const [book, portfolio, built] = await enqueue(() =>
        Promise.all([
          api.call('kpi/list', {}),
          api.call('proposal/get-portfolio', {}),
          readVersionViews(
            chosen.map(({ versionId }) => versionId),
            revision,
          ),
        ]),
      );
      // The choice may have moved on while the versions were read: keep only the latest.
      if (get().loadedKey !== key) return;
      const views: Partial<Record<VersionRole, SheetView>> = {};
      for (const { role, versionId } of chosen) {
        const view = built.get(versionId);
        if (view !== undefined) views[role] = view;
      }
      lastSources = { calendar: model.calendar, views, priorYear: model.priorYear, actualsThrough: model.actualsThrough, proposals: portfolio.proposals };
      const engine = KpiEngine.build({ ...lastSources, kpis: book.kpis, inputs: book.inputs });
      set({ book, portfolio, views, engine, scorecard: buildScorecard(engine, model.calendar.periodCount), loading: false });
    } catch (error) {
      set({ loading: false, loadedKey: null, problem: error instanceof Error ? error.message : String(error) });
    }
  },
  choose(choice) {
    set(choice);
  },
  async write(name, input, what) {
    const outcome = await get().attempt(name, input);
    if (!outcome.ok) showError(outcome.error, what);
    return outcome.ok;
  },
  async attempt(name, input) {
    try {
      // A KPI write changes the KPIs alone: they are read again and the engine built again over the
      // versions already read. A goal write may change lines (tags): everything is read again.
      const keyBefore = get().loadedKey;
      const sources = lastSources;
      // Only when what was read is the workbook as it is now (no write since the last read).
      const refresh = name.startsWith('kpi/') && keyBefore !== null && keyBefore.endsWith(`@${useSheetStore.getState().revision}`) && sources !== null && !get().loading;
      const [result, book] = await enqueue(async () => {
        const answer = await api.call(name, input);
        return [answer, refresh ? await api.call('kpi/list', {}) : null] as const;
      });
      const receipt: WriteReceipt = result;
      if (book !== null && sources !== null && keyBefore !== null && get().loadedKey === keyBefore) {
        const engine = KpiEngine.build({ ...sources, kpis: book.kpis, inputs: book.inputs });
        set({ book, engine, scorecard: buildScorecard(engine, sources.calendar.periodCount), loadedKey: keyBefore.replace(/@\d+$/, `@${receipt.revision}`) });
      } else {
        set({ loadedKey: null });
      }
      // The toolbar's Undo names the step, and the new revision tells every view that reads the workbook to read it again.
      useSheetStore.setState({ revision: receipt.revision, history: receipt.history });
      return { ok: true, result };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error), error };
    }
  },
}));
