import { expect, test, type Page } from './support/sheet-test';
import { saveScreenshot } from './support/screenshots';
import { chooseMenu } from './support/menu';

const ERP = 'ERP upgrade to cloud edition';
const WAREHOUSE = 'Data warehouse and BI dashboards';
const FIELD_SERVICE = 'Field service mobile app';

/** The ranking's row of a proposal. */
const rowOf = (page: Page, title: string) => page.getByTestId('proposal-grid').locator('.ag-row[row-index]').filter({ hasText: title });

/** Optimizes by NPV and waits for the answer. */
async function optimize(page: Page): Promise<void> {
  const result = page.getByTestId('optimizer-result');
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(result).toContainText('Proven optimum');
}

/** Opens a proposal in the detail panel and sets its session call (always in, always out, or the optimizer's). */
async function sessionCall(page: Page, title: string, call: 'in' | 'out' | ''): Promise<void> {
  await rowOf(page, title).locator('[col-id="title"]').click();
  const detail = page.getByTestId('proposal-detail');
  await expect(detail.getByLabel('Title')).toHaveValue(title);
  await detail.getByLabel('Session call').selectOption(call);
  await expect(detail.getByLabel('Session call')).toHaveValue(call);
}

test('a proposal needing two others is never chosen without both; the detail panel adds and removes them by keyboard', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.getByLabel('Rank by').selectOption('manual');
  await rowOf(page, FIELD_SERVICE).locator('[col-id="title"]').click();
  const detail = page.getByTestId('proposal-detail');
  const prerequisites = detail.getByTestId('prerequisites');
  await expect(prerequisites).toContainText('None');

  // Two prerequisites from the picker, each one undo step; the chips name them.
  const picker = prerequisites.getByLabel('Add a prerequisite');
  await picker.selectOption({ label: ERP });
  await expect(prerequisites.getByRole('listitem')).toHaveText([`${ERP}×`]);
  await picker.selectOption({ label: WAREHOUSE });
  await expect(prerequisites.getByRole('listitem')).toHaveText([`${ERP}×`, `${WAREHOUSE}×`]);
  // The picker no longer offers what is already there.
  await expect(picker.locator('option', { hasText: ERP })).toHaveCount(0);
  await expect(rowOf(page, FIELD_SERVICE).locator('.badge', { hasText: 'needs 2' })).toHaveAttribute('title', `Needs “${ERP}”, “${WAREHOUSE}” funded with it`);

  // With the ERP upgrade forced in and the warehouse out, the app is out: the optimizer names both it needs and the one missing.
  await sessionCall(page, ERP, 'in');
  await sessionCall(page, WAREHOUSE, 'out');
  await optimize(page);
  await expect(rowOf(page, FIELD_SERVICE).locator('[col-id="optimal"]')).toHaveText('Out');
  await rowOf(page, FIELD_SERVICE).locator('[col-id="title"]').click();
  await expect(page.getByTestId('optimizer-reason')).toContainText(`Out: it needs “${ERP}” and “${WAREHOUSE}”; “${WAREHOUSE}” is out.`);

  // Forced in, the app brings both its prerequisites in with it.
  await sessionCall(page, ERP, '');
  await sessionCall(page, WAREHOUSE, '');
  await sessionCall(page, FIELD_SERVICE, 'in');
  await optimize(page);
  for (const title of [FIELD_SERVICE, ERP, WAREHOUSE]) await expect(rowOf(page, title).locator('[col-id="optimal"]')).toHaveText('In');
  await rowOf(page, FIELD_SERVICE).locator('[col-id="title"]').click();
  await expect(detail.getByLabel('Title')).toHaveValue(FIELD_SERVICE);
  await saveScreenshot(page, 'proposal-prerequisites');

  // The keyboard alone: Tab from the first chip's remove button reaches the second's; Enter removes it.
  const removeErp = prerequisites.getByRole('button', { name: `Remove prerequisite ${ERP}` });
  await removeErp.focus();
  await page.keyboard.press('Tab');
  await expect(prerequisites.getByRole('button', { name: `Remove prerequisite ${WAREHOUSE}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(prerequisites.getByRole('listitem')).toHaveText([`${ERP}×`]);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /change prerequisites of “Field service mobile app”/);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(prerequisites.getByRole('listitem')).toHaveText([`${ERP}×`, `${WAREHOUSE}×`]);

  // The sheet names them in a column, comma-separated.
  await page.getByRole('button', { name: 'Sheet', exact: true }).click();
  await expect(rowOf(page, FIELD_SERVICE).locator('[col-id="prerequisites"]')).toHaveText(`${ERP}, ${WAREHOUSE}`);
  await page.getByRole('button', { name: 'Ranking', exact: true }).click();
  await chooseMenu(page, 'view.dark');
  await rowOf(page, FIELD_SERVICE).locator('[col-id="title"]').click();
  await expect(prerequisites.getByRole('listitem')).toHaveCount(2);
  await saveScreenshot(page, 'proposal-prerequisites-dark');
});

test('the ranking shows a proposal’s badges whole beside its title at 1,280 and 1,440 pixels, light and dark', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await rowOf(page, FIELD_SERVICE).locator('[col-id="title"]').click();
  const detail = page.getByTestId('proposal-detail');
  const prerequisites = detail.getByTestId('prerequisites');
  const picker = prerequisites.getByLabel('Add a prerequisite');
  await picker.selectOption({ label: ERP });
  await expect(prerequisites.getByRole('listitem')).toHaveCount(1);
  await picker.selectOption({ label: WAREHOUSE });
  await expect(prerequisites.getByRole('listitem')).toHaveCount(2);
  // The box follows the saved proposal: click, then wait for it to show the change.
  await detail.getByLabel('Mandatory').click();
  await expect(detail.getByLabel('Mandatory')).toBeChecked();
  const title = rowOf(page, FIELD_SERVICE).locator('[col-id="title"]');
  await expect(title.locator('.badge', { hasText: 'needs 2' })).toBeVisible();

  for (const dark of [false, true]) {
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      // Each badge lies inside the cell, its text not cut; a long title gives way (an ellipsis, the whole title on hover).
      for (const text of ['mandatory', 'needs 2']) {
        const badge = title.locator('.badge', { hasText: text });
        await expect(badge).toHaveText(text);
        const fits = await badge.evaluate((element) => {
          const cell = element.closest('.ag-cell')?.getBoundingClientRect();
          const box = element.getBoundingClientRect();
          return cell !== undefined && box.left >= cell.left && box.right <= cell.right && element.scrollWidth <= element.clientWidth;
        });
        expect(fits, `the “${text}” badge fits its cell at ${width} pixels${dark ? ', dark' : ''}`).toBe(true);
      }
      await expect(title.locator('.proposal-title-text')).toHaveAttribute('title', FIELD_SERVICE);
      await saveScreenshot(page, `proposal-badges-${width}${dark ? '-dark' : ''}`);
    }
    if (!dark) await chooseMenu(page, 'view.dark');
  }
});
