import type { Page } from '@playwright/test';

/** How the page knows the change is on screen: a cell gains a class, a cell shows a text, or a line with that name is drawn. */
type Shown = { kind: 'class'; selector: string; className: string } | { kind: 'text'; selector: string; text: string } | { kind: 'line'; text: string };

/**
 * Arms a timer in the page: it starts at the user's key (`key`, with Ctrl when `ctrl`) and stops
 * at the frame after the grid first shows the change. Resolves to nothing; read the time with `takeTiming`.
 */
async function armTiming(page: Page, key: string, ctrl: boolean, shown: Shown): Promise<void> {
  await page.evaluate(
    ({ key, ctrl, shown }) => {
      const state = window as unknown as { structureTiming?: number | null; structureStart?: number };
      state.structureTiming = null;
      const grid = document.querySelector('[data-testid="budget-grid"]');
      const isShown = (): boolean => {
        if (shown.kind === 'class') return document.querySelector(shown.selector)?.classList.contains(shown.className) === true;
        if (shown.kind === 'text') return document.querySelector(shown.selector)?.textContent === shown.text;
        return [...document.querySelectorAll('.ag-row [col-id="description"]')].some((cell) => cell.textContent === shown.text);
      };
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== key || event.ctrlKey !== ctrl) return;
        window.removeEventListener('keydown', onKey, true);
        state.structureStart = performance.now();
      };
      window.addEventListener('keydown', onKey, true);
      const observer = new MutationObserver(() => {
        if (state.structureStart === undefined || !isShown()) return;
        observer.disconnect();
        const start = state.structureStart;
        requestAnimationFrame(() => (state.structureTiming = performance.now() - start));
      });
      if (grid !== null) observer.observe(grid, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
    },
    { key, ctrl, shown },
  );
}

/**
 * Scrolls the grid back to its first month: comments on later months move it right, and a month
 * column scrolled out of view is not drawn at all, so it could not be clicked.
 */
async function scrollToFirstMonth(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const viewport of document.querySelectorAll('[data-testid="budget-grid"] .ag-body-horizontal-scroll-viewport, [data-testid="budget-grid"] .ag-center-cols-viewport')) viewport.scrollLeft = 0;
  });
}

async function takeTiming(page: Page): Promise<number> {
  await page.waitForFunction(() => typeof (window as unknown as { structureTiming?: number | null }).structureTiming === 'number', undefined, { timeout: 30_000 });
  const timing = await page.evaluate(() => (window as unknown as { structureTiming: number }).structureTiming);
  await page.evaluate(() => delete (window as unknown as { structureStart?: number }).structureStart);
  await page.getByText('All changes saved').waitFor();
  return timing;
}

/**
 * Issue 14: a comment, a rename and a new line, each from the key that saves it (Ctrl+Enter in the
 * comment dialog, Enter in the line's name, Enter in the Add line dialog) to the frame that shows
 * it on the sheet. `rowId` is a line near the top of the sheet; each kind runs `runs` times.
 */
export async function timeStructureChanges(page: Page, rowId: string, runs = 5): Promise<{ comment: number[]; rename: number[]; newLine: number[] }> {
  const row = `.ag-row[row-id="${rowId}"]:not(.ag-row-pinned)`;
  const comment: number[] = [];
  for (let run = 0, period = 2; run < runs; period += 1) {
    const selector = `${row} [col-id="p${period}"]`;
    // A cell that has a comment already would show its marker before the new one is saved.
    if ((await page.locator(selector).first().getAttribute('class'))?.includes('has-comment') === true) continue;
    run += 1;
    await page.locator(selector).first().click();
    await page.keyboard.press('Shift+F2');
    const dialog = page.getByTestId('comment-dialog');
    await dialog.getByLabel('Comment').fill(`Bench comment ${run}`);
    await armTiming(page, 'Enter', true, { kind: 'class', selector, className: 'has-comment' });
    await page.keyboard.press('Control+Enter');
    comment.push(await takeTiming(page));
    await dialog.waitFor({ state: 'detached' });
  }
  const rename: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const selector = `${row} [col-id="description"]`;
    const name = `Bench line renamed ${run + 1}`;
    await page.locator(selector).first().click();
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(name);
    await armTiming(page, 'Enter', false, { kind: 'text', selector, text: name });
    await page.keyboard.press('Enter');
    rename.push(await takeTiming(page));
  }
  const newLine: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    // The dialog proposes the department and account of the line under the cursor: the new line lands near it.
    await scrollToFirstMonth(page);
    await page.locator(`${row} [col-id="p0"]`).first().click();
    await page.locator('.toolbar [data-command="data.add-line"]').click();
    const dialog = page.getByTestId('add-line-dialog');
    const name = `Bench new line ${run + 1}`;
    await dialog.getByLabel('Description').fill(name);
    await armTiming(page, 'Enter', false, { kind: 'line', text: name });
    await dialog.getByLabel('Description').press('Enter');
    newLine.push(await takeTiming(page));
    await dialog.waitFor({ state: 'detached' });
  }
  return { comment, rename, newLine };
}
