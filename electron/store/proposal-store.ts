import { ApiError } from '../../shared/api/errors';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import { fiscalYearLabel } from '../../shared/calendar/fiscal-calendar';
import type { Portfolio, PortfolioSettings, Proposal, ProposalStatus, SessionSnapshot } from '../../shared/domain/proposal';
import { decisionRefusal } from '../../shared/portfolio/decision-rules';
import { proposalMetrics } from '../../shared/portfolio/proposal-metrics';
import { rankPortfolio, type RankKey } from '../../shared/portfolio/ranking';
import { weightedScores } from '../../shared/portfolio/scoring';
import type { ProposalEdit, ProposalFields, ProposalFlow } from '../../shared/domain/proposal-fields';
import { ROW_TABLES, writeRow, type RowChange, type RowTable, type StoredRow } from './edit-steps';
import { GoalStore } from './goal-store';
import { checkPrerequisites, dependentTitles, writePrerequisites } from './proposal-prerequisites';
import { readOneProposal, readPortfolio, readPortfolioSettings, type ProposalRow } from './proposal-reader';
import { addBudgetLines, checkedPlacement, fundingOptions, rememberedPlacement, removeBudgetLines } from './proposal-funding';
import { DEFAULT_PLACEMENT, type FundingOptions, type FundingPlacement } from '../../shared/portfolio/funding-placement';
import type { WorkbookStore } from './workbook-store';

/** The fields written as they are; the goal (by name or id) is resolved first and prerequisites are rows of their own, see `writeFields`. */
const COLUMN_OF: Record<Exclude<keyof ProposalFields, 'goal' | 'goalId' | 'prerequisites'>, keyof ProposalRow> = {
  title: 'title',
  owner: 'owner',
  departmentId: 'department_id',
  category: 'category',
  description: 'description',
  usefulLife: 'useful_life',
  risk: 'risk',
  mandatory: 'mandatory',
  exclusiveGroup: 'exclusive_group',
  forced: 'forced',
};

const SETTING_KEYS = {
  discountRate: 'discount_rate',
  financeRate: 'finance_rate',
  reinvestRate: 'reinvest_rate',
  capitalCaps: 'capital_caps',
  operatingCaps: 'operating_caps',
  departmentMinimums: 'department_minimums',
} as const;

/**
 * Investment proposals in a workbook file: read as a portfolio, changed through the
 * workbook's one write path (one transaction, one undo step of whole rows, one audit record).
 */
export class ProposalStore {
  constructor(private readonly workbook: WorkbookStore) {}

  private get db() {
    return this.workbook.database;
  }

  settings(): PortfolioSettings {
    return readPortfolioSettings(this.workbook);
  }

  /** Department names by id, for the optimizer's messages. */
  departmentNames(): Map<number, string> {
    return new Map(this.db.prepare<[], { id: number; name: string }>('SELECT id, name FROM departments').all().map((row) => [row.id, row.name]));
  }

  /** One proposal with its flows (not its scores): funding many at once must not read the whole portfolio for each. */
  private oneProposal(proposalId: number): Proposal | null {
    return readOneProposal(this.db, proposalId, this.settings().years);
  }

  portfolio(): Portfolio {
    return readPortfolio(this.db, this.settings(), fiscalYearLabel(this.workbook.calendar()));
  }

  add(fields: ProposalFields & { title: string }, actor: string): WriteReceipt & { proposalId: number } {
    return this.workbook.change('proposal/add', actor, () => {
      this.checkFields(null, fields);
      const sortOrder = this.db.prepare<[], number>('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM proposals').pluck().get() as number;
      const id = Number(this.db.prepare('INSERT INTO proposals (title, sort_order) VALUES (?, ?)').run(fields.title, sortOrder).lastInsertRowid);
      const prerequisites = this.writeFields(id, fields);
      const after = this.row('proposals', { id });
      return { step: { kind: 'rows', changes: [{ table: 'proposals', before: null, after }, ...prerequisites] }, label: `add proposal “${fields.title}”`, detail: after, result: { proposalId: id } };
    });
  }

  update(proposalId: number, fields: ProposalFields, actor: string): WriteReceipt {
    return this.workbook.change('proposal/update', actor, () => {
      const { title } = this.requireProposal(proposalId);
      const changes = this.applyFields(proposalId, fields);
      return { step: { kind: 'rows', changes }, label: `change ${Object.keys(fields).join(', ')} of “${String(title)}”`, detail: changes[0], result: {} };
    });
  }

  /**
   * Many proposals' fields, cash flows and scores changed together (a paste, a fill, a clear
   * on the proposals sheet): every change checked, then all written as one undo step, or none.
   */
  editMany(edits: readonly ProposalEdit[], label: string, actor: string): WriteReceipt {
    return this.workbook.change('proposal/edit-many', actor, () => {
      const changes: RowChange[] = [];
      edits.forEach((edit, index) => {
        try {
          // An edit that changes nothing still names a proposal that must exist: an unknown id is a mistake, not a no-op.
          this.requireProposal(edit.proposalId);
          if (edit.fields !== undefined && Object.keys(edit.fields).length > 0) changes.push(...this.applyFields(edit.proposalId, edit.fields));
          if (edit.flows !== undefined && edit.flows.length > 0) changes.push(...this.applyFlows(edit.proposalId, edit.flows));
          for (const { criterionId, score } of edit.scores ?? []) changes.push(...this.applyScore(edit.proposalId, criterionId, score));
        } catch (error) {
          // Name the change that failed: the whole edit is refused and nothing is written.
          if (error instanceof ApiError) throw new ApiError(error.code, error.message, `edits.${index}${error.where === undefined ? '' : `.${error.where}`}`);
          throw error;
        }
      });
      return { step: changes.length === 0 ? null : { kind: 'rows', changes }, label, detail: { changes: changes.length }, result: {} };
    });
  }

  private applyFields(proposalId: number, fields: ProposalFields): RowChange[] {
    const before = this.requireProposal(proposalId);
    this.checkFields(proposalId, fields);
    const prerequisites = this.writeFields(proposalId, fields);
    return [{ table: 'proposals', before, after: this.row('proposals', { id: proposalId }) }, ...prerequisites];
  }

  delete(proposalId: number, actor: string): WriteReceipt {
    return this.workbook.change('proposal/delete', actor, () => {
      const proposal = this.requireProposal(proposalId);
      const fundedLines = this.db.prepare<[number], number>('SELECT COUNT(*) FROM budget_lines WHERE proposal_id = ?').pluck().get(proposalId) as number;
      if (fundedLines > 0) {
        throw new ApiError('invalid-input', `“${String(proposal.title)}” has ${fundedLines} budget line${fundedLines === 1 ? '' : 's'} from its funding. Take the funding back first (reopen, defer or reject it), so they go too.`, 'proposalId');
      }
      const dependents = dependentTitles(this.db, proposalId);
      if (dependents.length > 0) {
        throw new ApiError('invalid-input', `“${String(proposal.title)}” is needed by ${dependents.map((title) => `“${title}”`).join(', ')}. Remove it from their prerequisites first.`, 'proposalId');
      }
      // Children first when deleting, so undo (in reverse) brings the proposal back before its rows.
      const children: RowChange[] = (['proposal_flows', 'proposal_scores', 'proposal_prerequisites', 'decisions'] as const).flatMap((table) =>
        this.db
          .prepare<[number], StoredRow>(`SELECT * FROM ${table} WHERE proposal_id = ?`)
          .all(proposalId)
          .map((row) => ({ table, before: row, after: null })),
      );
      this.db.prepare('DELETE FROM proposals WHERE id = ?').run(proposalId);
      return {
        step: { kind: 'rows', changes: [...children, { table: 'proposals', before: proposal, after: null }] },
        label: `delete proposal “${String(proposal.title)}”`,
        detail: proposal,
        result: {},
      };
    });
  }

  setFlows(proposalId: number, flows: readonly ProposalFlow[], actor: string): WriteReceipt {
    return this.workbook.change('proposal/set-flows', actor, () => {
      const { title } = this.requireProposal(proposalId);
      const changes = this.applyFlows(proposalId, flows);
      return { step: changes.length === 0 ? null : { kind: 'rows', changes }, label: `cash flows of “${String(title)}”`, detail: { proposalId, changes }, result: {} };
    });
  }

  private applyFlows(proposalId: number, flows: readonly ProposalFlow[]): RowChange[] {
    this.requireProposal(proposalId);
    const { years } = this.settings();
    const seen = new Set<string>();
    flows.forEach((flow, index) => {
      if (flow.year >= years) throw new ApiError('invalid-input', `Year ${flow.year + 1} is past the proposals' horizon of ${years} years.`, `flows.${index}.year`);
      const key = `${flow.kind}:${flow.year}`;
      if (seen.has(key)) throw new ApiError('invalid-input', `The ${flow.kind} of year ${flow.year + 1} is set twice in one change.`, `flows.${index}`);
      seen.add(key);
    });
    const changes: RowChange[] = [];
    for (const flow of flows) {
      const key = { proposal_id: proposalId, kind: flow.kind, year: flow.year };
      const before = this.rowOrNull('proposal_flows', key);
      const after = flow.amount === '0' ? null : { ...key, amount: flow.amount };
      if (before?.amount === after?.amount) continue;
      this.write({ table: 'proposal_flows', before, after });
      changes.push({ table: 'proposal_flows', before, after });
    }
    return changes;
  }

  setScore(proposalId: number, criterionId: number, score: string | null, actor: string): WriteReceipt {
    return this.workbook.change('proposal/set-score', actor, () => {
      const { title } = this.requireProposal(proposalId);
      const changes = this.applyScore(proposalId, criterionId, score);
      const criterion = this.row('criteria', { id: criterionId });
      return { step: { kind: 'rows', changes }, label: `score “${String(title)}” on ${String(criterion.name)}`, detail: changes[0], result: {} };
    });
  }

  private applyScore(proposalId: number, criterionId: number, score: string | null): RowChange[] {
    this.requireProposal(proposalId);
    if (this.rowOrNull('criteria', { id: criterionId }) === null) throw new ApiError('not-found', `Criterion ${criterionId} does not exist.`, 'criterionId');
    const key = { proposal_id: proposalId, criterion_id: criterionId };
    const before = this.rowOrNull('proposal_scores', key);
    const after = score === null ? null : { ...key, score };
    if (before?.score === after?.score) return [];
    this.write({ table: 'proposal_scores', before, after });
    return [{ table: 'proposal_scores', before, after }];
  }

  addCriterion(name: string, weight: string, actor: string): WriteReceipt & { criterionId: number } {
    return this.workbook.change('proposal/add-criterion', actor, () => {
      if (this.db.prepare('SELECT 1 FROM criteria WHERE lower(name) = lower(?)').get(name) !== undefined) {
        throw new ApiError('already-exists', `There is already a criterion called “${name}”.`, 'name');
      }
      const sortOrder = this.db.prepare<[], number>('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM criteria').pluck().get() as number;
      const id = Number(this.db.prepare('INSERT INTO criteria (name, weight, sort_order) VALUES (?, ?, ?)').run(name, weight, sortOrder).lastInsertRowid);
      const after = this.row('criteria', { id });
      return { step: { kind: 'rows', changes: [{ table: 'criteria', before: null, after }] }, label: `add criterion “${name}”`, detail: after, result: { criterionId: id } };
    });
  }

  setWeights(weights: readonly { criterionId: number; weight: string }[], actor: string): WriteReceipt {
    return this.workbook.change('proposal/set-weights', actor, () => {
      const changes: RowChange[] = [];
      weights.forEach(({ criterionId, weight }, index) => {
        const before = this.rowOrNull('criteria', { id: criterionId });
        if (before === null) throw new ApiError('not-found', `Criterion ${criterionId} does not exist.`, `weights.${index}.criterionId`);
        if (before.weight === weight) return;
        const after = { ...before, weight };
        this.write({ table: 'criteria', before, after });
        changes.push({ table: 'criteria', before, after });
      });
      return { step: changes.length === 0 ? null : { kind: 'rows', changes }, label: 'change criteria weights', detail: changes, result: {} };
    });
  }

  setSettings(patch: Partial<Omit<PortfolioSettings, 'years'>>, actor: string): WriteReceipt {
    return this.workbook.change('proposal/set-settings', actor, () => {
      for (const departmentId of Object.keys(patch.departmentMinimums ?? {})) {
        if (this.db.prepare('SELECT 1 FROM departments WHERE id = ?').get(Number(departmentId)) === undefined) {
          throw new ApiError('not-found', `Department ${departmentId} does not exist in this workbook.`, `departmentMinimums.${departmentId}`);
        }
      }
      const changes: RowChange[] = [];
      for (const [field, key] of Object.entries(SETTING_KEYS) as [keyof typeof SETTING_KEYS, string][]) {
        const value = patch[field];
        if (value === undefined) continue;
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        const before = this.rowOrNull('workbook_settings', { key });
        if (before?.value === text) continue;
        const after = { key, value: text };
        this.write({ table: 'workbook_settings', before, after });
        changes.push({ table: 'workbook_settings', before, after });
      }
      return { step: changes.length === 0 ? null : { kind: 'rows', changes }, label: 'change portfolio settings', detail: changes, result: {} };
    });
  }

  /**
   * Records a decision with its reason. Funding a proposal also writes its capital and operating
   * costs into the budget as lines of its department (each year spread evenly over that fiscal
   * year's months, to the cent), linked to it; taking the funding back removes those lines. All
   * of it is one undo step.
   */
  decide(proposalId: number, decision: ProposalStatus, reason: string, actor: string, funding?: FundingPlacement): WriteReceipt {
    return this.decideMany([proposalId], decision, reason, actor, funding);
  }

  /**
   * The same decision on several proposals (funding the optimizer's portfolio): one undo step. Each
   * funding goes where `funding` says (then remembered with the proposal), else where the proposal
   * remembers, else to the chart's first capital and operating accounts over whole years.
   */
  decideMany(proposalIds: readonly number[], decision: ProposalStatus, reason: string, actor: string, funding?: FundingPlacement): WriteReceipt {
    if (funding !== undefined && decision !== 'funded') throw new ApiError('invalid-input', 'Only a funding says where its costs go: leave out “funding” for this decision.', 'funding');
    return this.workbook.change('proposal/decide', actor, () => {
      const changes = proposalIds.flatMap((proposalId) => this.decisionChanges(proposalId, decision, reason, actor, funding));
      const verb = decision === 'proposed' ? 'reopen' : decision === 'funded' ? 'fund' : decision === 'deferred' ? 'defer' : 'reject';
      const first = changes.find((change) => change.table === 'proposals')?.before?.title;
      const label = proposalIds.length === 1 ? `${verb} “${String(first)}”` : `${verb} ${proposalIds.length} proposals`;
      return { step: { kind: 'rows', changes }, label, detail: { proposalIds, decision, reason }, result: {} };
    });
  }

  /** One proposal's decision, written inside the caller's transaction; returns the rows it changed. */
  private decisionChanges(proposalId: number, decision: ProposalStatus, reason: string, actor: string, funding: FundingPlacement | undefined): RowChange[] {
    const before = this.requireProposal(proposalId);
    const refusal = decisionRefusal({ title: String(before.title), status: before.status as ProposalStatus, mandatory: before.mandatory === 1 }, decision);
    if (refusal !== null) throw new ApiError('invalid-input', refusal, 'decision');
    const changes: RowChange[] = [];
    // Lines of an earlier funding go first (children before their line), then the proposal changes.
    if (before.status === 'funded' && decision !== 'funded') changes.push(...removeBudgetLines(this.db, proposalId));
    this.db.prepare('UPDATE proposals SET status = ? WHERE id = ?').run(decision, proposalId);
    const placement = decision === 'funded' ? this.placementFor(before, funding) : null;
    // The choice is remembered with the proposal (in the same row change), and proposed the next time.
    if (funding !== undefined && placement !== null) this.db.prepare('UPDATE proposals SET funding = ? WHERE id = ?').run(JSON.stringify(placement), proposalId);
    changes.push({ table: 'proposals', before, after: this.row('proposals', { id: proposalId }) });
    if (placement !== null) {
      const proposal = this.oneProposal(proposalId);
      if (proposal !== null) changes.push(...addBudgetLines(this.workbook, proposal, placement));
    }
    const decisionId = Number(
      this.db.prepare('INSERT INTO decisions (proposal_id, decision, reason, actor, at) VALUES (?, ?, ?, ?, ?)').run(proposalId, decision, reason, actor, new Date().toISOString()).lastInsertRowid,
    );
    changes.push({ table: 'decisions', before: null, after: this.row('decisions', { id: decisionId }) });
    return changes;
  }

  /** Where a funding goes: as given (checked), else as the proposal remembers while it still fits the chart, else the default. */
  private placementFor(row: StoredRow, funding: FundingPlacement | undefined): FundingPlacement {
    if (funding !== undefined) return checkedPlacement(this.db, funding);
    const remembered = rememberedPlacement(row);
    if (remembered !== null) {
      try {
        return checkedPlacement(this.db, remembered);
      } catch {
        // An account remembered but gone from the chart since: the default, as before any choice.
      }
    }
    return checkedPlacement(this.db, DEFAULT_PLACEMENT);
  }

  /** What the fund dialog proposes for a proposal: where its costs went the last time, or the default, and the choices. */
  fundingOptions(proposalId: number): FundingOptions {
    const row = this.requireProposal(proposalId);
    const departmentId = typeof row.department_id === 'number' ? row.department_id : null;
    const department = this.db.prepare<[number | null], string>('SELECT name FROM departments WHERE id = COALESCE(?, (SELECT id FROM departments ORDER BY sort_order, id LIMIT 1))').pluck().get(departmentId) as string | undefined;
    return fundingOptions(this.workbook, row, department ?? '');
  }

  /** Puts the proposals in the order given (ranking by hand): every proposal, each once. */
  reorder(proposalIds: readonly number[], actor: string): WriteReceipt {
    return this.workbook.change('proposal/reorder', actor, () => {
      const rows = this.db.prepare<[], StoredRow>('SELECT * FROM proposals ORDER BY sort_order, id').all();
      const known = new Set(rows.map((row) => row.id as number));
      if (proposalIds.length !== rows.length || new Set(proposalIds).size !== proposalIds.length || proposalIds.some((id) => !known.has(id))) {
        throw new ApiError('invalid-input', `Give every proposal once, in the new order (${rows.length} proposals).`, 'proposalIds');
      }
      const byId = new Map(rows.map((row) => [row.id as number, row]));
      const changes: RowChange[] = [];
      proposalIds.forEach((id, index) => {
        const before = byId.get(id) as StoredRow;
        if (before.sort_order === index + 1) return;
        const after = { ...before, sort_order: index + 1 };
        writeRow(this.db, 'proposals', before, after);
        changes.push({ table: 'proposals', before, after });
      });
      return { step: changes.length === 0 ? null : { kind: 'rows', changes }, label: 'rank the proposals by hand', detail: { proposalIds }, result: {} };
    });
  }

  /** Saves the session's outcome as it stands (ranking by `rankKey` with the funding line), to compare with later. */
  saveSnapshot(name: string, rankKey: RankKey, actor: string): WriteReceipt & { snapshotId: number } {
    return this.workbook.change('proposal/save-snapshot', actor, () => {
      const portfolio = this.portfolio();
      const metrics = new Map(portfolio.proposals.map((proposal) => [proposal.id, proposalMetrics(proposal, portfolio.settings)]));
      const scoring = weightedScores(portfolio.proposals, portfolio.criteria);
      const ranked = rankPortfolio(portfolio.proposals, metrics, scoring.ok ? scoring : null, scoring.ok || rankKey !== 'score' ? rankKey : 'manual', portfolio.settings);
      const content: SessionSnapshot['content'] = {
        rankKey,
        weights: portfolio.criteria.map((criterion) => ({ criterionId: criterion.id, name: criterion.name, weight: criterion.weight })),
        capitalCaps: portfolio.settings.capitalCaps,
        ranking: ranked.map((entry) => ({ proposalId: entry.proposal.id, title: entry.proposal.title, rank: entry.rank, place: entry.place, status: entry.proposal.status })),
      };
      const takenAt = new Date().toISOString();
      const id = Number(this.db.prepare('INSERT INTO session_snapshots (name, taken_at, actor, content) VALUES (?, ?, ?, ?)').run(name, takenAt, actor, JSON.stringify(content)).lastInsertRowid);
      return {
        step: { kind: 'rows', changes: [{ table: 'session_snapshots', before: null, after: this.row('session_snapshots', { id }) }] },
        label: `save snapshot “${name}”`,
        detail: { id, name },
        result: { snapshotId: id },
      };
    });
  }

  private checkFields(proposalId: number | null, fields: ProposalFields): void {
    if (fields.departmentId !== undefined && fields.departmentId !== null && this.db.prepare('SELECT 1 FROM departments WHERE id = ?').get(fields.departmentId) === undefined) {
      throw new ApiError('not-found', `Department ${fields.departmentId} does not exist in this workbook.`, 'departmentId');
    }
    if (fields.prerequisites !== undefined) checkPrerequisites(this.db, proposalId, fields.prerequisites);
    const mandatory = fields.mandatory ?? (proposalId === null ? false : this.requireProposal(proposalId).mandatory === 1);
    const forced = fields.forced !== undefined ? fields.forced : proposalId === null ? null : (this.requireProposal(proposalId).forced as 'in' | 'out' | null);
    if (mandatory && forced === 'out') throw new ApiError('invalid-input', 'A mandatory proposal cannot be forced out.', fields.forced !== undefined ? 'forced' : 'mandatory');
  }

  /** Writes the fields; returns the prerequisite rows it changed (the proposal's own row is the caller's to record). */
  private writeFields(proposalId: number, fields: ProposalFields): RowChange[] {
    for (const [field, column] of Object.entries(COLUMN_OF) as [keyof typeof COLUMN_OF, keyof ProposalRow][]) {
      const value = fields[field];
      if (value === undefined) continue;
      this.db.prepare(`UPDATE proposals SET ${column} = ? WHERE id = ?`).run(typeof value === 'boolean' ? Number(value) : value, proposalId);
    }
    const goalId = this.goalIdOf(fields);
    if (goalId !== undefined) this.db.prepare('UPDATE proposals SET goal_id = ? WHERE id = ?').run(goalId, proposalId);
    return fields.prerequisites === undefined ? [] : writePrerequisites(this.db, proposalId, fields.prerequisites);
  }

  /** The goal a change names: by id, or by name (case-insensitive, '' for none); undefined when it names none. An unknown goal is refused. */
  private goalIdOf(fields: ProposalFields): number | null | undefined {
    const goals = new GoalStore(this.workbook);
    const byId = fields.goalId === undefined || fields.goalId === null ? fields.goalId : goals.requireGoal(fields.goalId).id;
    const byName = fields.goal === undefined ? undefined : fields.goal.trim() === '' ? null : goals.goalNamed(fields.goal).id;
    if (byId !== undefined && byName !== undefined && byId !== byName) throw new ApiError('invalid-input', 'The goal is given twice, by name and by id, and they differ: give one.', 'goal');
    return byId !== undefined ? byId : byName;
  }

  private write(change: RowChange): void {
    writeRow(this.db, change.table, change.before, change.after);
  }

  private requireProposal(proposalId: number): StoredRow {
    const row = this.rowOrNull('proposals', { id: proposalId });
    if (row === null) throw new ApiError('not-found', `Proposal ${proposalId} does not exist (it may have been deleted).`, 'proposalId');
    return row;
  }

  private rowOrNull(table: RowTable, key: StoredRow): StoredRow | null {
    const keys = ROW_TABLES[table];
    return this.db.prepare<unknown[], StoredRow>(`SELECT * FROM ${table} WHERE ${keys.map((column) => `${column} = ?`).join(' AND ')}`).get(...keys.map((column) => key[column] ?? null)) ?? null;
  }

  private row(table: RowTable, key: StoredRow): StoredRow {
    const row = this.rowOrNull(table, key);
    if (row === null) throw new Error(`${table} row ${JSON.stringify(key)} vanished inside its own transaction.`);
    return row;
  }
}
