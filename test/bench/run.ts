/**
 * `npm run bench`: times the foundation's hot paths on a generated workbook of 10,000 lines
 * x 12 months and prints medians. No thresholds: the targets are in ../shared/DESIGN.md.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHandlerTable, dispatch, DOMAINS } from '../../electron/api/handler-table';
import { BackSession } from '../../electron/app/back-session';
import { sampleWorkbookSeed } from '../../electron/sample/sample-workbook';
import { WorkbookStore } from '../../electron/store/workbook-store';
import { buildSheetView, withCellValue, withCellValues } from '../../renderer/state/sheet-view';
import { planPaste } from '../../shared/clipboard/plan-paste';
import { parseTabularText } from '../../shared/clipboard/tabular-text';
import type { CellEdit } from '../../shared/domain/cell-edit';
import type { SheetModel } from '../../shared/domain/workbook';
import { computeSheetTotals } from '../../shared/engine/sheet-totals';

const LINES = Number(process.env.BENCH_LINES ?? 10_000);
const PERIODS = 12;

interface Row {
  measure: string;
  runs: number;
  median: number;
  p90: number;
  target: string;
}

function stats(samples: number[]): { median: number; p90: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p90: at(0.9) };
}

async function time(runs: number, body: (run: number) => unknown | Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await body(run);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const rows: Row[] = [];
  const record = (measure: string, samples: number[], target: string) => rows.push({ measure, runs: samples.length, ...stats(samples), target });
  try {
    const seed = sampleWorkbookSeed({ lineCount: LINES, calendar: { startYear: 2027, startMonth: 1, periodCount: PERIODS }, name: 'Bench' });
    const path = join(folder, 'bench.tandem');

    record(
      `create and fill the file (${LINES.toLocaleString('en-US')} x ${PERIODS})`,
      await time(5, (run) => {
        const target = run === 0 ? path : join(folder, `bench-${run}.tandem`);
        WorkbookStore.create(target, seed, 'bench').close();
      }),
      '-',
    );

    let model: SheetModel | undefined;
    record(
      'open the file and read the sheet model (back)',
      await time(10, () => {
        const store = WorkbookStore.open(path);
        model = store.sheet();
        store.close();
      }),
      'open < 1 s',
    );
    if (model === undefined) throw new Error('no model');
    const loaded = model;
    let json = '';
    record('carry the model across the transport (JSON both ways)', await time(10, () => JSON.parse((json = JSON.stringify(loaded))) as unknown), '-');
    record('build the grid model with all totals (renderer)', await time(10, () => buildSheetView(loaded)), '-');
    record('recompute all totals from scratch', await time(20, () => computeSheetTotals(loaded.lines, () => 'opex', PERIODS)), '-');

    let view = buildSheetView(loaded);
    const firstLine = loaded.lines[0]?.id ?? 1;
    const middleLine = loaded.lines[Math.floor(loaded.lines.length / 2)]?.id ?? 1;
    record(
      'one cell edit with its line and column totals (renderer)',
      await time(500, (run) => {
        view = withCellValue(view, middleLine, run % PERIODS, String(1000 + run));
      }),
      '< 16 ms',
    );

    // A 1,000 x 12 block as Excel puts it on the clipboard, pasted at the first line.
    const block = Array.from({ length: 1000 }, (_row, row) => Array.from({ length: PERIODS }, (_cell, period) => `${((row * 31 + period * 7) % 999) + 1},${String((row + period) % 1000).padStart(3, '0')}.25`).join('\t')).join('\r\n');
    const pasteTarget = { lines: view.rows.map((row) => row.line), periodLabels: view.model.periods.map((period) => period.label) };
    let pasted: CellEdit[] = [];
    record(
      'paste 1,000 x 12: parse, validate, show with totals (renderer)',
      await time(10, () => {
        const plan = planPaste(pasteTarget, { lineIndex: 0, period: 0 }, parseTabularText(block));
        if (!plan.ok) throw new Error(plan.message);
        pasted = plan.edits;
        view = withCellValues(view, plan.edits);
      }),
      '< 100 ms (with save)',
    );

    const session = new BackSession({ userData: join(folder, 'app'), workbooks: folder });
    session.openFile(path);
    const table = buildHandlerTable(DOMAINS);
    record(
      'one cell edit through the API, durable (fsync)',
      await time(200, async (run) => {
        const answer = await dispatch(table, { session }, 'sheet/set-cells', { edits: [{ lineId: firstLine, period: run % PERIODS, value: `${run}.25` }], label: 'bench edit' });
        if (!answer.ok) throw new Error(answer.error.message);
      }),
      '< 5 ms',
    );
    record(
      'paste 1,000 x 12 through the API, durable, one undo step',
      await time(10, async (run) => {
        const edits = pasted.map((edit) => ({ ...edit, value: run % 2 === 0 ? edit.value : null }));
        const answer = await dispatch(table, { session }, 'sheet/set-cells', { edits, label: 'paste 12,000 cells' });
        if (!answer.ok) throw new Error(answer.error.message);
      }),
      '< 100 ms (with render)',
    );
    record(
      'undo that paste, durable',
      await time(10, async () => {
        const answer = await dispatch(table, { session }, 'sheet/undo', {});
        if (!answer.ok) throw new Error(answer.error.message);
      }),
      '-',
    );
    session.shutDown();

    const memory = process.memoryUsage();
    const fileMb = statSync(path).size / 1024 / 1024;
    printTable(rows);
    console.log(
      `\nfile ${fileMb.toFixed(1)} MB · model JSON ${(json.length / 1024 / 1024).toFixed(1)} MB · bench process RSS ${(memory.rss / 1024 / 1024).toFixed(0)} MB, heap ${(memory.heapUsed / 1024 / 1024).toFixed(0)} MB`,
    );
    console.log(`node ${process.version} · ${process.platform} ${process.arch}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function printTable(rows: Row[]): void {
  const header = ['measure', 'runs', 'median ms', 'p90 ms', 'target'];
  const body = rows.map((row) => [row.measure, String(row.runs), row.median.toFixed(2), row.p90.toFixed(2), row.target]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cells of body) console.log(line(cells));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
