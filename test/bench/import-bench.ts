import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildHandlerTable, dispatch, DOMAINS } from '../../electron/api/handler-table';
import { sampleWorkbookSeed } from '../../electron/sample/sample-workbook';
import { WorkbookStore } from '../../electron/store/workbook-store';
import { writeRepeated } from '../helpers/large-file';
import { benchSession } from './bench-session';
import { median, type BenchRow } from './bench-table';

/** The bundled reader, beside the bundled back: `npm run bench` builds both (dist/bench/run.js, dist/back/import-worker.js). */
const WORKER = join(__dirname, '..', 'back', 'import-worker.js');
const RUNS = 3;

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

/** A full garbage collection, so that each run starts from the back's resting size, not the last run's garbage. */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * The process's peak RSS while `body` runs, in MB. On Linux from the kernel's high-water mark
 * (reset first through clear_refs), which sees every thread's memory at any moment; elsewhere
 * sampled every 5 ms.
 */
async function peakRssDuring(body: () => Promise<unknown>): Promise<number> {
  const kernel = process.platform === 'linux' && existsSync('/proc/self/clear_refs');
  const highWater = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
  let sampled = rssMb();
  const timer = setInterval(() => (sampled = Math.max(sampled, rssMb())), 5);
  if (kernel) writeFileSync('/proc/self/clear_refs', '5');
  try {
    await body();
  } finally {
    clearInterval(timer);
  }
  return Math.max(sampled, rssMb(), kernel ? highWater() : 0);
}

/** Writes an XLSX of `rows` rows of `columns` numbers in another process, so that the writer's memory is not the back's resting size. */
function writeXlsxAside(path: string, rows: number, columns: number): void {
  const code = `
    const ExcelJS = require('exceljs');
    const [path, rows, columns] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
    (async () => {
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
      const sheet = writer.addWorksheet('Cells');
      sheet.addRow(Array.from({ length: columns }, (_u, column) => 'Month ' + (column + 1))).commit();
      for (let row = 0; row < rows; row += 1) sheet.addRow(Array.from({ length: columns }, (_u, column) => row * columns + column + 0.25)).commit();
      sheet.commit();
      await writer.commit();
    })();`;
  execFileSync(process.execPath, ['-e', code, path, String(rows), String(columns)], { stdio: 'inherit' });
}

type Call = (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;

/** Calls `version/list` every 20 ms while `body` runs; answers each call's answer time (ms). */
async function answerTimesDuring(call: Call, body: () => Promise<unknown>): Promise<number[]> {
  let running = true;
  const times: number[] = [];
  const asking = (async () => {
    while (running) {
      const asked = performance.now();
      await call('version/list', {});
      times.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    await body();
  } finally {
    running = false;
    await asking;
  }
  return times;
}

/**
 * Imports through the API as the app runs them (reading in the bundled worker thread): the
 * 10,000 x 36 workbook's own long CSV (360,000 records), and files over the limits (the issue's
 * 100 MB of 50 million one-character rows, a row of a million columns). Prints the time, the
 * back's peak RSS above its resting size, and how long a cheap call waits during a large import.
 */
export async function benchImports(folder: string, lines: number): Promise<BenchRow[]> {
  const tag = `${lines.toLocaleString('en-US')} x 36`;
  const path = join(folder, 'import-bench.tandem');
  WorkbookStore.create(path, sampleWorkbookSeed({ lineCount: lines, calendar: { startYear: 2027, startMonth: 1, periodCount: 36 }, name: `Bench ${tag}` }), 'bench').close();
  const session = benchSession({ userData: join(folder, 'import-app'), workbooks: join(folder, 'import-workbooks') });
  session.openFile(path);
  if (existsSync(WORKER)) session.imports.readInWorkerFrom(WORKER);
  else console.log(`no ${WORKER}: imports read in the back's thread`);
  const table = buildHandlerTable(DOMAINS);
  const call: Call = (method, input) => dispatch(table, { session }, method, input);
  const must = async (method: string, input: unknown) => {
    const answer = await call(method, input);
    if (!answer.ok) throw new Error(answer.error?.message);
    return answer.value as Record<string, unknown>;
  };
  const versionId = ((await must('version/list', {})).versions as { id: number }[])[0]?.id ?? 1;
  const target = { kind: 'version', versionId };
  const csv = (await must('export/csv', { versionId, fileName: 'import-bench.csv', layout: 'long' })).path as string;
  const oneCharRows = join(folder, 'one-char-rows.csv');
  writeRepeated(oneCharRows, 'A\n', 'x\n', 50_000_000);
  const wide = join(folder, 'million-columns.csv');
  writeRepeated(wide, 'Department', ',x', 1_000_000);
  // An XLSX of 4,500,000 number cells (450,000 rows of 10): over the cell limit at row 300,001.
  const xlsx = join(folder, 'many-cells.xlsx');
  writeXlsxAside(xlsx, 450_000, 10);
  const fullImport = async () => {
    const inspected = await must('import/inspect', { source: { path: csv }, target });
    await must('import/commit', { token: inspected.token, mapping: { columns: inspected.suggested, decimalSeparator: '.' }, target });
  };
  const refused = (file: string) => async () => {
    const answer = await call('import/inspect', { source: { path: file }, target });
    if (answer.ok) throw new Error(`${file} was not refused`);
  };
  collect();
  const rest = rssMb();
  const rows: BenchRow[] = [{ measure: `[${tag}] import: RSS of the back at rest, the workbook open`, samples: [rest], target: '-', unit: 'MB' }];
  /**
   * Each run's time, and its peak RSS above the resting size measured once before any import:
   * RSS does not fall back after a run (V8 and malloc keep their pages), so measuring from just
   * before each run would hide what the earlier runs took. Files held from a run are let go first.
   */
  const measure = async (label: string, body: () => Promise<unknown>, target: string) => {
    const times: number[] = [];
    const peaks: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      session.imports.forget();
      collect();
      const started = performance.now();
      peaks.push((await peakRssDuring(body)) - rest);
      times.push(performance.now() - started);
    }
    rows.push({ measure: `[${tag}] ${label}`, samples: times, target });
    rows.push({ measure: `[${tag}] ${label}: peak RSS above rest`, samples: peaks, target: '< 400 MB', unit: 'MB' });
  };
  await measure('refuse an XLSX of 4,500,000 cells (cell limit, at row 300,001)', refused(xlsx), '-');
  await measure('read the long CSV (inspect: 360,000 records)', () => must('import/inspect', { source: { path: csv }, target }), '-');
  await measure('import the long CSV back (360,000 records: read, map, check, commit)', fullImport, '< 3 s');
  await measure('refuse 100 MB of 50,000,000 one-character rows (row limit)', refused(oneCharRows), '< 2 s');
  await measure('refuse a row of 1,000,000 columns (column limit)', refused(wide), '< 2 s');
  const during: number[] = [];
  for (let run = 0; run < RUNS; run += 1) during.push(...(await answerTimesDuring(call, fullImport)));
  rows.push({ measure: `[${tag}] answer time of version/list during that import (${during.length} calls; max ${Math.max(...during).toFixed(0)} ms)`, samples: during, target: '< 100 ms' });
  const reading = await answerTimesDuring(call, () => must('import/inspect', { source: { path: csv }, target }));
  rows.push({ measure: `[${tag}] answer time of version/list while the file is read (inspect; max ${Math.max(...reading).toFixed(0)} ms, median ${median(reading).toFixed(1)} ms)`, samples: reading, target: '< 100 ms' });
  session.shutDown();
  return rows;
}
