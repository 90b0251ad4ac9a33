import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useProposalsUiStore } from '../state/proposals-ui-store';
import { decisionKeysHint } from './decision-keys';
import type { Department } from '../../shared/domain/workbook';
import { Decimal } from '../../shared/money/decimal';
import { RANK_KEYS, RANK_LABELS, type RankKey } from '../../shared/portfolio/ranking';
import { usePortfolioStore } from '../state/portfolio-store';
import { useSheetStore } from '../state/sheet-store';
import { DecisionDialog } from './DecisionDialog';
import { formatMoney } from './format-metric';
import { ProposalDetail } from './ProposalDetail';
import { ProposalGrid, type ProposalGridLayout } from './ProposalGrid';
import { OptimizerBar } from './OptimizerBar';
import { SessionView } from './SessionView';
import { AddProposalDialog, DeleteProposalDialog } from './ProposalDialogs';
import { MinimumsDialog } from './MinimumsDialog';
// The frontier's chart (and its charting library) loads when the frontier is first opened.
const FrontierDialog = lazy(() => import('./FrontierDialog').then((module) => ({ default: module.FrontierDialog })));
import { FundDialog } from './FundDialog';
import type { Objective } from '../../shared/portfolio/portfolio-model';
import { useWorkbookStore } from '../state/workbook-store';

/** A stable empty list: a selector must not return a new array on every call. */
const NO_DEPARTMENTS: readonly Department[] = [];

/** A cap per year, saved on Enter or when the field loses focus; empty means no cap. */
function CapField({ year, label, cap, used }: { year: number; label: string; cap: string | null; used: Decimal }) {
  const setCapitalCap = usePortfolioStore((state) => state.setCapitalCap);
  // Shown grouped as the used amount below it is (1,800,000); typed back with or without separators.
  const shownCap = cap === null ? '' : formatMoney(new Decimal(cap));
  const [text, setText] = useState(shownCap);
  const [shown, setShown] = useState(cap);
  if (shown !== cap) {
    setShown(cap);
    setText(shownCap);
  }
  const over = cap !== null && used.gt(cap);
  return (
    <label className={`cap-field${over ? ' cap-over' : ''}`} title={cap === null ? 'No cap this year' : `Committed and above the line: ${used.toFixed(2)} of ${cap}`}>
      {label}
      <input
        aria-label={`Capital cap ${label}`}
        value={text}
        placeholder="no cap"
        onChange={(event) => setText(event.target.value)}
        onBlur={() => text !== shownCap && void setCapitalCap(year, text)}
        onKeyDown={(event) => event.key === 'Enter' && (event.target as HTMLInputElement).blur()}
      />
      <span className="cap-used">{formatMoney(used)} used</span>
    </label>
  );
}

/** The portfolio: proposals ranked live with the funding line, weights and caps to move it, and the selected proposal's detail. */
export function ProposalsView({ dark }: { dark: boolean }) {
  const { portfolio, metrics, ranked, rankKey, rankingProblem, selectedId, setVisible, select, setRankKey, setWeight, decide, optimized, fundChosen, reorder, addProposal, deleteProposal, setDepartmentMinimums, editCells } =
    usePortfolioStore();
  const choice = optimized?.ok === true ? optimized.choice : null;
  // What "Fund these…" funds: the optimizer's choice not funded yet, asked where their costs go as one.
  const fundable = useMemo(() => (choice === null || portfolio === null ? [] : portfolio.proposals.filter((proposal) => choice.chosen.includes(proposal.id) && proposal.status !== 'funded')), [choice, portfolio]);
  const [frontierFor, setFrontierFor] = useState<Objective | null>(null);
  const [fundingChosen, setFundingChosen] = useState(false);
  // Layout and dialogs live in a store, so the menus' commands open them too.
  const { layout, adding, inSession, minimumsOpen, frontierRequested, deciding, set: setUi } = useProposalsUiStore();
  const setLayout = (next: ProposalGridLayout) => setUi({ layout: next });
  const setAdding = (next: boolean) => setUi({ adding: next });
  const setInSession = (next: boolean) => setUi({ inSession: next });
  const setMinimumsOpen = (next: boolean) => setUi({ minimumsOpen: next });
  const [deletingId, setDeletingId] = useState<number | null>(null);
  const departments = useSheetStore((state) => state.view?.model.departments ?? NO_DEPARTMENTS);
  const criteria = portfolio?.criteria;
  const years = portfolio?.settings.years ?? 0;
  const firstYearLabel = portfolio?.firstYearLabel ?? '';
  // The sheet's columns are rebuilt only when what they show changes, not on every re-rank.
  const currency = useWorkbookStore((state) => state.session?.current?.currency ?? '');
  const sheet = useMemo(
    () => ({ departments, criteria: criteria ?? [], years, firstYearLabel, currency, proposalTitles: () => usePortfolioStore.getState().portfolio?.proposals ?? [] }),
    [departments, criteria, years, firstYearLabel, currency],
  );
  // On screen, the portfolio follows every change of the file; off screen it is read again when it comes back.
  useEffect(() => {
    setVisible(true);
    return () => setVisible(false);
  }, [setVisible]);
  if (portfolio === null) return <main className="loading">Reading the proposals…</main>;
  const selected = portfolio.proposals.find((proposal) => proposal.id === selectedId) ?? null;
  const selectedMetrics = selected === null ? undefined : metrics.get(selected.id);
  const firstYear = Number(portfolio.firstYearLabel.replace(/\D/g, '')) || 0;
  const inside = ranked.filter((entry) => entry.place === 'committed' || entry.place === 'above');
  const usedByYear = Array.from({ length: portfolio.settings.years }, (_unused, year) => inside.reduce((sum, entry) => sum.plus(entry.metrics.capital[year] ?? 0), new Decimal(0)));
  const decidingProposal = deciding === null ? undefined : portfolio.proposals.find((proposal) => proposal.id === deciding.proposalId);
  return (
    <main className="proposals-view" data-testid="proposals-view">
      <section className="portfolio-controls" aria-label="Ranking, weights and caps">
        <div className="segmented" role="group" aria-label="Show">
          <button type="button" aria-pressed={layout === 'ranking'} onClick={() => setLayout('ranking')} title="Ranked proposals with their metrics and the funding line">
            Ranking
          </button>
          <button type="button" aria-pressed={layout === 'sheet'} onClick={() => setLayout('sheet')} title="Every proposal's inputs as a sheet: type, paste, fill and clear as in the budget">
            Sheet
          </button>
        </div>
        <label className="toolbar-select">
          Rank by
          <select aria-label="Rank by" value={rankKey} onChange={(event) => setRankKey(event.target.value as RankKey)}>
            {RANK_KEYS.map((key) => (
              <option key={key} value={key}>{RANK_LABELS[key]}</option>
            ))}
          </select>
        </label>
        <fieldset className="weights">
          <legend>Weights</legend>
          {portfolio.criteria.map((criterion) => (
            <label key={criterion.id} className="weight-slider">
              <span>{criterion.name}</span>
              <input type="range" min={0} max={10} step={0.5} aria-label={`Weight of ${criterion.name}`} value={Number(criterion.weight)} onChange={(event) => setWeight(criterion.id, event.target.value)} />
              <output>{criterion.weight}</output>
            </label>
          ))}
        </fieldset>
        <button type="button" className="session-button" onClick={() => setAdding(true)} title="Add an investment proposal">
          Add proposal
        </button>
        <button type="button" className="session-button" onClick={() => setInSession(true)} disabled={ranked.length === 0} title="Full-screen view for the prioritization meeting">
          Session mode
        </button>
        <OptimizerBar onFrontier={setFrontierFor} onFundChosen={() => setFundingChosen(true)} onMinimums={() => setMinimumsOpen(true)} />
        <fieldset className="caps">
          <legend>Capital budget per year</legend>
          {usedByYear.map((used, year) => (
            <CapField key={year} year={year} label={firstYear > 0 ? `FY${firstYear + year}` : `Year ${year + 1}`} cap={portfolio.settings.capitalCaps[year] ?? null} used={used} />
          ))}
        </fieldset>
      </section>
      {rankingProblem !== null && (
        <p className="ranking-problem" role="status">
          {rankingProblem}
        </p>
      )}
      <div className="portfolio-body">
        {ranked.length === 0 ? (
          <div className="empty-portfolio">
            <h2>No proposals yet</h2>
            <p>Add investment proposals to rank them, draw the funding line and pick the best portfolio.</p>
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              Add proposal
            </button>
          </div>
        ) : (
          <ProposalGrid
            ranked={ranked}
            layout={layout}
            sheet={sheet}
            choice={choice}
            byHand={rankKey === 'manual'}
            onReorder={(ids) => void reorder(ids)}
            departments={departments}
            dark={dark}
            onSelect={select}
            onEdit={editCells}
          />
        )}
        {selected !== null && selectedMetrics !== undefined && (
          <ProposalDetail
            proposal={selected}
            metrics={selectedMetrics}
            portfolio={portfolio}
            departments={departments}
            optimizerReason={choice?.reasons[selected.id] ?? null}
            onDelete={() => setDeletingId(selected.id)}
          />
        )}
      </div>
      <p className="portfolio-keys hint">
        {layout === 'ranking'
          ? `Keys on a proposal: ${decisionKeysHint()} (each asks for the reason). Shift+arrows select, Ctrl+C copies.`
          : `Type, paste, Delete, Ctrl+D and Ctrl+R as in the budget sheet; each change is one undo step. ${decisionKeysHint()} on the Status column decide.`}
      </p>
      {minimumsOpen && (
        <MinimumsDialog
          departments={departments}
          minimums={portfolio.settings.departmentMinimums}
          onClose={() => setMinimumsOpen(false)}
          onSave={(minimums) => {
            setMinimumsOpen(false);
            void setDepartmentMinimums(minimums);
          }}
        />
      )}
      {adding && (
        <AddProposalDialog
          departments={departments}
          onClose={() => setAdding(false)}
          onAdd={(title, departmentId) => {
            setAdding(false);
            void addProposal(title, departmentId);
          }}
        />
      )}
      {deletingId !== null && portfolio.proposals.some((proposal) => proposal.id === deletingId) && (
        <DeleteProposalDialog
          proposal={portfolio.proposals.find((proposal) => proposal.id === deletingId) as (typeof portfolio.proposals)[number]}
          onClose={() => setDeletingId(null)}
          onConfirm={() => {
            setDeletingId(null);
            void deleteProposal(deletingId);
          }}
        />
      )}
      {inSession && <SessionView departments={departments} onClose={() => setInSession(false)} />}
      {/* Proposals › Efficient frontier… from the menu shows the NPV's frontier. */}
      {(frontierFor !== null || frontierRequested) && (
        <Suspense fallback={null}>
          <FrontierDialog
            objective={frontierFor ?? 'npv'}
            dark={dark}
            onClose={() => {
              setFrontierFor(null);
              setUi({ frontierRequested: false });
            }}
          />
        </Suspense>
      )}
      {fundingChosen && fundable.length > 0 && (
        <FundDialog
          proposals={fundable}
          onClose={() => setFundingChosen(false)}
          onFund={(reason, placement) => {
            setFundingChosen(false);
            void fundChosen(reason, placement);
          }}
        />
      )}
      {/* The session draws its own, above itself. */}
      {!inSession && deciding !== null && decidingProposal !== undefined && (
        <DecisionDialog
          proposal={decidingProposal}
          decision={deciding.decision}
          onClose={() => setUi({ deciding: null })}
          onDecide={(reason, funding) => {
            setUi({ deciding: null });
            void decide(deciding.proposalId, deciding.decision, reason, funding);
          }}
        />
      )}
    </main>
  );
}
