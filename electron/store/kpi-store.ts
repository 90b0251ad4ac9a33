import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import type { FormulaNode } from '../../shared/formula/ast';
import { printFormula } from '../../shared/formula/print-formula';
import type { Kpi, KpiBook, KpiInput, KpiTarget, KpiThresholds, TargetSpan } from '../../shared/domain/kpi';
import { checkKpiDefinition, namesIn, parseKpiDefinition, type KpiCatalog } from '../../shared/kpi/kpi-language';
import { thresholdsProblem } from '../../shared/kpi/kpi-status';
import { Decimal } from '../../shared/money/decimal';
import { writeRow, type RowChange, type StoredRow } from './edit-steps';
import { GoalStore } from './goal-store';
import type { WorkbookStore } from './workbook-store';

/** Everything that describes a KPI, as kpi/create and kpi/update give it. */
export type KpiFields = Omit<Kpi, 'id' | 'sortOrder'>;

interface KpiRow {
  id: number;
  name: string;
  description: string;
  definition: string | null;
  unit: Kpi['unit'];
  direction: Kpi['direction'];
  department_id: number | null;
  goal_id: number | null;
  thresholds: string;
  targets: string;
  sort_order: number;
}

/** A percentage threshold above this is a typing slip, not a tolerance. */
const MAX_PERCENT_THRESHOLD = new Decimal(1000);

/** A decimal's canonical text: no exponent, no trailing zeros, no negative zero. */
function canonical(text: string): string {
  const value = new Decimal(text);
  return value.isZero() ? '0' : value.toFixed();
}

function kpiOf(row: KpiRow): Kpi {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    definition: row.definition,
    unit: row.unit,
    direction: row.direction,
    departmentId: row.department_id,
    goalId: row.goal_id,
    thresholds: JSON.parse(row.thresholds) as KpiThresholds,
    targets: JSON.parse(row.targets) as KpiTarget[],
    sortOrder: row.sort_order,
  };
}

/** Whether a definition uses the KPI of that name through kpi(…). */
function usesKpi(definition: string, name: string): boolean {
  const parsed = parseKpiDefinition(definition);
  return parsed.ok && namesIn(parsed.ast).some((used) => used.kind === 'kpi' && used.name.trim().toLowerCase() === name.trim().toLowerCase());
}

/** The functions whose first argument names something other than a line (a name in brackets alone is a line). */
const NAMING_CALLS: Record<string, 'account' | 'department' | 'kpi' | 'funded'> = { account: 'account', dept: 'department', kpi: 'kpi', funded: 'funded' };

/**
 * A definition with every mention of the line, KPI, department or account `from` naming `to`
 * instead (names compare without case); null when it mentions none, or does not parse.
 */
export function renameInDefinition(definition: string, kind: 'line' | 'kpi' | 'department' | 'account', from: string, to: string): string | null {
  const parsed = parseKpiDefinition(definition);
  if (!parsed.ok) return null;
  const wanted = from.trim().toLowerCase();
  let changed = false;
  const named = (node: FormulaNode): FormulaNode => {
    if (node.kind !== 'reference' || node.name.trim().toLowerCase() !== wanted) return node;
    changed = true;
    return { kind: 'reference', name: to };
  };
  const rename = (node: FormulaNode): FormulaNode => {
    switch (node.kind) {
      case 'number':
        return node;
      case 'reference':
        return kind === 'line' ? named(node) : node;
      case 'percent':
      case 'negate':
        return { ...node, operand: rename(node.operand) };
      case 'binary':
      case 'compare':
        return { ...node, left: rename(node.left), right: rename(node.right) } as FormulaNode;
      case 'call': {
        const naming = NAMING_CALLS[node.name];
        if (naming === undefined) return { ...node, args: node.args.map(rename) };
        const [first, ...rest] = node.args;
        const target = first === undefined ? [] : [naming === kind ? named(first) : first];
        return { ...node, args: [...target, ...rest.map(rename)] };
      }
    }
  };
  const renamed = rename(parsed.ast);
  return changed ? printFormula(renamed) : null;
}

/** The KPIs whose definitions name the renamed line, KPI, department or account, with their definitions following the new name (rows for an undo step). */
export function followRename(db: Database.Database, kind: 'line' | 'kpi' | 'department' | 'account', from: string, to: string, exceptKpiId: number | null = null): { id: number; definition: string; change: RowChange }[] {
  return db
    .prepare<[number], { id: number; definition: string }>('SELECT id, definition FROM kpis WHERE id <> ? AND definition IS NOT NULL ORDER BY id')
    .all(exceptKpiId ?? 0)
    .flatMap((other) => {
      const definition = renameInDefinition(other.definition, kind, from, to);
      if (definition === null) return [];
      return [{ id: other.id, definition, change: { table: 'kpis' as const, before: { id: other.id, definition: other.definition }, after: { id: other.id, definition } } }];
    });
}

/**
 * KPIs with their definitions, targets and thresholds, and the values people enter for input
 * KPIs: written through the workbook's one commit path, each change one undo step. KPIs are
 * measures, not the budget: an approved version does not lock them.
 */
export class KpiStore {
  constructor(private readonly workbook: WorkbookStore) {}

  private get db(): Database.Database {
    return this.workbook.database;
  }

  /** The KPIs in their order, the entered values of input KPIs, and the goals. */
  book(): KpiBook {
    const kpis = this.db.prepare<[], KpiRow>('SELECT * FROM kpis ORDER BY sort_order, id').all().map(kpiOf);
    const inputs = this.db
      .prepare<[], KpiInput>(
        'SELECT i.kpi_id AS kpiId, i.period, i.value, i.entered_by AS enteredBy, i.entered_at AS enteredAt FROM kpi_inputs i JOIN kpis k ON k.id = i.kpi_id WHERE k.definition IS NULL ORDER BY k.sort_order, i.kpi_id, i.period',
      )
      .all();
    return { kpis, inputs, goals: new GoalStore(this.workbook).goals() };
  }

  requireKpi(kpiId: number): Kpi {
    const row = this.db.prepare<[number], KpiRow>('SELECT * FROM kpis WHERE id = ?').get(kpiId);
    if (row === undefined) throw new ApiError('not-found', `KPI ${kpiId} does not exist in this workbook (it may have been deleted).`, 'kpiId');
    return kpiOf(row);
  }

  create(fields: KpiFields, actor: string): WriteReceipt & { kpi: Kpi } {
    return this.workbook.change('kpi/create', actor, () => {
      const checked = this.checked(fields, null);
      const sortOrder = this.db.prepare<[], number>('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM kpis').pluck().get() as number;
      const after: StoredRow = { ...this.columnsOf(checked), sort_order: sortOrder };
      const id = Number(
        this.db
          .prepare('INSERT INTO kpis (name, description, definition, unit, direction, department_id, goal_id, thresholds, targets, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(after.name, after.description, after.definition, after.unit, after.direction, after.department_id, after.goal_id, after.thresholds, after.targets, sortOrder).lastInsertRowid,
      );
      return { step: { kind: 'rows', changes: [{ table: 'kpis', before: null, after: this.stored(id) }] }, label: `add KPI “${checked.name}”`, detail: { id, ...checked }, result: { kpi: this.requireKpi(id) } };
    });
  }

  /** Changes a KPI; a new name is followed by the other KPIs' definitions that use it, in the same undo step. */
  update(kpiId: number, fields: KpiFields, actor: string): WriteReceipt & { kpi: Kpi } {
    return this.workbook.change('kpi/update', actor, () => {
      const kpi = this.requireKpi(kpiId);
      const renamed = kpi.name !== fields.name.trim();
      const followers = renamed ? followRename(this.db, 'kpi', kpi.name, fields.name.trim(), kpiId) : [];
      const checked = this.checked(fields, kpiId, followers);
      const before = this.stored(kpiId);
      const after = { ...before, ...this.columnsOf(checked) };
      const changes: RowChange[] = [];
      if (Object.keys(after).some((column) => after[column] !== before[column])) changes.push({ table: 'kpis', before, after });
      changes.push(...followers.map((follower) => follower.change));
      for (const change of changes) writeRow(this.db, change.table, change.before, change.after);
      const label = renamed ? `rename KPI “${kpi.name}” to “${checked.name}”` : `change KPI “${kpi.name}”`;
      return { step: changes.length === 0 ? null : { kind: 'rows', changes }, label, detail: { kpiId, ...checked }, result: { kpi: this.requireKpi(kpiId) } };
    });
  }

  /** Deletes a KPI with its entered values (undo brings both back); one that other KPIs use is refused. */
  delete(kpiId: number, actor: string): WriteReceipt {
    return this.workbook.change('kpi/delete', actor, () => {
      const kpi = this.requireKpi(kpiId);
      const users = this.db
        .prepare<[number], { name: string; definition: string }>('SELECT name, definition FROM kpis WHERE id <> ? AND definition IS NOT NULL ORDER BY sort_order, id')
        .all(kpiId)
        .filter((other) => usesKpi(other.definition, kpi.name))
        .map((other) => `“${other.name}”`);
      if (users.length > 0) {
        throw new ApiError('invalid-input', `KPI “${kpi.name}” is used by ${users.join(', ')}: change ${users.length === 1 ? 'that definition' : 'those definitions'} first.`, 'kpiId');
      }
      // The entered values go first, so undo (in reverse) brings the KPI back before them.
      const changes: RowChange[] = this.db
        .prepare<[number], StoredRow>('SELECT * FROM kpi_inputs WHERE kpi_id = ? ORDER BY period')
        .all(kpiId)
        .map((row) => ({ table: 'kpi_inputs', before: row, after: null }));
      changes.push({ table: 'kpis', before: this.stored(kpiId), after: null });
      for (const change of changes) writeRow(this.db, change.table, change.before, change.after);
      return { step: { kind: 'rows', changes }, label: `delete KPI “${kpi.name}”`, detail: { kpiId, name: kpi.name, inputs: changes.length - 1 }, result: {} };
    });
  }

  /** An input KPI's value for a month (null clears it), recorded with who entered it and when. */
  enterValue(kpiId: number, period: number, value: string | null, actor: string): WriteReceipt & { input: KpiInput | null } {
    return this.workbook.change('kpi/enter-value', actor, () => {
      const kpi = this.requireKpi(kpiId);
      if (kpi.definition !== null) {
        throw new ApiError('invalid-input', `KPI “${kpi.name}” is computed from its definition; only input KPIs take entered values.`, 'kpiId');
      }
      const periods = this.workbook.sheetPeriods();
      const month = periods[period];
      if (month === undefined) {
        throw new ApiError('invalid-input', `KPI “${kpi.name}”: month ${period + 1} is outside this workbook's calendar (${periods.length} months).`, 'period');
      }
      const before = this.db.prepare<[number, number], StoredRow>('SELECT * FROM kpi_inputs WHERE kpi_id = ? AND period = ?').get(kpiId, period) ?? null;
      const after: StoredRow | null = value === null ? null : { kpi_id: kpiId, period, value: canonical(value), entered_by: actor, entered_at: new Date().toISOString() };
      const label = `${after === null ? 'clear' : 'enter'} ${kpi.name} for ${month.label}`;
      const input = (row: StoredRow | null): KpiInput | null =>
        row === null ? null : { kpiId, period, value: String(row.value), enteredBy: String(row.entered_by), enteredAt: String(row.entered_at) };
      if ((before?.value ?? null) === (after?.value ?? null)) return { step: null, label, detail: { kpiId, period }, result: { input: input(before) } };
      writeRow(this.db, 'kpi_inputs', before, after);
      return { step: { kind: 'rows', changes: [{ table: 'kpi_inputs', before, after }] }, label, detail: { kpiId, period, value: after?.value ?? null }, result: { input: input(after) } };
    });
  }

  private stored(kpiId: number): StoredRow {
    const row = this.db.prepare<[number], StoredRow>('SELECT * FROM kpis WHERE id = ?').get(kpiId);
    if (row === undefined) throw new Error(`KPI ${kpiId} vanished inside its own transaction.`);
    return row;
  }

  private columnsOf(fields: KpiFields): StoredRow {
    return {
      name: fields.name,
      description: fields.description,
      definition: fields.definition,
      unit: fields.unit,
      direction: fields.direction,
      department_id: fields.departmentId,
      goal_id: fields.goalId,
      thresholds: JSON.stringify(fields.thresholds),
      targets: JSON.stringify(fields.targets),
    };
  }

  /**
   * The fields checked and made canonical, or a refusal that names the KPI: a unique name, an
   * owner and a goal that exist, a definition that parses, names what exists and does not loop,
   * thresholds that are sound, and targets inside the workbook's calendar, one per span.
   */
  private checked(fields: KpiFields, kpiId: number | null, followers: readonly { id: number; definition: string }[] = []): KpiFields {
    const name = fields.name.trim();
    const clash = this.db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM kpis WHERE name = ? COLLATE NOCASE').get(name);
    if (clash !== undefined && clash.id !== kpiId) throw new ApiError('already-exists', `There is already a KPI named “${clash.name}”. Choose another name.`, 'name');
    if (fields.departmentId !== null && this.db.prepare('SELECT 1 FROM departments WHERE id = ?').get(fields.departmentId) === undefined) {
      throw new ApiError('not-found', `KPI “${name}”: department ${fields.departmentId} does not exist in this workbook.`, 'departmentId');
    }
    if (fields.goalId !== null) new GoalStore(this.workbook).requireGoal(fields.goalId);
    const definition = fields.definition === null ? null : fields.definition.trim();
    if (definition !== null) {
      const problem = checkKpiDefinition(name, definition, this.catalog(kpiId, name, definition, followers));
      if (problem !== null) throw new ApiError('invalid-input', problem, 'definition');
    }
    return { ...fields, name, definition, thresholds: this.checkedThresholds(name, fields.thresholds), targets: this.checkedTargets(name, fields.targets) };
  }

  private checkedThresholds(name: string, thresholds: KpiThresholds): KpiThresholds {
    const problem = thresholdsProblem(name, thresholds);
    if (problem !== null) throw new ApiError('invalid-input', problem, 'thresholds');
    const offTrack = new Decimal(thresholds.offTrackBeyond);
    if (thresholds.kind === 'percent' && offTrack.greaterThan(MAX_PERCENT_THRESHOLD)) {
      throw new ApiError('invalid-input', `KPI “${name}”: a threshold as a percentage of the target is at most 1000%; ${offTrack.toFixed()}% is more.`, 'thresholds');
    }
    return { kind: thresholds.kind, onTrackWithin: canonical(thresholds.onTrackWithin), offTrackBeyond: canonical(thresholds.offTrackBeyond) };
  }

  private checkedTargets(name: string, targets: readonly KpiTarget[]): KpiTarget[] {
    const periods = this.workbook.sheetPeriods();
    const count: Record<TargetSpan, number> = { month: periods.length, quarter: periods.length / 3, year: periods.length / 12 };
    const describe = (target: KpiTarget) => (target.span === 'month' ? (periods[target.index]?.label ?? `month ${target.index + 1}`) : `${target.span} ${target.index + 1}`);
    const seen = new Set<string>();
    return targets.map((target, index) => {
      if (target.index >= count[target.span]) {
        const spans = Math.ceil(count[target.span]);
        throw new ApiError('invalid-input', `KPI “${name}”: a target for ${describe(target)} is outside this workbook's calendar, which has ${spans} ${target.span}${spans === 1 ? '' : 's'}.`, `targets.${index}.index`);
      }
      const key = `${target.span}:${target.index}`;
      if (seen.has(key)) throw new ApiError('invalid-input', `KPI “${name}” has two targets for ${describe(target)}: keep one.`, `targets.${index}`);
      seen.add(key);
      return { span: target.span, index: target.index, value: canonical(target.value) };
    });
  }

  /** What a definition may name, read from the file; the KPI being written has its new name and definition, renamed references followed. */
  private catalog(kpiId: number | null, name: string, definition: string, followers: readonly { id: number; definition: string }[]): KpiCatalog {
    const key = (text: string) => text.trim().toLowerCase();
    const lines = new Map<string, number>();
    for (const description of this.db.prepare<[], string>('SELECT description FROM budget_lines').pluck().all() as string[]) lines.set(key(description), (lines.get(key(description)) ?? 0) + 1);
    const accounts = new Set(this.db.prepare<[], { code: string; name: string }>('SELECT code, name FROM accounts').all().flatMap((account) => [key(account.code), key(account.name)]));
    const departments = new Set((this.db.prepare<[], string>('SELECT name FROM departments').pluck().all() as string[]).map(key));
    const followed = new Map(followers.map((follower) => [follower.id, follower.definition]));
    const definitions = new Map<string, string | null>();
    for (const other of this.db.prepare<[], { id: number; name: string; definition: string | null }>('SELECT id, name, definition FROM kpis').all()) {
      if (other.id !== kpiId) definitions.set(key(other.name), followed.get(other.id) ?? other.definition);
    }
    definitions.set(key(name), definition);
    return {
      linesNamed: (line) => lines.get(key(line)) ?? 0,
      hasAccount: (account) => accounts.has(key(account)),
      hasDepartment: (department) => departments.has(key(department)),
      kpiDefinition: (kpi) => definitions.get(key(kpi)),
    };
  }
}
