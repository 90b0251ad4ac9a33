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
import { browserMissing, FIRST_LINE, launchBenchBrowser, residentMb, startBenchHost } from './bench-browser';
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

/** A typed entry: from Enter to the frame that shows the line's new total. */
async function timeTypedEdit(page: Page, rowId: string, value: number): Promise<number> {
  await page.locator(`.ag-row[row-id="${rowId}"] [col-id="p1"]`).click();
  await page.keyboard.type(String(value));
  const timing = page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        let start = 0;
        window.addEventListener('keydown', (event) => event.key === 'Enter' && (start = performance.now()), { capture: true, once: true });
        const total = document.querySelector(`.ag-row[row-id="${id}"] [col-id="year"]`);
        if (total === null) return resolve(Number.NaN);
        setTimeout(() => resolve(Number.NaN), 30_000);
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(total, { childList: true, subtree: true, characterData: true });
      }),
    rowId,
  );
  await page.keyboard.press('Enter');
  return timing;
}

/** A block pasted at the first line: from the paste event to the status bar saying it is saved. */
async function timePaste(page: Page, block: string): Promise<number> {
  await page.locator(`${FIRST_LINE} [col-id="p0"]`).first().click();
  return page.evaluate(
    (data) =>
      new Promise<number>((resolve) => {
        const status = document.querySelector('[data-testid="save-status"]');
        const start = performance.now();
        // A paste the app refuses never saves: the measure then says NaN instead of waiting for ever.
        setTimeout(() => resolve(Number.NaN), 60_000);
        const observer = new MutationObserver(() => {
          // Any change of the status after the paste is its save; a quick one may skip showing "Saving".
          if ((status?.textContent ?? '') === 'All changes saved') {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          }
        });
        if (status !== null) observer.observe(status, { childList: true, subtree: true, characterData: true });
        const transfer = new DataTransfer();
        transfer.setData('text/plain', data);
        (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      }),
    block,
  );
}

function pasteBlock(rows: number, run: number): string {
  return Array.from({ length: rows }, (_row, row) => Array.from({ length: PASTE_MONTHS }, (_cell, period) => String((((row + 1) * (period + 3)) % 9973) + run)).join('\t')).join('\n');
}

/** One size: the file made, a browser host over it, and the UI measured. */
async function measureSize(folder: string, lines: number): Promise<GrowthPoint> {
  const seed = sampleWorkbookSeed({ lineCount: lines, calendar: { startYear: 2027, startMonth: 1, periodCount: MONTHS }, name: `Growth ${lines}` });
  const path = join(folder, `growth-${lines}.tandem`);
  WorkbookStore.create(path, seed, 'bench').close();
  // The largest block that fits under the first line: a paste skips no formula line, so count input lines.
  const pasteRows = Math.min(PASTE_ROWS, seed.lines.filter((line) => line.formula === null || line.formula === undefined).length - 1);
  const dataDir = join(folder, `growth-${lines}`);
  mkdirSync(dataDir, { recursive: true });
  const host = await startBenchHost(dataDir, path);
  const browser = await launchBenchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
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
    for (let run = 0; run < 3; run += 1) paste.push(await timePaste(page, pasteBlock(pasteRows, run)));
    return { lines, open, edit, paste, pasteRows, residentMb: resident };
  } finally {
    await browser.close();
    host.stop();
  }
}

const ratio = (larger: number, smaller: number) => (smaller > 0 ? `${(larger / smaller).toFixed(1)}x` : '-');

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
        `open ${ratio(median(to.open), median(from.open))}, typed edit ${ratio(median(to.edit), median(from.edit))}, paste ${ratio(median(to.paste), median(from.paste))}, back memory ${memory}`,
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
