import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useState } from 'react';
import { commandShortcutLabel } from '../commands/command-keys';
import { useShallow } from 'zustand/react/shallow';
import type { Kpi } from '../../shared/domain/kpi';
import type { SheetModel } from '../../shared/domain/workbook';
import { spanLabel } from '../../shared/kpi/kpi-spans';
import { Dialog } from '../components/Dialog';
import { amountFormatOf, useDisplayStore } from '../state/display-store';
import { useKpiStore } from '../state/kpi-store';
import type { ClickThrough } from '../state/sheet-place';
import { useSheetStore } from '../state/sheet-store';
import { DashboardCharts } from './DashboardCharts';
import { DashboardPicks } from './DashboardPicks';
import { spanOfPeriod } from './dashboard-figures';
import { KpiDetailPanel } from './KpiDetailPanel';
import { KpiDialog } from './KpiDialog';
import { ScorecardTile } from './ScorecardTile';
import { ownedBy, tileFigures } from './scorecard-tiles';

type KpiDialogState = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; kpi: Kpi } | { kind: 'delete'; kpi: Kpi; problem: string | null };

/**
 * The dashboard: a scorecard of the workbook's KPIs for the picked period (value on its basis,
 * target, variance, status in a word and a shape, the year in a sparkline, budget, actual and
 * forecast), and the year in charts for the picked department. Everything clicks through to where
 * its number comes from: a KPI to its definition and the lines behind it, a chart to the sheet or
 * the proposals.
 */
export function DashboardView({ model, dark, onShowInSheet, onShowProposals }: { model: Omit<SheetModel, 'lines'>; dark: boolean } & ClickThrough) {
  const state = useKpiStore(
    useShallow((store) => ({
      book: store.book,
      portfolio: store.portfolio,
      roles: store.roles,
      views: store.views,
      engine: store.engine,
      scorecard: store.scorecard,
      period: store.period,
      departmentId: store.departmentId,
      loading: store.loading,
      problem: store.problem,
      load: store.load,
      choose: store.choose,
      attempt: store.attempt,
    })),
  );
  const { load, engine, scorecard, book, roles, views, departmentId, attempt } = state;
  const displaySettings = useDisplayStore();
  const format = useMemo(() => amountFormatOf(displaySettings), [displaySettings]);
  // The workbook's revision after every write (a typed edit moves it without reloading the model): a change means read again.
  const revision = useSheetStore((store) => store.revision) ?? model.workbook.revision;
  // Before the charts' effects draw them: the versions are asked for while the charts are set up.
  useLayoutEffect(() => {
    void load(model, revision);
  }, [load, model, revision, roles]);

  const { span: pickedSpan, note: spanNote } = spanOfPeriod(state.period, model.actualsThrough, model.periods.length);
  // One span object per first and last month, so the tiles are computed again only when the period moves.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const span = useMemo(() => pickedSpan, [pickedSpan.first, pickedSpan.last]);
  const label = spanLabel(model.calendar, span);
  const rows = useMemo(() => ownedBy(scorecard, model.departments, departmentId), [scorecard, model.departments, departmentId]);
  const tiles = useMemo(() => (engine === null ? [] : rows.map((row) => tileFigures(engine, row, span))), [engine, rows, span]);
  // The scorecard is drawn first; the charts follow with the versions just read, without holding it up.
  const chartViews = useDeferredValue(views);

  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<KpiDialogState>({ kind: 'none' });
  const selectedIndex = tiles.findIndex((tile) => tile.kpi.id === selectedId);
  const select = useCallback((kpiId: number) => setSelectedId((current) => (current === kpiId ? null : kpiId)), []);

  const save = async (kpi: Kpi | null, fields: Parameters<typeof attempt<'kpi/create'>>[1]): Promise<string | null> => {
    const outcome = kpi === null ? await attempt('kpi/create', fields) : await attempt('kpi/update', { ...fields, kpiId: kpi.id });
    if (!outcome.ok) return outcome.message;
    setDialog({ kind: 'none' });
    setSelectedId(outcome.result.kpi.id);
    return null;
  };
  const remove = async (kpi: Kpi) => {
    const outcome = await attempt('kpi/delete', { kpiId: kpi.id });
    if (!outcome.ok) {
      setDialog({ kind: 'delete', kpi, problem: outcome.message });
      return;
    }
    setDialog({ kind: 'none' });
    setSelectedId(null);
  };
  const enter = async (kpiId: number, period: number, value: string | null) => {
    const outcome = await attempt('kpi/enter-value', { kpiId, period, value });
    return outcome.ok ? null : outcome.message;
  };

  const basisNote =
    roles === null
      ? ''
      : model.actualsThrough === null || roles.actual === null
        ? `No actuals yet: every KPI is judged on ${roles.forecast === null ? 'the budget' : 'the latest estimate'} until the first month closes and its actuals are imported (Import…).`
        : `Closed months are judged on actuals (through ${model.periods[model.actualsThrough]?.label ?? ''}); later months on ${roles.forecast === null ? 'the budget: no forecast is picked' : 'the latest estimate'}.`;
  const departmentName = departmentId === null ? null : (model.departments.find((department) => department.id === departmentId)?.name ?? '');
  const selected = selectedIndex < 0 ? undefined : tiles[selectedIndex];
  const selectedRow = selectedIndex < 0 ? undefined : rows[selectedIndex];

  return (
    <main className="dashboard-view" data-testid="dashboard-view">
      <DashboardPicks model={model} period={state.period} roles={roles} departmentId={departmentId} onChoose={state.choose} onNewKpi={() => setDialog({ kind: 'new' })} />
      <div className="dashboard-main">
        <div className="dashboard-body" aria-busy={state.loading && engine !== null}>
          {state.problem !== null ? (
            <p className="dashboard-empty" role="status" data-testid="dashboard-problem">
              {state.problem}
            </p>
          ) : engine === null || book === null || roles === null ? (
            <p className="dashboard-empty" role="status">
              Reading the KPIs and the versions…
            </p>
          ) : (
            <>
              <section className="dashboard-scorecard" aria-label="Scorecard">
                <h2>
                  Scorecard · {label}
                  {departmentName !== null && <span className="dashboard-subtitle"> · KPIs owned by {departmentName} ({rows.length} of {book.kpis.length})</span>}
                </h2>
                <p className="hint" data-testid="dashboard-basis">
                  {spanNote === null ? basisNote : `${spanNote} ${basisNote}`} Status: ● on track, ▲ at risk, ■ off track. Click a KPI for its definition and the lines behind it.
                </p>
                {book.kpis.length === 0 ? (
                  <div className="dashboard-empty" data-testid="dashboard-no-kpis">
                    <p>
                      No KPIs yet. A KPI is a formula over the sheet’s lines, accounts and departments (gross margin %, days sales outstanding), or a value entered each month (customer satisfaction),
                      with targets and thresholds that say whether it is on track.
                    </p>
                    <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })}>
                      Add a KPI…
                    </button>
                  </div>
                ) : tiles.length === 0 ? (
                  <p className="dashboard-empty">
                    No KPI is owned by {departmentName} or a department under it. Pick “All departments” to see all {book.kpis.length}, or give a KPI an owner (Edit…).
                  </p>
                ) : (
                  <div className="scorecard-grid" data-testid="scorecard">
                    {tiles.map((tile) => (
                      <ScorecardTile key={tile.kpi.id} tile={tile} selected={tile.kpi.id === selectedId} format={format} onSelect={select} />
                    ))}
                  </div>
                )}
              </section>
              <DashboardCharts
                model={model}
                views={chartViews}
                roles={roles}
                portfolio={state.portfolio}
                span={span}
                spanLabel={label}
                departmentId={departmentId}
                dark={dark}
                onShowInSheet={onShowInSheet}
                onShowProposals={onShowProposals}
              />
            </>
          )}
        </div>
        {selected !== undefined && selectedRow !== undefined && book !== null && roles !== null && (
          <KpiDetailPanel
            key={selected.kpi.id}
            row={selectedRow}
            tile={selected}
            book={book}
            portfolio={state.portfolio}
            model={model}
            views={views}
            roles={roles}
            format={format}
            onShowInSheet={onShowInSheet}
            onEdit={() => setDialog({ kind: 'edit', kpi: selected.kpi })}
            onDelete={() => setDialog({ kind: 'delete', kpi: selected.kpi, problem: null })}
            onClose={() => setSelectedId(null)}
            onEnter={(period, value) => enter(selected.kpi.id, period, value)}
          />
        )}
      </div>
      {(dialog.kind === 'new' || dialog.kind === 'edit') && (
        <KpiDialog
          kpi={dialog.kind === 'edit' ? dialog.kpi : null}
          departments={model.departments}
          goals={book?.goals ?? []}
          periods={model.periods}
          onSave={(fields) => save(dialog.kind === 'edit' ? dialog.kpi : null, fields)}
          onClose={() => setDialog({ kind: 'none' })}
        />
      )}
      {dialog.kind === 'delete' && (
        <Dialog
          title={`Delete KPI “${dialog.kpi.name}”`}
          testId="kpi-delete-dialog"
          onClose={() => setDialog({ kind: 'none' })}
          actions={
            <>
              <button type="button" onClick={() => setDialog({ kind: 'none' })}>Cancel</button>
              <button type="button" className="danger" onClick={() => void remove(dialog.kpi)}>
                Delete “{dialog.kpi.name}”
              </button>
            </>
          }
        >
          <p>
            Delete “{dialog.kpi.name}” with its targets
            {dialog.kpi.definition === null ? ` and ${book?.inputs.filter((input) => input.kpiId === dialog.kpi.id).length ?? 0} entered values` : ''}? Undo ({commandShortcutLabel('edit.undo')}) brings it back.
          </p>
          {dialog.problem !== null && (
            <p className="field-error" role="alert">
              {dialog.problem}
            </p>
          )}
        </Dialog>
      )}
      {state.loading && engine !== null && <span className="dashboard-reading" role="status">Reading…</span>}
    </main>
  );
}
