import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { E2E_USER, removeDataDir, startHost, type RunningHost } from './browser-host';

/**
 * Every test gets its own browser host over an empty data folder: a first run, with the sample
 * workbook, by a user who has already given their name (`E2E_USER`) and shows cents in the sheet.
 * A test of the first-run prompt says `test.use({ userName: null })`.
 */
export const test = base.extend<{ userName: string | null; sheetCents: boolean; host: RunningHost }>({
  userName: [E2E_USER, { option: true }],
  // Most tests read amounts to the cent, so their sheet shows cents (a display preference); a test of
  // the default whole-unit sheet says `test.use({ sheetCents: false })`.
  sheetCents: [true, { option: true }],
  page: async ({ page, sheetCents }, use) => {
    // The app registers only the AG Grid modules it uses: a feature whose module is missing logs
    // an AG Grid error (#200 and the like) instead of working, and fails the test that meets it.
    const gridProblems: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      if (text.includes('AG Grid') && (message.type() === 'error' || /module/i.test(text))) gridProblems.push(text);
    });
    if (sheetCents) {
      // Only as the first-run preference: a test that changes it (and reloads) keeps its change.
      await page.addInitScript(() => {
        if (localStorage.getItem('tandem.display') === null) localStorage.setItem('tandem.display', JSON.stringify({ state: { sheetCents: true }, version: 0 }));
      });
    }
    await use(page);
    expect(gridProblems, 'AG Grid reported problems in the console').toEqual([]);
  },
  host: async ({ userName }, use) => {
    const host = await startHost(undefined, { userName });
    await use(host);
    await host.stop();
    removeDataDir(host.dataDir);
  },
});

export { expect };
export type { Locator, Page } from '@playwright/test';

/**
 * The grid row id of the first line whose row shows `description`. AG Grid draws only the rows in
 * view: the sheet is scrolled down a screen at a time until the line is drawn (and left there).
 */
export async function rowIdOf(page: Page, description: string): Promise<string> {
  await page.locator('[data-testid="budget-grid"] .ag-row').first().waitFor();
  const viewport = page.locator('[data-testid="budget-grid"] .ag-body-vertical-scroll-viewport');
  // The row's id and place, read at once: a row drawn beyond the screen may be dropped a frame later.
  const drawn = () =>
    page.evaluate((text) => {
      const found = [...document.querySelectorAll('[data-testid="budget-grid"] .ag-row:not(.ag-row-pinned)')].find((element) => element.textContent?.includes(text) === true);
      const id = found?.getAttribute('row-id') ?? null;
      return id === null ? null : { id, index: Number(found?.getAttribute('row-index')) };
    }, description);
  // AG Grid draws the rows of a scroll position a frame or more later (on a loaded machine, many),
  // and only 3 beyond the screen: after each scroll, wait until drawn rows cover the screen before
  // looking, so no line is stepped over. A sheet still laying itself out (just after a load) may not
  // scroll yet: a few tries before giving up at its end; a second, slower pass from the top follows.
  let row = await drawn();
  const scrolled = row === null;
  for (const settle of [0, 300]) {
    if (row !== null) break;
    await viewport.evaluate((element) => (element.scrollTop = 0));
    await rowsDrawn(page);
    let stuck = 0;
    for (let screen = 0; screen < 80 && stuck < 10 && (row = await drawn()) === null; screen += 1) {
      const moved = await viewport.evaluate((element) => {
        const before = element.scrollTop;
        element.scrollTop += element.clientHeight * 0.8;
        return element.scrollTop !== before;
      });
      stuck = moved ? 0 : stuck + 1;
      await rowsDrawn(page);
      await page.waitForTimeout(moved ? settle : 150);
    }
  }
  if (row === null) throw new Error(`No row for ${description}`);
  // Drawn on the sheet as it opened: the sheet stays as it is (the tests go on from its top).
  if (!scrolled) return row.id;
  // Found while scrolling, it may be one of the rows drawn beyond the screen while the grid still
  // draws a later scroll position, which then drops it: bring it to the screen's upper third and wait for it there.
  const index = Number.isFinite(row.index) ? row.index : 0;
  await viewport.evaluate((element, at) => {
    const height = document.querySelector('[data-testid="budget-grid"] .ag-row:not(.ag-row-pinned)')?.getBoundingClientRect().height ?? 30;
    element.scrollTop = Math.max(0, at * height - element.clientHeight / 3);
  }, index);
  await rowsDrawn(page);
  await page.locator(`.ag-row:not(.ag-row-pinned)[row-id="${row.id}"]`).first().waitFor({ timeout: 10_000 });
  return row.id;
}

/** Waits (at most 3 s) until the budget grid's drawn rows reach the top and the bottom of its scrolled body. */
async function rowsDrawn(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const grid = document.querySelector('[data-testid="budget-grid"]');
        const scroller = grid?.querySelector('.ag-body-vertical-scroll-viewport');
        if (grid === null || grid === undefined || scroller === null || scroller === undefined) return false;
        const box = scroller.getBoundingClientRect();
        const rows = [...grid.querySelectorAll('.ag-grid-scrolling-container .ag-row')].map((element) => element.getBoundingClientRect());
        if (rows.length === 0) return false;
        const top = Math.min(...rows.map((rect) => rect.top));
        const bottom = Math.max(...rows.map((rect) => rect.bottom));
        // The body's box also holds the pinned totals and the horizontal scroll bar: two rows' slack at the bottom.
        const slack = 2 * (rows[0]?.height ?? 0);
        const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
        return top <= box.top + 1 && (bottom >= box.bottom - slack || atEnd);
      },
      undefined,
      { timeout: 3_000, polling: 'raf' },
    )
    .catch(() => undefined);
}

/** A cell of a line (by row id) in a column (`p0` for the first month, `year`, `q0-1`…). */
export function cell(page: Page, rowId: string, colId: string): Locator {
  return page.locator(`.ag-row:not(.ag-row-pinned)[row-id="${rowId}"] [col-id="${colId}"]`);
}

/** A cell of a pinned total row (`total-opex`, `operating-income`…). */
export function totalCell(page: Page, totalId: string, colId: string): Locator {
  return page.locator(`.ag-row-pinned[row-id="${totalId}"] [col-id="${colId}"]`);
}

/** A group row (`g:d1` for the first department, `g:d1:revenue` for its revenue). */
export function groupRow(page: Page, id: string): Locator {
  return page.locator(`.ag-row[row-id="${id}"]`);
}

/** Where the grid's cursor is: `row-id:col-id`. */
export function cursor(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return `${active?.closest('[row-id]')?.getAttribute('row-id') ?? '?'}:${active?.getAttribute('col-id') ?? '?'}`;
  });
}

/** Pastes text as a spreadsheet puts it on the clipboard, at the focused cell. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/** Runs a copy at the focused cell as the browser does on Ctrl+C, and returns what went on the clipboard. */
export function copySelection(page: Page): Promise<{ text: string; html: string }> {
  return page.evaluate(() => {
    const transfer = new DataTransfer();
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }));
    return { text: transfer.getData('text/plain'), html: transfer.getData('text/html') };
  });
}

/** A displayed amount back to cents: "1,250.50" → 125050, "(300.00)" → -30000, "–" or blank → 0. */
export function cents(text: string): bigint {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '–') return 0n;
  return (trimmed.startsWith('(') || trimmed.startsWith('-') ? -1n : 1n) * BigInt(trimmed.replace(/[,.()-]/g, ''));
}

/** Cents as the sheet shows them by default: 125050 → "1,250.50", -30000 → "(300.00)". */
export function formatCents(value: bigint): string {
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const whole = (absolute / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${whole}.${(absolute % 100n).toString().padStart(2, '0')}`;
  return negative ? `(${text})` : text;
}
