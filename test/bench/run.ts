/**
 * `npm run bench`: times Tandem's hot paths on generated workbooks of 10,000 lines (the sample
 * company's lines repeated over cost centres, formulas included) over 12 and 36 months, in the
 * back, in the renderer's code on Node, and in the real UI in headless Chromium. Prints medians.
 * No thresholds: the targets are in ../shared/DESIGN.md and the issues.
 */
import { benchSession } from './bench-session';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHandlerTable, dispatch, DOMAINS } from '../../electron/api/handler-table';
import { sampleWorkbookSeed } from '../../electron/sample/sample-workbook';
import { WorkbookStore } from '../../electron/store/workbook-store';
import { buildSheetView, withCellValue, withCellValues } from '../../shared/sheet/sheet-view';
import { planPaste } from '../../shared/clipboard/plan-paste';
import { parseTabularText } from '../../shared/clipboard/tabular-text';
import type { CellEdit } from '../../shared/domain/cell-edit';
import type { SheetModel } from '../../shared/domain/workbook';
import { computeSheetTotals } from '../../shared/engine/sheet-totals';
import { columnsOfLines } from '../../shared/sheet/compact-sheet';
import { seedOfCompactSheet } from '../../shared/sheet/make-sheet-seed';
import type { SheetSeed } from '../../shared/sheet/sheet-seed';
import { benchInBrowser } from './browser-bench';
import { benchPortfolio } from './portfolio-bench';
import { benchExports } from './export-bench';
import { benchImports } from './import-bench';
import { benchVersions } from './version-bench';
import { benchGrowth } from './growth-bench';
import { printTable, time, type BenchRow } from './bench-table';

const LINES = Number(process.env.BENCH_LINES ?? 10_000);

async function suite(folder: string, periods: number, rows: BenchRow[]): Promise<string> {
  const tag = `${LINES.toLocaleString('en-US')} x ${periods}`;
  const record = (measure: string, samples: number[], target = '-') => rows.push({ measure: `[${tag}] ${measure}`, samples, target });
  const seed = sampleWorkbookSeed({ lineCount: LINES, calendar: { startYear: 2027, startMonth: 1, periodCount: periods }, name: `Bench ${tag}` });
  const path = join(folder, `bench-${periods}.tandem`);
  record(
    'create and fill the file',
    await time(3, (run) => WorkbookStore.create(run === 0 ? path : join(folder, `bench-${periods}-${run}.tandem`), seed, 'bench').close()),
  );

  let model: SheetModel | undefined;
  record(
    'open the file and read the sheet model (back, with integrity_check)',
    await time(5, () => {
      const store = WorkbookStore.open(path);
      model = store.sheet(store.defaultVersionId());
      store.close();
    }),
    'open < 1 s (all steps)',
  );
  if (model === undefined) throw new Error('no model');
  const loaded = model;
  record('carry the model across the transport (JSON both ways)', await time(5, () => JSON.parse(JSON.stringify(loaded)) as unknown));
  record('build the grid model: formulas, totals, groups (renderer)', await time(5, () => buildSheetView(loaded)));
  // What the sheet's answer carries (issue 14, open): the back makes it once per change of the file; the page builds from it.
  const compact = { ...loaded, lines: columnsOfLines(loaded.lines) };
  record("make the answer's seed: formulas, totals, sums per department and account (back)", await time(5, () => seedOfCompactSheet(compact)));
  const sheetSeed = JSON.parse(JSON.stringify(seedOfCompactSheet(compact))) as SheetSeed;
  record("build the grid model from the answer's seed, the formula engine left for later (renderer)", await time(5, () => buildSheetView(loaded, 'department', new Set(), sheetSeed)));
  record('recompute all totals from scratch', await time(10, () => computeSheetTotals(loaded.lines, () => 'opex', periods)));

  let view = buildSheetView(loaded);
  const headcount = loaded.lines.find((line) => line.description === 'Engineering headcount · cost centre 100') ?? loaded.lines[0];
  const middle = loaded.lines[Math.floor(loaded.lines.length / 2)]?.id ?? 1;
  record(
    'one cell edit with line, group and grand totals (renderer)',
    await time(300, (run) => {
      view = withCellValue(view, middle, run % periods, String(1000 + run));
    }),
    '< 16 ms',
  );
  record(
    'one driver edit that two formula lines follow (renderer)',
    await time(300, (run) => {
      view = withCellValue(view, headcount?.id ?? middle, run % periods, String(4 + (run % 3)));
    }),
    '< 16 ms',
  );

  // A 1,000 x 12 block as Excel puts it on the clipboard, pasted at the first input line.
  const block = Array.from({ length: 1000 }, (_row, row) =>
    Array.from({ length: 12 }, (_cell, period) => `${((row * 31 + period * 7) % 999) + 1},${String((row + period) % 1000).padStart(3, '0')}.25`).join('\t'),
  ).join('\r\n');
  const inputLines = view.rows.filter((row) => row.line.formula === null).map((row) => row.line);
  let pasted: CellEdit[] = [];
  record(
    'paste 1,000 x 12: parse, validate, show with all totals (renderer)',
    await time(5, () => {
      const plan = planPaste({ lines: inputLines, periodLabels: view.model.periods.map((period) => period.label), currency: view.model.workbook.currency }, { lineIndex: 0, period: 0 }, parseTabularText(block));
      if (!plan.ok) throw new Error(plan.message);
      pasted = plan.edits;
      view = withCellValues(view, plan.edits);
    }),
    '< 100 ms with the save',
  );

  const session = benchSession({ userData: join(folder, `app-${periods}`), workbooks: folder });
  session.openFile(path);
  const table = buildHandlerTable(DOMAINS);
  const firstInput = inputLines[0]?.id ?? 1;
  const versionId = loaded.version.id;
  record(
    'one cell edit through the API, durable (fsync)',
    await time(200, async (run) => {
      const answer = await dispatch(table, { session }, 'sheet/set-cells', { versionId, edits: [{ lineId: firstInput, period: run % periods, value: `${run}.25` }], label: 'bench edit' });
      if (!answer.ok) throw new Error(answer.error.message);
    }),
    '< 5 ms',
  );
  record(
    'paste 1,000 x 12 through the API, durable, one undo step',
    await time(5, async (run) => {
      const edits = pasted.map((edit) => ({ ...edit, value: run % 2 === 0 ? edit.value : null }));
      const answer = await dispatch(table, { session }, 'sheet/set-cells', { versionId, edits, label: 'paste 12,000 cells' });
      if (!answer.ok) throw new Error(answer.error.message);
    }),
    '< 100 ms with the renderer',
  );
  record(
    'undo that paste, durable',
    await time(5, async () => {
      const answer = await dispatch(table, { session }, 'sheet/undo', { versionId });
      if (!answer.ok) throw new Error(answer.error.message);
    }),
  );
  session.shutDown();
  console.log(`[${tag}] file ${(statSync(path).size / 1024 / 1024).toFixed(1)} MB after the edits; model JSON ${(JSON.stringify(loaded).length / 1024 / 1024).toFixed(1)} MB`);
  return path;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const rows: BenchRow[] = [];
  // BENCH_ONLY=sheet, BENCH_ONLY=versions, BENCH_ONLY=export, BENCH_ONLY=import, BENCH_ONLY=portfolio or BENCH_ONLY=growth runs one part.
  const only = process.env.BENCH_ONLY;
  try {
    if (only === undefined || only === 'sheet') {
      await suite(folder, 12, rows);
      const path36 = await suite(folder, 36, rows);
      rows.push(...(await benchVersions(folder, path36, `${LINES.toLocaleString('en-US')} x 36, 3 versions`)));
      // The real UI: a browser host whose settings reopen the 36-month workbook.
      const dataDir = join(folder, 'browser');
      mkdirSync(dataDir, { recursive: true });
      const browserRows = await benchInBrowser(dataDir, path36, `${LINES.toLocaleString('en-US')} x 36`);
      rows.push(...browserRows);
    }
    if (only === 'versions') {
      // Versions, the compare model and KPIs on the 36-month workbook, without the 12-month suite and the browser.
      const path36 = await suite(folder, 36, rows);
      rows.push(...(await benchVersions(folder, path36, `${LINES.toLocaleString('en-US')} x 36, 3 versions`)));
    }
    if (only === undefined || only === 'export') rows.push(...(await benchExports(folder, LINES)));
    if (only === undefined || only === 'import') rows.push(...(await benchImports(folder, LINES)));
    if (only === undefined || only === 'portfolio') rows.push(...(await benchPortfolio()));
    // How open, an edit, a paste and the back's memory grow from 1,000 to 50,000 lines (issue 14).
    if (only === undefined || only === 'growth') rows.push(...(await benchGrowth(folder)));
    printTable(rows);
    console.log(`node ${process.version} · ${process.platform} ${process.arch} · bench process RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
