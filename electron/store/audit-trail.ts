import type Database from 'better-sqlite3';
import type { AuditChange, AuditKind } from '../../shared/domain/audit';
import type { Direction, EditStep, RowChange, StoredRow } from './edit-steps';
import { placementText } from './proposal-funding';
import { writeAuditChanges, writeCellAuditRows } from './audit-changes';

/** Names the trail writes into its records, so they still read well after a rename or delete. */
interface Names {
  line(lineId: number): string;
  department(id: number): string;
  account(id: number): string;
  /** whether a line now sits above another (read after the step was written) */
  above(lineId: number, otherId: number): boolean;
  goal(id: number): string;
  kpi(id: number): string;
  proposal(id: number): string;
  criterion(id: number): string;
  /** a proposal's remembered funding placement (JSON) in words */
  placement(stored: string): string;
}

function namesOf(db: Database.Database): Names {
  const line = db.prepare<[number], { description: string; department: string }>(
    'SELECT l.description, d.name AS department FROM budget_lines l JOIN departments d ON d.id = l.department_id WHERE l.id = ?',
  );
  const department = db.prepare<[number], string>('SELECT name FROM departments WHERE id = ?').pluck();
  const account = db.prepare<[number], { code: string; name: string }>('SELECT code, name FROM accounts WHERE id = ?');
  const lines = new Map<number, string>();
  const order = db.prepare<[number], number>('SELECT sort_order FROM budget_lines WHERE id = ?').pluck();
  return {
    above: (lineId, otherId) => ((order.get(lineId) as number | undefined) ?? 0) < ((order.get(otherId) as number | undefined) ?? 0),
    line(lineId) {
      let name = lines.get(lineId);
      if (name === undefined) {
        const row = line.get(lineId);
        name = row === undefined ? `line ${lineId}` : `${row.description} (${row.department})`;
        lines.set(lineId, name);
      }
      return name;
    },
    department: (id) => (department.get(id) as string | undefined) ?? `department ${id}`,
    goal: (id) => (db.prepare<[number], string>('SELECT name FROM goals WHERE id = ?').pluck().get(id) as string | undefined) ?? `goal ${id}`,
    kpi: (id) => (db.prepare<[number], string>('SELECT name FROM kpis WHERE id = ?').pluck().get(id) as string | undefined) ?? `KPI ${id}`,
    // A proposal gone from the file before its step was read (an old record) is still called a proposal, never a bare number.
    proposal: (id) => (db.prepare<[number], string>('SELECT title FROM proposals WHERE id = ?').pluck().get(id) as string | undefined) ?? `a deleted proposal (#${id})`,
    placement: (stored) => placementText(db, stored),
    criterion: (id) => (db.prepare<[number], string>('SELECT name FROM criteria WHERE id = ?').pluck().get(id) as string | undefined) ?? `a deleted criterion (#${id})`,
    account(id) {
      const row = account.get(id);
      return row === undefined ? `account ${id}` : `${row.code} ${row.name}`;
    },
  };
}

/** A deleted version's name is set aside (see version-store): the trail shows the name the user gave. */
export function displayedVersionName(stored: string): string {
  const match = /^~deleted~\d+~(.*)$/s.exec(stored);
  return match?.[1] ?? stored;
}

const text = (value: string | number | null | undefined): string | null => (value === null || value === undefined ? null : String(value));

/** One change per column that differs, for rows of the proposals' tables and settings. */
function rowChanges(change: RowChange, names: Names): AuditChange[] {
  const row = change.after ?? change.before ?? {};
  if (change.table === 'cell_values') {
    return [
      {
        kind: 'value',
        lineId: Number(row.line_id),
        versionId: Number(row.version_id),
        period: Number(row.period),
        subject: names.line(Number(row.line_id)),
        before: text(change.before?.amount),
        after: text(change.after?.amount),
      },
    ];
  }
  if (change.table === 'kpi_inputs') {
    // An entered KPI value: the month is the plan year's, as for a cell.
    return [{ kind: 'setting', lineId: null, versionId: null, period: Number(row.period), subject: `KPI “${names.kpi(Number(row.kpi_id))}”`, before: text(change.before?.value), after: text(change.after?.value) }];
  }
  const subject = subjectOfRow(change.table, row, names);
  const lineId = change.table === 'budget_lines' ? Number(row.id) : null;
  const kind: AuditKind =
    change.table === 'budget_lines' || change.table === 'versions'
      ? 'structure'
      : change.table === 'workbook_settings' || change.table === 'goals' || change.table === 'kpis'
        ? 'setting'
        : change.table === 'variance_comments'
          ? 'comment'
          : 'proposal';
  if (change.table === 'decisions') {
    // A decision reads as what was decided, with its reason: “Proposal “ERP upgrade” funded”.
    return [{ kind, lineId, versionId: null, period: null, subject, before: text(change.before?.reason), after: text(change.after?.reason) }];
  }
  if (change.table === 'proposal_prerequisites') {
    // A prerequisite added reads “depends on: (none) → “ERP upgrade””; removed, the other way round.
    const named = (stored: StoredRow | null) => (stored === null ? null : names.proposal(Number(stored.prerequisite_id)));
    return [{ kind, lineId, versionId: null, period: null, subject, before: named(change.before), after: named(change.after) }];
  }
  if (change.table === 'proposal_flows' || change.table === 'proposal_scores') {
    const column = change.table === 'proposal_flows' ? 'amount' : 'score';
    return [{ kind, lineId, versionId: null, period: null, subject, before: text(change.before?.[column]), after: text(change.after?.[column]) }];
  }
  if (change.before === null || change.after === null) {
    return [{ kind, lineId, versionId: null, period: null, subject, before: change.before === null ? null : 'present', after: change.after === null ? 'deleted' : 'added' }];
  }
  const before: StoredRow = change.before;
  const after: StoredRow = change.after;
  return Object.keys(after)
    .filter((column) => before[column] !== after[column])
    .map((column) => ({ kind, lineId, versionId: null, period: null, subject: `${subject}: ${COLUMN_WORDS[column] ?? column.replace(/_/g, ' ')}`, before: shownColumn(column, before[column], names), after: shownColumn(column, after[column], names) }));
}

const COLUMN_WORDS: Readonly<Record<string, string>> = { goal_id: 'goal', depends_on: 'depends on', funding: 'where funding goes' };

/** A column's value as the trail shows it: a goal or a prerequisite by its name, not its number. */
function shownColumn(column: string, value: StoredRow[string] | undefined, names: Names): string | null {
  if (value === null || value === undefined) return null;
  if (column === 'goal_id') return names.goal(Number(value));
  if (column === 'depends_on') return names.proposal(Number(value));
  if (column === 'funding') return names.placement(String(value));
  return text(value);
}

/** The names a rows step's own rows give (a goal, KPI, proposal or criterion deleted by the step is no longer in the file), then the file's. */
function withStepNames(names: Names, changes: readonly RowChange[]): Names {
  const own = (table: 'goals' | 'kpis' | 'proposals' | 'criteria', column: 'name' | 'title') => {
    const found = new Map<number, string>();
    for (const change of changes) {
      const row = change.table === table ? (change.after ?? change.before) : null;
      const name = row?.[column];
      if (row !== null && typeof name === 'string') found.set(Number(row.id), name);
    }
    return found;
  };
  const goals = own('goals', 'name');
  const kpis = own('kpis', 'name');
  const proposals = own('proposals', 'title');
  const criteria = own('criteria', 'name');
  // A line the step deleted (a funding taken back) keeps its name for its cells' records.
  const lines = new Map<number, string>();
  for (const change of changes) {
    const row = change.table === 'budget_lines' ? (change.before ?? change.after) : null;
    if (row !== null && typeof row.description === 'string') lines.set(Number(row.id), `${row.description} (${names.department(Number(row.department_id))})`);
  }
  if (goals.size === 0 && kpis.size === 0 && proposals.size === 0 && criteria.size === 0 && lines.size === 0) return names;
  return {
    ...names,
    line: (lineId) => lines.get(lineId) ?? names.line(lineId),
    goal: (id) => goals.get(id) ?? names.goal(id),
    kpi: (id) => kpis.get(id) ?? names.kpi(id),
    proposal: (id) => proposals.get(id) ?? names.proposal(id),
    criterion: (id) => criteria.get(id) ?? names.criterion(id),
  };
}

/** How the trail writes a cash flow's kind and a decision. */
const FLOW_WORDS: Readonly<Record<string, string>> = { capex: 'capital cost', opex: 'operating cost', benefit: 'benefit' };
const DECISION_WORDS: Readonly<Record<string, string>> = { funded: 'funded', deferred: 'deferred', rejected: 'rejected', proposed: 'reopened' };

function subjectOfRow(table: RowChange['table'], row: StoredRow, names: Names): string {
  switch (table) {
    case 'goals':
      return `goal “${typeof row.name === 'string' ? row.name : names.goal(Number(row.id))}”`;
    case 'kpis':
      return `KPI “${typeof row.name === 'string' ? row.name : names.kpi(Number(row.id))}”`;
    case 'proposals':
      return `proposal “${typeof row.title === 'string' ? row.title : names.proposal(Number(row.id))}”`;
    case 'proposal_flows':
      return `proposal “${names.proposal(Number(row.proposal_id))}”: ${FLOW_WORDS[String(row.kind)] ?? String(row.kind)}, year ${Number(row.year) + 1}`;
    case 'proposal_prerequisites':
      return `proposal “${names.proposal(Number(row.proposal_id))}”: depends on`;
    case 'proposal_scores':
      return `proposal “${names.proposal(Number(row.proposal_id))}”: score on “${names.criterion(Number(row.criterion_id))}”`;
    case 'criteria':
      return `criterion “${String(row.name)}”`;
    case 'decisions':
      return `Proposal “${names.proposal(Number(row.proposal_id))}” ${DECISION_WORDS[String(row.decision)] ?? String(row.decision)}`;
    case 'session_snapshots':
      return `snapshot “${String(row.name)}”`;
    case 'workbook_settings':
      return `setting ${String(row.key)}`;
    case 'budget_lines':
      return typeof row.description === 'string' ? `line “${row.description}”` : `line “${names.line(Number(row.id))}”`;
    case 'versions':
      return `version “${displayedVersionName(String(row.name))}”`;
    case 'variance_comments':
      return `variance comment on ${String(row.row_key)}, ${String(row.span)}`;
    default:
      return table;
  }
}

/**
 * What a step changed, one record per cell, formula, name or row, as seen in `direction`
 * (an undo records the step backward: before and after swap). Runs after the step was
 * written, inside its transaction, so names are read as they are now.
 */
export function auditChangesOf(db: Database.Database, step: EditStep, direction: Direction): AuditChange[] {
  return changesOf(step, direction, namesOf(db));
}

/**
 * Writes the audit rows of what a step changed (see auditChangesOf). A step of cells (a paste, a
 * fill, an import) is written straight from its cells, without an audit change per cell.
 */
export function writeStepAudit(db: Database.Database, auditId: number, step: EditStep, direction: Direction): void {
  if (step.kind !== 'cells') return writeAuditChanges(db, auditId, auditChangesOf(db, step, direction));
  const names = namesOf(db);
  writeCellAuditRows(db, auditId, step.changes, direction === 'forward', (lineId) => names.line(lineId));
}

function changesOf(step: EditStep, direction: Direction, names: Names): AuditChange[] {
  const forward = direction === 'forward';
  const pair = <T>(before: T, after: T): [T, T] => (forward ? [before, after] : [after, before]);
  switch (step.kind) {
    case 'cells':
      return step.changes.map((change) => {
        const [before, after] = pair(change.before, change.after);
        return { kind: 'value', lineId: change.lineId, versionId: change.versionId, period: change.period, subject: names.line(change.lineId), before, after };
      });
    case 'formula': {
      const [before, after] = pair(step.before, step.after);
      return [{ kind: 'formula', lineId: step.lineId, versionId: step.versionId ?? null, period: null, subject: names.line(step.lineId), before, after }];
    }
    case 'comment': {
      const present = forward === step.added;
      return [
        {
          kind: 'comment',
          lineId: step.comment.lineId,
          versionId: step.comment.versionId,
          period: step.comment.period,
          subject: names.line(step.comment.lineId),
          before: present ? null : step.comment.text,
          after: present ? step.comment.text : null,
        },
      ];
    }
    case 'rename-line': {
      const [before, after] = pair(step.before, step.after);
      return [
        { kind: 'structure', lineId: step.lineId, versionId: null, period: null, subject: `${names.line(step.lineId)}: name`, before, after },
        ...step.formulas.map((formula): AuditChange => {
          const [formulaBefore, formulaAfter] = pair(formula.before, formula.after);
          return { kind: 'formula', lineId: formula.lineId, versionId: formula.versionId ?? null, period: null, subject: names.line(formula.lineId), before: formulaBefore, after: formulaAfter };
        }),
      ];
    }
    case 'dimension': {
      const [before, after] = pair(step.before, step.after);
      const what = step.table === 'departments' ? 'department' : 'account';
      const name = (dimension: typeof before) => (dimension === null ? null : `${dimension.code === undefined ? '' : `${dimension.code} `}${dimension.name}`);
      return [{ kind: 'structure', lineId: null, versionId: null, period: null, subject: what, before: name(before), after: name(after) }];
    }
    case 'relocate-line': {
      const [before, after] = pair(step.before, step.after);
      const place = (where: typeof before) => `${names.department(where.departmentId)}, ${names.account(where.accountId)}`;
      return [{ kind: 'structure', lineId: step.lineId, versionId: null, period: null, subject: `${names.line(step.lineId)}: place`, before: place(before), after: place(after) }];
    }
    case 'profile': {
      const present = forward === step.added;
      return [{ kind: 'setting', lineId: null, versionId: null, period: null, subject: `seasonality profile “${step.profile.name}”`, before: present ? null : step.profile.weights, after: present ? step.profile.weights : null }];
    }
    case 'rows': {
      const changes = forward ? step.changes : [...step.changes].reverse();
      const named = withStepNames(names, step.changes);
      return changes.flatMap((change) => rowChanges(forward ? change : { table: change.table, before: change.after, after: change.before }, named));
    }
    case 'compound': {
      const steps = forward ? step.steps : [...step.steps].reverse();
      return steps.flatMap((inner) => changesOf(inner, direction, names));
    }
    case 'swap-lines': {
      // A swap is its own inverse: the file says where the line is now, and it was on the other side.
      const now = names.above(step.lineId, step.otherId) ? 'above' : 'below';
      const was = now === 'above' ? 'below' : 'above';
      return [{ kind: 'structure', lineId: step.lineId, versionId: null, period: null, subject: `${names.line(step.lineId)}: order`, before: `${was} ${names.line(step.otherId)}`, after: `${now} ${names.line(step.otherId)}` }];
    }
    case 'add-line':
    case 'delete-line': {
      const present = forward === (step.kind === 'add-line');
      const line = step.line;
      const subject = `${line.description} (${names.department(line.departmentId)})`;
      const values = step.kind === 'delete-line' ? step.values : [];
      return [
        { kind: 'structure', lineId: line.id, versionId: null, period: null, subject, before: present ? null : names.account(line.accountId), after: present ? names.account(line.accountId) : null },
        ...values.map((value): AuditChange => ({ kind: 'value', lineId: line.id, versionId: value.versionId, period: value.period, subject, before: present ? null : value.amount, after: present ? value.amount : null })),
      ];
    }
  }
}
