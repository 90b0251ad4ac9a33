/**
 * How the cost grows with the workbook (issue 14): the same measures in the real UI at 1,000,
 * 10,000 and 50,000 lines x 36 months, so anyone can see whether a cost grows linearly or worse,
 * and where it bends. `BENCH_ONLY=growth npm run bench`; `GROWTH_SIZES=1000,10000` picks sizes.
 */
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sampleWorkbookSeed } from '../../electron/sample/sample-workbook';
import { WorkbookStore } from '../../electron/store/workbook-store';
import { buildSheetView } from '../../shared/sheet/sheet-view';
import { browserMissing, FIRST_LINE, openBenchWindow, residentMb, startBenchHost } from './bench-browser';
import { median, printTable, type BenchRow } from './bench-table';

const SIZES = (process.env.GROWTH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const MONTHS = 36;
const PASTE_ROWS = 1000;
const PASTE_MONTHS = 12;

interface GrowthPoint {
  lines: number;
  open: number[];
  edit: number[];
  paste: number[];
  pasteRows: number;
  residentMb: number | null;
}

/** From the start of navigation to the frame that shows the sheet with its first rows. */
async function timeOpen(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.locator(`${FIRST_LINE} [col-id="p0"]`).first().waitFor({ state: 'visible', timeout: 180_000 });
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
}

/** What the page keeps while a typed edit is timed: the answer, once the line's total has changed. */
type EditWatch = Promise<{ ms: number; missed: string | null }>;
type WatchingWindow = Window & { benchEditWatch?: EditWatch };

/**
 * A typed entry: from Enter to the frame that shows the line's new total. The watch is set up
 * (and the total read) before Enter is pressed, in a call of its own: set up in the same call as
 * the key press, Enter could land first, and a total already changed never changes again (the NaN
 * edits of the earlier runs). The whole grid is watched, the total read again on each change, as
 * AG Grid may draw the row's cells afresh.
 */
async function timeTypedEdit(page: Page, rowId: string, value: number): Promise<number> {
  await page.locator(`.ag-row[row-id="${rowId}"] [col-id="p1"]`).click();
  await page.keyboard.type(String(value));
  await page.evaluate((id) => {
    const watching = window as WatchingWindow;
    watching.benchEditWatch = new Promise((resolve) => {
      let start = 0;
      window.addEventListener('keydown', (event) => event.key === 'Enter' && (start = performance.now()), { capture: true, once: true });
      const cellText = (column: string) => document.querySelector(`.ag-row:not(.ag-row-pinned)[row-id="${id}"] [col-id="${column}"]`)?.textContent ?? null;
      const before = cellText('year');
      const grid = document.querySelector('[data-testid="budget-grid"]');
      if (before === null || grid === null) return resolve({ ms: Number.NaN, missed: 'the line or its total is not drawn' });
      setTimeout(() => resolve({ ms: Number.NaN, missed: `the total still read ${before} after 30 s; the cell shows ${cellText('p1') ?? '?'}` }), 30_000);
      const observer = new MutationObserver(() => {
        const now = cellText('year');
        if (now === null || now === before) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve({ ms: performance.now() - start, missed: null }));
      });
      observer.observe(grid, { childList: true, subtree: true, characterData: true });
    });
  }, rowId);
  await page.keyboard.press('Enter');
  const result = await page.evaluate(() => (window as WatchingWindow).benchEditWatch ?? Promise.resolve({ ms: Number.NaN, missed: 'no watch was set' }));
  if (result.missed !== null) console.log(`Growth typed edit of ${value} read NaN: ${result.missed}`);
  return result.ms;
}

/** Where the pasted block goes: a line (by id) and how many lines down from it the block covers. */
interface PasteTarget {
  lineId: number;
  rows: number;
}

/**
 * The lines a block can be pasted on, as the sheet shows them (grouped by department): a paste
 * over a formula line is refused whole (its months are computed), so the block covers input lines
 * only. From the first line when PASTE_ROWS input lines follow it (10,000 lines and more); in a
 * smaller workbook, where formula lines come sooner, the longest run of input lines, as many rows
 * as it holds (at 1,000 lines the first formula line is the 211th).
 */
function pasteTarget(path: string): PasteTarget {
  const store = WorkbookStore.open(path);
  const view = buildSheetView(store.sheet(store.defaultVersionId()));
  store.close();
  let best: PasteTarget = { lineId: 0, rows: 0 };
  let run: PasteTarget = { lineId: 0, rows: 0 };
  for (const row of view.display.rows) {
    if (row.kind !== 'line') continue;
    if (row.line.formula !== null) run = { lineId: 0, rows: 0 };
    else run = run.rows === 0 ? { lineId: row.line.id, rows: 1 } : { ...run, rows: run.rows + 1 };
    if (run.rows > best.rows) best = run;
    if (best.rows >= PASTE_ROWS) return { lineId: best.lineId, rows: PASTE_ROWS };
  }
  return best;
}

/** Scrolls the sheet a screen at a time until the line's row is drawn (AG Grid draws only the rows in view). */
async function scrollToLine(page: Page, lineId: number): Promise<void> {
  const row = page.locator(`.ag-row:not(.ag-row-pinned)[row-id="${lineId}"]`);
  const viewport = page.locator('[data-testid="budget-grid"] .ag-body-vertical-scroll-viewport');
  for (let screen = 0; screen < 2000 && (await row.count()) === 0; screen += 1) {
    const moved = await viewport.evaluate((element) => {
      const before = element.scrollTop;
      element.scrollTop += element.clientHeight * 0.8;
      return element.scrollTop !== before;
    });
    await page.waitForTimeout(moved ? 30 : 150);
  }
  await row.waitFor({ state: 'visible', timeout: 10_000 });
}

/** A block pasted at the target line: from the paste event to the status bar saying it is saved. */
async function timePaste(page: Page, target: PasteTarget, block: string): Promise<number> {
  await scrollToLine(page, target.lineId);
  await page.locator(`.ag-row:not(.ag-row-pinned)[row-id="${target.lineId}"] [col-id="p0"]`).click();
  const result = await page.evaluate(
    (data) =>
      new Promise<{ ms: number; refusal: string | null }>((resolve) => {
        const status = document.querySelector('[data-testid="save-status"]');
        const start = performance.now();
        // A paste the app refuses never saves: the measure then says NaN, with the app's reason, instead of waiting for ever.
        const refused = window.setInterval(() => {
          const error = document.querySelector('[data-testid="notice-error"] .notice-text');
          if (error !== null) finish(Number.NaN, error.textContent);
        }, 50);
        const timeout = window.setTimeout(() => finish(Number.NaN, 'no save within 60 s'), 60_000);
        const observer = new MutationObserver(() => {
          // Any change of the status after the paste is its save; a quick one may skip showing "Saving".
          if ((status?.textContent ?? '') !== 'All changes saved') return;
          observer.disconnect();
          requestAnimationFrame(() => finish(performance.now() - start, null));
        });
        function finish(ms: number, refusal: string | null) {
          observer.disconnect();
          window.clearInterval(refused);
          window.clearTimeout(timeout);
          resolve({ ms, refusal });
        }
        if (status !== null) observer.observe(status, { childList: true, subtree: true, characterData: true });
        const transfer = new DataTransfer();
        transfer.setData('text/plain', data);
        (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      }),
    block,
  );
  if (result.refusal !== null) console.log(`Growth paste at line ${target.lineId} read NaN: ${result.refusal}`);
  return result.ms;
}

function pasteBlock(rows: number, run: number): string {
  return Array.from({ length: rows }, (_row, row) => Array.from({ length: PASTE_MONTHS }, (_cell, period) => String((((row + 1) * (period + 3)) % 9973) + run)).join('\t')).join('\n');
}

/** One size: the file made, a browser host over it, and the UI measured. */
async function measureSize(folder: string, lines: number): Promise<GrowthPoint> {
  const seed = sampleWorkbookSeed({ lineCount: lines, calendar: { startYear: 2027, startMonth: 1, periodCount: MONTHS }, name: `Growth ${lines}` });
  const path = join(folder, `growth-${lines}.tandem`);
  WorkbookStore.create(path, seed, 'bench').close();
  const target = pasteTarget(path);
  const dataDir = join(folder, `growth-${lines}`);
  mkdirSync(dataDir, { recursive: true });
  const host = await startBenchHost(dataDir, path);
  const benchWindow = await openBenchWindow();
  try {
    const context = benchWindow.context;
    const open: number[] = [];
    let page: Page | undefined;
    for (let run = 0; run < 3; run += 1) {
      await page?.close();
      page = await context.newPage();
      open.push(await timeOpen(page, host.url));
    }
    if (page === undefined) throw new Error('no page');
    const resident = residentMb(host.process.pid);
    const rowId = (await page.locator(FIRST_LINE).first().getAttribute('row-id')) ?? '';
    const edit: number[] = [];
    for (let run = 0; run < 7; run += 1) edit.push(await timeTypedEdit(page, rowId, 10_000 + run));
    const paste: number[] = [];
    for (let run = 0; run < 3; run += 1) paste.push(await timePaste(page, target, pasteBlock(target.rows, run)));
    return { lines, open, edit, paste, pasteRows: target.rows, residentMb: resident };
  } finally {
    await benchWindow.close();
    host.stop();
  }
}

const ratio = (larger: number, smaller: number) => (smaller > 0 ? `${(larger / smaller).toFixed(1)}x` : '-');

/** The paste's growth; per pasted row when a smaller workbook had room for a smaller block only. */
function pasteScaling(from: GrowthPoint, to: GrowthPoint): string {
  if (from.pasteRows === to.pasteRows) return `paste ${ratio(median(to.paste), median(from.paste))}`;
  return `paste per row ${ratio(median(to.paste) / to.pasteRows, median(from.paste) / from.pasteRows)} (${from.pasteRows} then ${to.pasteRows} rows)`;
}

/** How each measure scales from one size to the next, against what linear growth would give. */
function printScaling(points: readonly GrowthPoint[]): void {
  for (let index = 1; index < points.length; index += 1) {
    const from = points[index - 1];
    const to = points[index];
    if (from === undefined || to === undefined) continue;
    const factor = to.lines / from.lines;
    const memory = from.residentMb !== null && to.residentMb !== null ? ratio(to.residentMb, from.residentMb) : '-';
    console.log(
      `${from.lines.toLocaleString('en-US')} -> ${to.lines.toLocaleString('en-US')} lines (${factor}x the lines; linear = ${factor}x): ` +
        `open ${ratio(median(to.open), median(from.open))}, typed edit ${ratio(median(to.edit), median(from.edit))}, ${pasteScaling(from, to)}, back memory ${memory}`,
    );
  }
}

export async function benchGrowth(folder: string): Promise<BenchRow[]> {
  const missing = browserMissing();
  if (missing !== null) {
    console.log(`Growth measures skipped: ${missing}.`);
    return [];
  }
  const points: GrowthPoint[] = [];
  const rows: BenchRow[] = [];
  for (const lines of SIZES) {
    const point = await measureSize(folder, lines);
    points.push(point);
    const tag = `[growth ${lines.toLocaleString('en-US')} x ${MONTHS}, browser]`;
    const sizeRows: BenchRow[] = [
      { measure: `${tag} open: navigation to the sheet drawn with its rows`, samples: point.open, target: lines === 10_000 ? '< 1 s' : '-' },
      { measure: `${tag} open, the first time (a new browser profile: nothing cached yet)`, samples: point.open.slice(0, 1), target: '-' },
      { measure: `${tag} one typed edit: Enter to the new total on screen`, samples: point.edit, target: '< 16 ms' },
      { measure: `${tag} paste ${point.pasteRows.toLocaleString('en-US')} x ${PASTE_MONTHS}: to totals shown and saved`, samples: point.paste, target: '< 100 ms' },
      ...(point.residentMb === null ? [] : [{ measure: `${tag} back resident memory, workbook open`, samples: [point.residentMb], target: lines === 10_000 ? '< 250 MB' : '-', unit: 'MB' as const }]),
    ];
    printTable(sizeRows);
    rows.push(...sizeRows);
  }
  printScaling(points);
  return rows;
}
