import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fiscalYearLabel } from '../../shared/calendar/fiscal-calendar';
import type { Goal, GoalUsage } from '../../shared/domain/kpi';
import type { SheetModel } from '../../shared/domain/workbook';
import { spanLabel } from '../../shared/kpi/kpi-spans';
import { amountFormatOf, useDisplayStore } from '../state/display-store';
import { useKpiStore } from '../state/kpi-store';
import type { ClickThrough } from '../state/sheet-place';
import { useSheetStore } from '../state/sheet-store';
import { goalUsage } from './goal-actions';
import { summarizeGoals, MEASURE_LABELS, type GoalMeasure } from './goal-summary';
import { DeleteGoalDialog, GoalFormDialog } from './GoalDialogs';
import { GoalsChart } from './GoalsChart';
import { GoalsTable } from './GoalsTable';

type GoalDialog = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; goal: Goal } | { kind: 'delete'; goal: Goal; usage: GoalUsage };

/** What goals are for, and the first step, when the workbook has none. */
function EmptyGoals({ onNew }: { onNew(): void }) {
  return (
    <main className="empty-sheet goals-empty" data-testid="goals-empty">
      <h2>This workbook has no strategic goals yet</h2>
      <p>
        Goals such as “Cost leadership” or “Grow services revenue” tie the budget to strategy. Tag budget lines (right-click a line in the sheet), proposals and KPIs with a goal, and
        this view shows for each goal the budget and actual money behind it, the proposals funded for it with their capital, and how its KPIs are doing: whether money follows
        strategy.
      </p>
      <button type="button" className="primary" onClick={onNew}>
        New goal…
      </button>
    </main>
  );
}

/**
 * Strategic goals as a dimension: per goal, the budget and actual money of the lines tagged with
 * it, the funded proposals and their capital, and the linked KPIs with their status. Goals and
 * the untagged rest add up to the sheet's totals.
 */
export function GoalsView({ model, dark, onShowInSheet, onShowProposals }: { model: Omit<SheetModel, 'lines'>; dark: boolean } & ClickThrough) {
  const store = useKpiStore(
    useShallow((state) => ({ book: state.book, portfolio: state.portfolio, views: state.views, roles: state.roles, scorecard: state.scorecard, loading: state.loading, problem: state.problem, load: state.load })),
  );
  const { load } = store;
  // The workbook's revision after every write (a typed edit moves it without reloading the model): a change means read again.
  const revision = useSheetStore((state) => state.revision) ?? model.workbook.revision;
  useEffect(() => {
    void load(model, revision);
  }, [load, model, revision]);

  const displaySettings = useDisplayStore();
  const format = useMemo(() => amountFormatOf(displaySettings), [displaySettings]);
  const [measure, setMeasure] = useState<GoalMeasure>('spend');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<GoalDialog>({ kind: 'none' });
  const [usageProblem, setUsageProblem] = useState<string | null>(null);

  const { book, portfolio, views, roles, scorecard } = store;
  const summary = useMemo(
    () =>
      book === null
        ? null
        : summarizeGoals({ goals: book.goals, budget: views.budget, actual: views.actual, actualsThrough: model.actualsThrough, proposals: portfolio?.proposals ?? [], scorecard, measure }),
    [book, portfolio, views, scorecard, measure, model.actualsThrough],
  );

  const versionName = (id: number | null | undefined) => model.versions.find((version) => version.id === id)?.name ?? null;
  const requestDelete = async (goal: Goal) => {
    setUsageProblem(null);
    const answer = await goalUsage(goal.id);
    if (answer.ok) setDialog({ kind: 'delete', goal, usage: answer.usage });
    else setUsageProblem(answer.message);
  };
  const dialogs = (
    <>
      {(dialog.kind === 'new' || dialog.kind === 'edit') && <GoalFormDialog goal={dialog.kind === 'edit' ? dialog.goal : null} goals={book?.goals ?? []} onClose={() => setDialog({ kind: 'none' })} />}
      {dialog.kind === 'delete' && <DeleteGoalDialog goal={dialog.goal} usage={dialog.usage} onClose={() => setDialog({ kind: 'none' })} />}
    </>
  );

  if (summary === null || book === null) {
    return (
      <main className="loading" data-testid="goals-view">
        {store.problem === null ? 'Reading the goals…' : <p className="field-error" role="alert">The goals could not be read: {store.problem}</p>}
      </main>
    );
  }
  if (book.goals.length === 0) {
    return (
      <>
        <EmptyGoals onNew={() => setDialog({ kind: 'new' })} />
        {dialogs}
      </>
    );
  }

  const yearLabel = fiscalYearLabel(model.calendar);
  const toDateLabel = summary.toDate === null ? null : spanLabel(model.calendar, summary.toDate);
  const budgetName = versionName(roles?.budget);
  const actualName = versionName(roles?.actual);
  const unlinkedKpis = book.kpis.filter((kpi) => kpi.goalId === null).length;
  return (
    <main className="goals-view" data-testid="goals-view">
      <div className="goals-bar">
        <h2>Strategic goals</h2>
        <div className="segmented" role="group" aria-label="Money shown">
          {(['spend', 'revenue'] as const).map((choice) => (
            <button key={choice} type="button" aria-pressed={measure === choice} onClick={() => setMeasure(choice)} title={choice === 'spend' ? 'Costs and capital: cost of goods sold, operating and capital expenses' : 'Revenue lines'}>
              {MEASURE_LABELS[choice]}
            </button>
          ))}
        </div>
        <p className="goals-basis">
          Budget: <strong>{budgetName ?? 'none'}</strong>
          {' · '}
          {toDateLabel === null ? (
            <>No month closed yet: actuals show once a month closes.</>
          ) : (
            <>
              Actual: <strong>{actualName ?? 'none'}</strong>, {toDateLabel} (the closed months)
            </>
          )}
          {store.loading && <span className="goals-reading"> · reading…</span>}
        </p>
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })}>
          New goal…
        </button>
      </div>
      {usageProblem !== null && (
        <p className="field-error goals-problem" role="alert">
          {usageProblem}
        </p>
      )}
      <div className="goals-body">
        <GoalsTable
          summary={summary}
          format={format}
          yearLabel={yearLabel}
          toDateLabel={toDateLabel}
          capitalLabel={portfolio?.firstYearLabel ?? yearLabel}
          expanded={expanded}
          onToggle={(key) =>
            setExpanded((open) => {
              const next = new Set(open);
              if (!next.delete(key)) next.add(key);
              return next;
            })
          }
          onShowLine={(lineId) => onShowInSheet({ versionId: roles?.budget ?? null, lineId, period: 0 })}
          onShowProposals={onShowProposals}
          onEdit={(goal) => setDialog({ kind: 'edit', goal })}
          onDelete={(goal) => void requestDelete(goal)}
        />
        <p className="hint goals-notes">
          {measure === 'spend' ? 'Spend is cost of goods sold, operating and capital expenses' : 'Revenue is the revenue lines'}; drivers are left out. Variance is actual less budget over the closed
          months: F favourable, U unfavourable. Capital is the funded proposals’ capital cost in {portfolio?.firstYearLabel ?? yearLabel}.
          {unlinkedKpis > 0 && ` ${unlinkedKpis} KPI${unlinkedKpis === 1 ? ' is' : 's are'} linked to no goal.`} Tag lines from the sheet: right-click a line, “Tag with goal…”.
        </p>
        <GoalsChart summary={summary} dark={dark} format={format} toDateLabel={toDateLabel} yearLabel={yearLabel} />
      </div>
      {dialogs}
    </main>
  );
}
