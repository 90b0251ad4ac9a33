/**
 * `npm run soak`: starts the back as a user's app does (`dist/back/start.js --browser`), drives a
 * stream of edits, pastes, imports, undo and exports through the HTTP API, SIGKILLs it at a
 * random moment, restarts it, and checks that every acknowledged write is in the workbook and
 * that SQLite's `integrity_check` passes. Prints kills, acknowledged writes, lost, corrupt and
 * partial destinations. Not part of `npm test`.
 *   --kills N     how many kills (default 1000)
 *   --seed S      the random seed (default: the time); the same seed drives the same calls
 *   --max-run MS  the longest a back runs before its kill (default 1500)
 * SIGTERM or Ctrl-C stops it after the current kill, with the figures so far.
 */
import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellEdit } from '../../shared/domain/cell-edit';
import type { SheetModel } from '../../shared/domain/workbook';
import type { ImportInspectionAnswer } from '../../shared/api/import-api';
import type { HistoryReceipt } from '../../shared/api/sheet-api';
import { presetUserName } from '../e2e/support/browser-host';
import { partialDestinations, seededRandom, startBack, temporaryFilesIn, type CallOutcome, type SoakBack } from './soak-support';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number, not “${args[index + 1] ?? ''}”.`);
  return value;
};
const KILLS = option('--kills', 1000);
const SEED = option('--seed', Date.now() % 2 ** 31);
const MAX_RUN_MS = option('--max-run', 1500);
// The back as `npm start` runs it, bundled beside the soak so a rebuild of dist/back meanwhile does not change it.
const START_SCRIPT = join(__dirname, 'back', 'start.js');

type Cell = string;
const cellKey = (lineId: number, period: number): Cell => `${lineId}:${period}`;
const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === null || (b ?? null) === null ? (a ?? null) === (b ?? null) : new Decimal(a as string).eq(b as string);

/** A write the soak made: the cells it set, with their values before and after (undo takes it back). */
interface Step {
  label: string;
  cells: { lineId: number; period: number; before: string | null; after: string | null }[];
}

/** The write in flight when the back was killed: it may have landed or not, but nothing else. */
type Pending = { kind: 'write'; step: Step } | { kind: 'undo' } | null;

const byKind: Record<string, number> = { Edit: 0, Paste: 0, Import: 0, Undo: 0 };
const figures = { kills: 0, calls: 0, acknowledged: 0, refused: 0, cutOff: 0, lost: 0, corrupt: 0, partial: 0, temporaryLeft: 0, landedUnacknowledged: 0, undoReloads: 0, historyResyncs: 0, exports: 0 };
const random = seededRandom(SEED);
/** The back's reasons for refusals, first few: a soak that is mostly refused proves little. */
function refused(method: string, message: string): void {
  figures.refused += 1;
  if (figures.refused <= 5) console.log(`  refused ${method}: ${message}`);
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
/** A value such as a user types: amounts up to 200,000 on money lines, small counts and rates on driver lines (so formulas stay within Excel's digits). */
function amount(lineId: number): string {
  const unit = units.get(lineId) ?? 'currency';
  const [scale, offset] = unit === 'currency' ? [220_000, 20_000] : unit === 'number' ? [50, 0] : [1, 0];
  const cents = Math.floor(random() * 100);
  const whole = Math.floor(random() * scale) - offset;
  if (unit === 'percent') return cents === 0 ? '0' : `0.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
  return cents === 0 || cents % 10 === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
}
/** Each input line's unit (currency, number, percent), from its account. */
const units = new Map<number, string>();

/** What the workbook must hold: every cell the soak knows, as the last acknowledged write left it. */
const expected = new Map<Cell, string | null>();
const undoStack: Step[] = [];
let model: SheetModel | null = null;
let inputLines: SheetModel['lines'] = [];
let csvRecords: number | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-soak-'));
const exportsFolder = () => join(dataDir, 'workbooks', 'Exports');
const recordCount = (path: string) => readFileSync(path, 'utf8').split('\r\n').length - 1;

function adopt(sheet: SheetModel): void {
  model = sheet;
  inputLines = sheet.lines.filter((line) => line.formula === null && (line.proposalId ?? null) === null);
  expected.clear();
  const accounts = new Map(sheet.accounts.map((account) => [account.id, account.unit]));
  for (const line of sheet.lines) units.set(line.id, accounts.get(line.accountId) ?? 'currency');
  for (const line of inputLines) line.values.forEach((value, period) => expected.set(cellKey(line.id, period), value));
}

/** A write's step: only the cells it changes, as the back records it (a write that changes nothing is no undo step). */
function stepOf(label: string, edits: CellEdit[]): Step {
  const cells = edits.map((edit) => ({ lineId: edit.lineId, period: edit.period, before: expected.get(cellKey(edit.lineId, edit.period)) ?? null, after: edit.value }));
  return { label, cells: cells.filter((cell) => cell.before !== cell.after) };
}
const apply = (step: Step, direction: 'forward' | 'back') => step.cells.forEach((cell) => expected.set(cellKey(cell.lineId, cell.period), direction === 'forward' ? cell.after : cell.before));

function randomEdits(count: number): CellEdit[] {
  const periods = model?.periods.length ?? 12;
  const line = pick(inputLines);
  const start = Math.floor(random() * periods);
  const edits = new Map<Cell, CellEdit>();
  for (let index = 0; index < count; index += 1) {
    const target = index === 0 ? line : random() < 0.5 ? line : pick(inputLines);
    const period = (start + index) % periods;
    edits.set(cellKey(target.id, period), { lineId: target.id, period, value: random() < 0.1 ? null : amount(target.id) });
  }
  return [...edits.values()];
}

/** An import file of a few lines' months in the export's long layout (names, then period and amount). */
function importFile(): { text: string; edits: CellEdit[] } {
  const sheet = model as SheetModel;
  const departments = new Map(sheet.departments.map((department) => [department.id, department.name]));
  const accounts = new Map(sheet.accounts.map((account) => [account.id, account]));
  const edits: CellEdit[] = [];
  const records = ['Department,Account code,Account,Line,Period,Amount'];
  const chosen = new Set<(typeof inputLines)[number]>();
  for (let index = 0; index < 3; index += 1) chosen.add(pick(inputLines));
  for (const line of chosen) {
    const account = accounts.get(line.accountId);
    sheet.periods.forEach((period, index) => {
      if (random() < 0.5) return;
      const value = amount(line.id);
      edits.push({ lineId: line.id, period: index, value });
      records.push([departments.get(line.departmentId) ?? '', account?.code ?? '', account?.name ?? '', line.description, period.key, value].map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(','));
    });
  }
  return { text: `${records.join('\r\n')}\r\n`, edits };
}

/** Whether the cells an undo answered are exactly the step's cells back as they were. */
function undoes(step: Step, cells: readonly CellEdit[]): boolean {
  const answered = new Map(cells.map((cell) => [cellKey(cell.lineId, cell.period), cell.value]));
  return answered.size === step.cells.length && step.cells.every((cell) => answered.has(cellKey(cell.lineId, cell.period)) && same(answered.get(cellKey(cell.lineId, cell.period)), cell.before));
}

/** One call of the stream; a write's step is pending until the back acknowledges it. */
async function oneCall(back: SoakBack, setPending: (pending: Pending) => void): Promise<boolean> {
  const versionId = (model as SheetModel).version.id;
  const roll = random();
  const write = async (step: Step, call: () => Promise<CallOutcome<unknown>>): Promise<boolean> => {
    setPending({ kind: 'write', step });
    figures.calls += 1;
    const outcome = await call();
    if (outcome.kind === 'cut-off') return false;
    setPending(null);
    if (!outcome.response.ok) {
      refused(step.label, outcome.response.error.message);
      return true;
    }
    figures.acknowledged += 1;
    byKind[step.label] = (byKind[step.label] ?? 0) + 1;
    apply(step, 'forward');
    if (step.cells.length > 0) undoStack.push(step);
    return true;
  };
  if (roll < 0.4) {
    const edits = randomEdits(1);
    return write(stepOf('Edit', edits), () => back.call('sheet/set-cells', { versionId, edits, label: 'Edit' }));
  }
  if (roll < 0.6) {
    const edits = randomEdits(5 + Math.floor(random() * 60));
    return write(stepOf('Paste', edits), () => back.call('sheet/set-cells', { versionId, edits, label: 'Paste' }));
  }
  if (roll < 0.7) {
    const file = importFile();
    if (file.edits.length === 0) return true;
    const target = { kind: 'version', versionId };
    figures.calls += 1;
    const inspected = await back.call<ImportInspectionAnswer>('import/inspect', { source: { name: 'soak.csv', base64: Buffer.from(file.text).toString('base64') }, target });
    if (inspected.kind === 'cut-off') return false;
    if (!inspected.response.ok) throw new Error(`The soak's import file was refused: ${inspected.response.error.message}`);
    const mapping = { columns: inspected.response.value.suggested, decimalSeparator: '.' };
    return write(stepOf('Import', file.edits), () => back.call('import/commit', { token: inspected.response.ok ? inspected.response.value.token : '', mapping, target }));
  }
  if (roll < 0.85) {
    setPending({ kind: 'undo' });
    figures.calls += 1;
    const outcome = await back.call<HistoryReceipt>('sheet/undo', { versionId });
    if (outcome.kind === 'cut-off') return false;
    setPending(null);
    if (!outcome.response.ok) {
      refused('undo', outcome.response.error.message);
      return true;
    }
    figures.acknowledged += 1;
    byKind.Undo = (byKind.Undo ?? 0) + 1;
    const step = undoStack.pop();
    const cells = outcome.response.value.cells;
    if (step !== undefined && cells !== null && undoes(step, cells)) apply(step, 'back');
    else if (cells !== null) {
      // The back undid another step than the soak's model expected: take what it says it did, and start the model's history afresh.
      figures.historyResyncs += 1;
      cells.forEach((cell) => expected.set(cellKey(cell.lineId, cell.period), cell.value));
      undoStack.length = 0;
    } else {
      // Not a step of the soak's, or no cells listed: take the sheet as it now is.
      figures.undoReloads += 1;
      const sheet = await back.call<SheetModel>('sheet/get-sheet', { versionId });
      if (sheet.kind === 'cut-off') return false;
      if (sheet.response.ok) adopt(sheet.response.value);
    }
    return true;
  }
  const format = random() < 0.5 ? 'csv' : 'xlsx';
  figures.calls += 1;
  const outcome = await back.call(`export/${format}`, format === 'csv' ? { versionId, fileName: 'soak.csv', byteOrderMark: false } : { versionId, fileName: 'soak.xlsx' });
  if (outcome.kind === 'cut-off') return false;
  if (!outcome.response.ok) refused(`export ${format}`, outcome.response.error.message);
  else {
    figures.exports += 1;
    // A whole CSV of the version has as many records as this one: a later cut-off one would have fewer.
    if (format === 'csv' && csvRecords === null) csvRecords = recordCount(join(exportsFolder(), 'soak.csv'));
  }
  return true;
}

/** Opens the workbook file after a kill, as SQLite sees it: `integrity_check` must say ok. */
function integrityOf(path: string): string {
  const db = new Database(path);
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** After a restart: every acknowledged cell must be there; the one write in flight may have landed or not. */
function check(sheet: SheetModel, pending: Pending): void {
  const actual = new Map<Cell, string | null>();
  for (const line of sheet.lines) line.values.forEach((value, period) => actual.set(cellKey(line.id, period), value));
  const matches = (cells: Map<Cell, string | null>) => [...cells].every(([key, value]) => same(actual.get(key), value));
  if (pending?.kind === 'write' && !matches(expected)) {
    const landed = new Map(expected);
    pending.step.cells.forEach((cell) => landed.set(cellKey(cell.lineId, cell.period), cell.after));
    if (matches(landed)) {
      figures.landedUnacknowledged += 1;
      apply(pending.step, 'forward');
      undoStack.push(pending.step);
    }
  } else if (pending?.kind === 'undo' && !matches(expected) && undoStack.length > 0) {
    const top = undoStack[undoStack.length - 1] as Step;
    const undone = new Map(expected);
    top.cells.forEach((cell) => undone.set(cellKey(cell.lineId, cell.period), cell.before));
    if (matches(undone)) {
      figures.landedUnacknowledged += 1;
      apply(top, 'back');
      undoStack.pop();
    }
  }
  const missing = [...expected].filter(([key, value]) => !same(actual.get(key), value));
  if (missing.length > 0) {
    figures.lost += missing.length;
    console.log(`  kill ${figures.kills} (in flight: ${pending === null ? 'nothing' : pending.kind === 'undo' ? 'an undo' : `a ${pending.step.label.toLowerCase()}`}): ${missing.length} acknowledged cell(s) not in the workbook, e.g. ${missing.slice(0, 3).map(([key, value]) => `${key} = ${value ?? 'empty'} (found ${actual.get(key) ?? 'empty'})`).join(', ')}`);
    // Go on from what is there, so one loss is counted once.
    adopt(sheet);
    undoStack.length = 0;
  }
}

async function main(): Promise<void> {
  presetUserName(dataDir, 'Soak Tester');
  console.log(`Soak: ${KILLS} kills, seed ${SEED}, at most ${MAX_RUN_MS} ms per run, data in ${dataDir}`);
  const started = Date.now();
  let pending: Pending = null;
  let workbookPath = '';
  const leftovers = new Set<string>();
  try {
    // SIGTERM or Ctrl-C: stop after the current kill and print the figures so far.
    let stopping = false;
    const stop = () => {
      stopping = true;
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    while (figures.kills < KILLS && !stopping) {
      const back = await startBack(START_SCRIPT, dataDir);
      const session = await back.call<{ current: { path: string } | null }>('workbook/get-session', {});
      if (session.kind === 'cut-off' || !session.response.ok || session.response.value.current === null) {
        figures.corrupt += 1;
        throw new Error(`After kill ${figures.kills} the back did not reopen the workbook: ${JSON.stringify(session)}`);
      }
      workbookPath = session.response.value.current.path;
      const versions = await back.call<{ versions: { id: number; kind?: string }[] }>('version/list', {});
      const versionId = model?.version.id ?? (versions.kind === 'answered' && versions.response.ok ? versions.response.value.versions[0]?.id : undefined);
      const sheet = await back.call<SheetModel>('sheet/get-sheet', { versionId });
      if (sheet.kind === 'cut-off' || !sheet.response.ok) throw new Error(`The sheet could not be read after kill ${figures.kills}: ${JSON.stringify(sheet)}`);
      if (model === null) adopt(sheet.response.value);
      else check(sheet.response.value, pending);
      pending = null;
      // A kill during an export leaves its temporary file; start-up must remove it. Each one counts once.
      temporaryFilesIn(exportsFolder()).forEach((name) => leftovers.add(name));
      figures.temporaryLeft = leftovers.size;

      // Run calls until a random moment, then kill the back wherever it is.
      const runFor = Math.floor(random() * MAX_RUN_MS);
      let killed = false;
      const killing = new Promise<void>((resolve) => {
        setTimeout(() => {
          killed = true;
          void back.kill().then(resolve);
        }, runFor);
      });
      while (!killed) {
        if (!(await oneCall(back, (next) => (pending = next)))) break;
      }
      await killing;
      figures.kills += 1;

      const integrity = integrityOf(workbookPath);
      if (integrity !== 'ok') {
        figures.corrupt += 1;
        console.log(`  kill ${figures.kills}: integrity_check says ${integrity}`);
      }
      const partial = partialDestinations(exportsFolder(), csvRecords);
      figures.partial += partial.length;
      partial.forEach((reason) => console.log(`  kill ${figures.kills}: partial destination ${reason}`));
      if (figures.kills % 50 === 0) console.log(`  ${figures.kills} kills, ${figures.acknowledged} acknowledged writes, ${figures.lost} lost, ${figures.corrupt} corrupt, ${figures.partial} partial (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  } finally {
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log('');
    console.log(`kills                          ${figures.kills}`);
    console.log(`calls made                     ${figures.calls} (${figures.exports} exports finished, ${figures.refused} refused by the back, ${figures.undoReloads} undo answers without cells, ${figures.historyResyncs} undo steps other than the model's)`);
    console.log(`acknowledged writes            ${figures.acknowledged} (${Object.entries(byKind).map(([kind, count]) => `${kind.toLowerCase()} ${count}`).join(', ')})`);
    console.log(`unacknowledged writes landed   ${figures.landedUnacknowledged} (in flight at the kill; allowed)`);
    console.log(`lost (acknowledged cells)      ${figures.lost}`);
    console.log(`corrupt (integrity_check)      ${figures.corrupt}`);
    console.log(`partial destinations           ${figures.partial}`);
    console.log(`temporary files left at start  ${figures.temporaryLeft} (export temporaries that a restart did not remove)`);
    console.log(`seed ${SEED}, ${seconds} s`);
    if (process.env.SOAK_KEEP === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
  if (figures.lost > 0 || figures.corrupt > 0 || figures.partial > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`Soak stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
