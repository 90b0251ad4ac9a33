import type { FundingPlacement } from '../../shared/portfolio/funding-placement';
import type { ProposalEdit } from '../../shared/domain/proposal-fields';
import { commandShortcutLabel } from '../commands/command-keys';
import { create } from 'zustand';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import { FLOW_KINDS, FLOW_LABELS, type FlowKind, type Portfolio, type ProposalStatus } from '../../shared/domain/proposal';
import { parseTabularText } from '../../shared/clipboard/tabular-text';
import type { ProposalFields } from '../../shared/domain/proposal-fields';
import { parseAmount } from '../../shared/money/parse-amount';
import { toQuantityText } from '../../shared/money/amount';
import { formatAmount } from '../../shared/money/format-amount';
import { proposalMetrics, type ProposalMetrics } from '../../shared/portfolio/proposal-metrics';
import { rankPortfolio, type RankedProposal, type RankKey } from '../../shared/portfolio/ranking';
import { weightedScores } from '../../shared/portfolio/scoring';
import type { OptimizeOutcome } from '../../shared/portfolio/optimize-result';
import type { Objective } from '../../shared/portfolio/portfolio-model';
import { api } from '../api/client';
import { Decimal } from '../../shared/money/decimal';
import type { ApiEvents } from '../../shared/api/contract';
import { showError, useNoticeStore } from './notice-store';
import { enqueue, useSheetStore } from './sheet-store';
import { useWorkbookStore } from './workbook-store';

/** The open workbook's currency: its own mark is taken in a typed amount, another is refused. */
const workbookCurrency = (): string => useWorkbookStore.getState().session?.current?.currency ?? '';

/** The proposals view: the portfolio from the file, each proposal's metrics, and the live ranking with its funding line. */
interface PortfolioState {
  portfolio: Portfolio | null;
  metrics: Map<number, ProposalMetrics>;
  rankKey: RankKey;
  ranked: RankedProposal[];
  /** why there is no ranking by score (weights that add up to zero) */
  rankingProblem: string | null;
  selectedId: number | null;
  /** the workbook revision the portfolio was read at or last written to */
  revision: number | null;
  /** whether the proposals view is on screen: only then does a change elsewhere re-read the portfolio */
  visible: boolean;
  /** the file changed while the view was not on screen: read it again when it shows */
  stale: boolean;
  setVisible(visible: boolean): void;
  load(): Promise<void>;
  select(proposalId: number | null): void;
  setRankKey(key: RankKey): void;
  /** A weight moved in the session: re-ranked at once, saved in the background. */
  setWeight(criterionId: number, weight: string): void;
  update(proposalId: number, fields: ProposalFields): Promise<boolean>;
  setFlow(proposalId: number, kind: FlowKind, year: number, text: string): Promise<boolean>;
  /** A block pasted into the cash flows from a spreadsheet: rows are flow kinds from `kind` down, columns years from `year`; all cells or none. */
  pasteFlows(proposalId: number, kind: FlowKind, year: number, text: string): Promise<boolean>;
  setScore(proposalId: number, criterionId: number, text: string): Promise<boolean>;
  /** Cells of the proposals sheet typed, pasted, cleared or filled: checked already, saved as one undo step. */
  editCells(edits: ProposalEdit[], label: string): Promise<boolean>;
  setCapitalCap(year: number, text: string): Promise<boolean>;
  /** a funding says where its costs go (remembered with the proposal); left out, where they went the last time */
  decide(proposalId: number, decision: ProposalStatus, reason: string, funding?: FundingPlacement): Promise<boolean>;
  addProposal(title: string, departmentId: number | null): Promise<boolean>;
  deleteProposal(proposalId: number): Promise<boolean>;
  /** A cap moved on a slider: re-ranked at once, saved once the slider rests. */
  setCapitalCapLive(year: number, cap: string): void;
  saveSnapshot(name: string): Promise<boolean>;
  /** The capital each department must get at least, as typed (empty: no minimum); every amount checked first. */
  setDepartmentMinimums(minimums: Record<number, string>): Promise<boolean>;
  /** Ranking by hand: the proposals in their new order. */
  reorder(proposalIds: number[]): Promise<boolean>;
  /** "What if it were in?": the optimum with one proposal forced in, against the last answer */
  whatIf: { proposalId: number; text: string } | null;
  askWhatIf(proposalId: number): Promise<void>;
  /** the optimizer's last answer, and its progress while it works */
  optimizing: boolean;
  progress: { seconds: number; gap: number | null; incumbent: number | null } | null;
  optimized: OptimizeOutcome | null;
  /** the objective the last answer maximised */
  optimizedFor: Objective | null;
  optimize(objective: Objective): Promise<void>;
  cancelOptimize(): Promise<void>;
  /** Marks every proposal the optimizer chose (not yet funded) as funded, with one reason, as one step; `funding` says where all their costs go (remembered with each). */
  fundChosen(reason: string, funding?: FundingPlacement): Promise<void>;
}

/** Ranks the portfolio as the state says: pure, so a weight change re-ranks without touching the back. */
function ranking(portfolio: Portfolio, metrics: ReadonlyMap<number, ProposalMetrics>, key: RankKey): Pick<PortfolioState, 'ranked' | 'rankingProblem'> {
  const scoring = weightedScores(portfolio.proposals, portfolio.criteria);
  if (!scoring.ok && key === 'score') {
    return { ranked: rankPortfolio(portfolio.proposals, metrics, null, 'manual', portfolio.settings), rankingProblem: scoring.message };
  }
  return { ranked: rankPortfolio(portfolio.proposals, metrics, scoring.ok ? scoring : null, key, portfolio.settings), rankingProblem: null };
}

/** Metrics by what they depend on (flows and rates): a reload after an unrelated change computes none again. */
const metricsCache = new Map<string, ProposalMetrics>();
function metricsOf(portfolio: Portfolio): Map<number, ProposalMetrics> {
  const { discountRate, financeRate, reinvestRate } = portfolio.settings;
  if (metricsCache.size > 20_000) metricsCache.clear();
  return new Map(
    portfolio.proposals.map((proposal) => {
      const key = JSON.stringify([discountRate, financeRate, reinvestRate, proposal.flows]);
      let metrics = metricsCache.get(key);
      if (metrics === undefined) {
        metrics = proposalMetrics(proposal, portfolio.settings);
        metricsCache.set(key, metrics);
      }
      return [proposal.id, metrics];
    }),
  );
}

let weightSave: ReturnType<typeof setTimeout> | undefined;
let capSave: ReturnType<typeof setTimeout> | undefined;
/** Slider values not yet saved, by what they set: sent before any other write, so it never reads them back stale. */
const pendingSaves = new Map<'weights' | 'caps', () => Promise<unknown>>();
let loadGeneration = 0;

export const usePortfolioStore = create<PortfolioState>((set, get) => {
  /** Sends the sliders' unsaved values (each a write of its own, in the sheet's queue). */
  async function flushSliders(): Promise<void> {
    clearTimeout(weightSave);
    clearTimeout(capSave);
    for (const [key, save] of [...pendingSaves]) {
      await enqueue(async () => {
        const receipt = (await save()) as WriteReceipt;
        set({ revision: receipt.revision });
        useSheetStore.setState({ revision: receipt.revision, history: receipt.history });
      });
      // Saved: from now on the file has these values (unless the slider has moved again meanwhile).
      if (pendingSaves.get(key) === save) pendingSaves.delete(key);
    }
  }

  /** A write to the back (null: only the sliders' pending values); then the portfolio is read again and the undo labels follow. */
  async function write(call: () => Promise<WriteReceipt | null>, where?: string, budgetChanges = false): Promise<boolean> {
    try {
      await flushSliders();
      // In the sheet's write queue, so a sheet edit still on its way is saved before, and never undone by a reload.
      await enqueue(async () => {
        const receipt = await call();
        if (receipt !== null) {
          set({ revision: receipt.revision });
          useSheetStore.setState({ revision: receipt.revision, history: receipt.history });
        }
        // Funding writes budget lines: the sheet reads them again.
        if (budgetChanges) await useSheetStore.getState().load();
      });
      await get().load();
      return true;
    } catch (error) {
      showError(error, where);
      return false;
    }
  }
  return {
    portfolio: null,
    metrics: new Map(),
    rankKey: 'score',
    ranked: [],
    rankingProblem: null,
    selectedId: null,
    revision: null,
    visible: false,
    stale: false,
    setVisible(visible) {
      set({ visible });
      if (visible && (get().stale || get().portfolio === null)) void get().load();
    },
    async load() {
      // Loads can overlap (a slider's save and a decision each read the portfolio back): only the
      // latest one started may show, or an older answer would put stale statuses back on screen.
      const generation = ++loadGeneration;
      try {
        const answer = await api.call('proposal/get-portfolio', {});
        if (generation !== loadGeneration) return;
        // Slider values not saved yet win over what the file says: a load that started before the
        // slider moved must not put the old weights or caps back (and re-rank with them).
        const shown = get().portfolio;
        const portfolio =
          shown === null
            ? answer
            : {
                ...answer,
                criteria: pendingSaves.has('weights') ? shown.criteria : answer.criteria,
                settings: pendingSaves.has('caps') ? { ...answer.settings, capitalCaps: shown.settings.capitalCaps } : answer.settings,
              };
        const metrics = metricsOf(portfolio);
        const selectedId = get().selectedId;
        set({
          portfolio,
          metrics,
          // An optimizer answer is for the portfolio it was computed on: any change makes it stale.
          optimized: null,
          whatIf: null,
          stale: false,
          ...ranking(portfolio, metrics, get().rankKey),
          selectedId: selectedId !== null && portfolio.proposals.some((proposal) => proposal.id === selectedId) ? selectedId : (portfolio.proposals[0]?.id ?? null),
          revision: useSheetStore.getState().revision,
        });
      } catch (error) {
        showError(error);
      }
    },
    select: (selectedId) => set({ selectedId }),
    setRankKey(rankKey) {
      const { portfolio, metrics } = get();
      set({ rankKey, ...(portfolio === null ? {} : ranking(portfolio, metrics, rankKey)) });
    },
    setWeight(criterionId, weight) {
      const { portfolio, metrics, rankKey } = get();
      if (portfolio === null) return;
      const criteria = portfolio.criteria.map((criterion) => (criterion.id === criterionId ? { ...criterion, weight } : criterion));
      const next = { ...portfolio, criteria };
      set({ portfolio: next, ...ranking(next, metrics, rankKey) });
      // Sliders move many times a second: save the weights once they rest.
      clearTimeout(weightSave);
      pendingSaves.set('weights', () => api.call('proposal/set-weights', { weights: criteria.map((criterion) => ({ criterionId: criterion.id, weight: criterion.weight })) }));
      weightSave = setTimeout(() => void write(() => Promise.resolve(null), 'Criteria weights'), 400);
    },
    setCapitalCapLive(year, cap) {
      const { portfolio, metrics, rankKey } = get();
      if (portfolio === null) return;
      const capitalCaps = Array.from({ length: portfolio.settings.years }, (_unused, index) => portfolio.settings.capitalCaps[index] ?? null);
      capitalCaps[year] = cap;
      const next = { ...portfolio, settings: { ...portfolio.settings, capitalCaps } };
      set({ portfolio: next, ...ranking(next, metrics, rankKey) });
      clearTimeout(capSave);
      pendingSaves.set('caps', () => api.call('proposal/set-settings', { capitalCaps }));
      capSave = setTimeout(() => void write(() => Promise.resolve(null), 'Capital caps'), 400);
    },
    reorder: (proposalIds) => write(() => api.call('proposal/reorder', { proposalIds }), 'Ranking by hand'),
    whatIf: null,
    async askWhatIf(proposalId) {
      const { optimized, optimizedFor, portfolio } = get();
      if (optimized === null || !optimized.ok || optimizedFor === null || portfolio === null) return;
      set({ whatIf: { proposalId, text: 'Solving with it forced in…' } });
      try {
        const answer = await api.call('proposal/optimize', { objective: optimizedFor, timeLimitSeconds: 30, relativeGap: 0, forceIn: proposalId });
        const titleOf = (id: number) => `“${portfolio.proposals.find((proposal) => proposal.id === id)?.title ?? '?'}”`;
        if (!answer.ok) {
          set({ whatIf: { proposalId, text: [answer.message, ...answer.conflicts].join(' ') } });
          return;
        }
        const before = new Set(optimized.choice.chosen);
        const after = new Set(answer.choice.chosen);
        const displaced = [...before].filter((id) => !after.has(id) && id !== proposalId).map(titleOf);
        const added = [...after].filter((id) => !before.has(id) && id !== proposalId).map(titleOf);
        const change = new Decimal(answer.choice.objective).minus(optimized.choice.objective);
        const what = optimizedFor === 'npv' ? 'total NPV' : 'total score';
        const text = [
          `With it in, the best portfolio's ${what} changes by ${optimizedFor === 'npv' ? formatAmount(change, { negatives: 'minus', zero: 'digits' }) : change.toDecimalPlaces(2).toString()}.`,
          displaced.length > 0 ? `It displaces ${displaced.join(', ')}.` : 'It displaces nothing.',
          added.length > 0 ? `It brings in ${added.join(', ')} as well.` : '',
        ].join(' ');
        set({ whatIf: { proposalId, text: text.trim() } });
      } catch (error) {
        set({ whatIf: null });
        showError(error, 'What if');
      }
    },
    async setDepartmentMinimums(minimums) {
      const parsed: Record<string, string> = {};
      for (const [departmentId, text] of Object.entries(minimums)) {
        if (text.trim() === '') continue;
        const amount = parseAmount(text, workbookCurrency());
        if (!amount.ok || amount.amount.startsWith('-')) {
          showError(new Error(amount.ok ? 'A minimum cannot be negative.' : amount.message), 'Department minimums');
          return false;
        }
        if (amount.amount !== '0') parsed[departmentId] = amount.amount;
      }
      return write(() => api.call('proposal/set-settings', { departmentMinimums: parsed }), 'Department minimums');
    },
    saveSnapshot: (name) => write(() => api.call('proposal/save-snapshot', { name, rankKey: get().rankKey })),
    update: (proposalId, fields) => write(() => api.call('proposal/update', { proposalId, fields })),
    async setFlow(proposalId, kind, year, text) {
      const parsed = text.trim() === '' ? { ok: true as const, amount: '0' } : parseAmount(text, workbookCurrency());
      if (!parsed.ok) {
        showError(new Error(parsed.message), `Year ${year + 1}`);
        return false;
      }
      if (parsed.amount.startsWith('-')) {
        showError(new Error('Enter costs and benefits as positive amounts: a cost is money spent, a benefit money gained or saved.'), `Year ${year + 1}`);
        return false;
      }
      return write(() => api.call('proposal/set-flows', { proposalId, flows: [{ kind, year, amount: parsed.amount }] }));
    },
    async pasteFlows(proposalId, kind, year, text) {
      const portfolio = get().portfolio;
      if (portfolio === null) return false;
      const block = parseTabularText(text);
      const kinds = FLOW_KINDS.slice(FLOW_KINDS.indexOf(kind));
      if (block.length > kinds.length || block.some((row) => year + row.length > portfolio.settings.years)) {
        showError(new Error(`The pasted block is ${block.length} × ${Math.max(...block.map((row) => row.length))}; from here there is room for ${kinds.length} rows and ${portfolio.settings.years - year} years. Nothing was pasted.`), 'Cash flows');
        return false;
      }
      const flows: { kind: FlowKind; year: number; amount: string }[] = [];
      for (const [rowIndex, row] of block.entries()) {
        for (const [columnIndex, cell] of row.entries()) {
          const flowKind = kinds[rowIndex] as FlowKind;
          const parsed = cell.trim() === '' ? { ok: true as const, amount: '0' } : parseAmount(cell, workbookCurrency());
          if (!parsed.ok || parsed.amount.startsWith('-')) {
            const reason = parsed.ok ? 'costs and benefits are entered as positive amounts' : parsed.message;
            showError(new Error(`Nothing was pasted. Row ${rowIndex + 1}, column ${columnIndex + 1} of the block: ${reason}`), `${FLOW_LABELS[flowKind]}, year ${year + columnIndex + 1}`);
            return false;
          }
          flows.push({ kind: flowKind, year: year + columnIndex, amount: parsed.amount });
        }
      }
      return write(() => api.call('proposal/set-flows', { proposalId, flows }), 'Cash flows');
    },
    async editCells(edits, label) {
      return write(() => api.call('proposal/edit-many', { edits, label }));
    },
    async setScore(proposalId, criterionId, text) {
      const trimmed = text.trim();
      if (trimmed !== '' && !/^\d+(\.\d{1,6})?$/.test(trimmed)) {
        showError(new Error(`"${trimmed}" is not a score. Type a number from 0 to 10, such as 7 or 7.5.`));
        return false;
      }
      return write(() => api.call('proposal/set-score', { proposalId, criterionId, score: trimmed === '' ? null : toQuantityText(new Decimal(trimmed)) }));
    },
    async setCapitalCap(year, text) {
      const portfolio = get().portfolio;
      if (portfolio === null) return false;
      const parsed = text.trim() === '' ? null : parseAmount(text, workbookCurrency());
      if (parsed !== null && !parsed.ok) {
        showError(new Error(parsed.message), `Capital cap, year ${year + 1}`);
        return false;
      }
      const caps = Array.from({ length: portfolio.settings.years }, (_unused, index) => portfolio.settings.capitalCaps[index] ?? null);
      caps[year] = parsed === null ? null : parsed.amount;
      return write(() => api.call('proposal/set-settings', { capitalCaps: caps }));
    },
    async decide(proposalId, decision, reason, funding) {
      const saved = await write(() => api.call('proposal/decide', funding === undefined ? { proposalId, decision, reason } : { proposalId, decision, reason, funding }), undefined, true);
      if (saved) useNoticeStore.getState().show({ tone: 'info', message: `Recorded: ${decision} — ${reason}` });
      return saved;
    },
    optimizing: false,
    progress: null,
    optimized: null,
    optimizedFor: null,
    async optimize(objective) {
      if (get().optimizing) return;
      set({ optimizing: true, progress: null });
      const stop = api.onEvent((event) => {
        if (event.name === 'proposal/optimize-progress') set({ progress: event.payload as ApiEvents['proposal/optimize-progress'] });
      });
      try {
        const optimized = await api.call('proposal/optimize', { objective, timeLimitSeconds: 60, relativeGap: 0 });
        set({ optimized, optimizedFor: objective });
        if (!optimized.ok) showError(new Error([optimized.message, ...optimized.conflicts].join(' ')), 'Optimize');
      } catch (error) {
        showError(error, 'Optimize');
      } finally {
        stop();
        set({ optimizing: false, progress: null });
      }
    },
    async cancelOptimize() {
      try {
        await api.call('proposal/cancel-optimize', {});
      } catch (error) {
        showError(error);
      }
    },
    async fundChosen(reason, funding) {
      const optimized = get().optimized;
      const portfolio = get().portfolio;
      if (optimized === null || !optimized.ok || portfolio === null) return;
      const open = optimized.choice.chosen.filter((id) => portfolio.proposals.find((candidate) => candidate.id === id)?.status !== 'funded');
      if (open.length === 0) return;
      const saved = await write(() => api.call('proposal/decide-many', funding === undefined ? { proposalIds: open, decision: 'funded', reason } : { proposalIds: open, decision: 'funded', reason, funding }), 'Fund the chosen proposals', true);
      if (saved) useNoticeStore.getState().show({ tone: 'info', message: `Funded ${open.length} proposals; their costs are in the budget. Undo (${commandShortcutLabel('edit.undo')}) takes all of it back.` });
    },
    async addProposal(title, departmentId) {
      let added: number | null = null;
      const saved = await write(async () => {
        const receipt = await api.call('proposal/add', { title, departmentId });
        added = receipt.proposalId;
        return receipt;
      }, 'New proposal');
      if (added !== null) set({ selectedId: added });
      return saved;
    },
    deleteProposal: (proposalId) => write(() => api.call('proposal/delete', { proposalId })),
  };
});

// Undo and redo run through the sheet's history; when the workbook's revision moves for a reason
// other than our own write, the portfolio is read again.
useSheetStore.subscribe((state, previous) => {
  const { portfolio, revision, visible } = usePortfolioStore.getState();
  if (portfolio === null || state.revision === previous.revision || state.revision === revision) return;
  // A typed cell in the sheet must not recompute every proposal's metrics: only while they are on screen.
  if (visible) void usePortfolioStore.getState().load();
  else usePortfolioStore.setState({ stale: true });
});

// Another file: nothing of this one's portfolio (or its optimizer answer) may carry over.
useWorkbookStore.subscribe((state, previous) => {
  if (state.session?.current?.path === previous.session?.current?.path) return;
  clearTimeout(weightSave);
  clearTimeout(capSave);
  pendingSaves.clear();
  usePortfolioStore.setState({ portfolio: null, metrics: new Map(), ranked: [], optimized: null, optimizedFor: null, whatIf: null, selectedId: null, revision: null, stale: false });
});
