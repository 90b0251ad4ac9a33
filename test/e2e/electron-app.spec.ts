import { _electron as electron, expect, test } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary, markNativeModulesForNode, prepareNativeModulesForElectron } from '../../electron/launch/electron-runtime';

const projectRoot = join(__dirname, '..', '..');

const binary = findElectronBinary(projectRoot, { download: false });
if (binary === null) {
  console.log('Electron e2e tests skipped: the Electron runtime binary is not installed on this machine (node_modules/electron/dist is missing).');
}

test.describe('the Electron app', () => {
  // The Electron run rebuilt the SQLite module for Electron; the browser-host tests need it for Node again.
  test.afterAll(() => {
    if (binary === null) return;
    execSync('npm rebuild better-sqlite3', { cwd: projectRoot, stdio: 'inherit' });
    markNativeModulesForNode(projectRoot);
  });

  // Checkable reason: the runtime binary cannot be downloaded on machines without internet access.
  test.skip(binary === null, 'the Electron runtime binary is not installed on this machine');

  test('opens the sample workbook, saves an edit, and shows it again after a restart', async () => {
    prepareNativeModulesForElectron(projectRoot);
    const userData = mkdtempSync(join(tmpdir(), 'tandem-electron-'));
    const launch = () => electron.launch({ executablePath: binary ?? '', args: [projectRoot], env: { ...process.env, TANDEM_USER_DATA: userData } });
    try {
      let app = await launch();
      let page = await app.firstWindow();
      await expect(page.getByTestId('workbook-name')).toHaveText('Harbor Instruments — FY2027 Budget');
      const row = page.locator('.ag-row:not(.ag-row-pinned)').filter({ hasText: 'Customer visits' }).first();
      const rowId = (await row.getAttribute('row-id')) ?? '';
      const january = page.locator(`.ag-row:not(.ag-row-pinned)[row-id="${rowId}"] [col-id="p0"]`);
      await january.click();
      await page.keyboard.type('4,321.09');
      await page.keyboard.press('Enter');
      await expect(january).toHaveText('4,321.09');
      await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
      // The page sees no Node and, from the preload, exactly the two bridge functions.
      const exposure = await page.evaluate(() => ({
        node: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { tandem: object }).tandem).sort(),
      }));
      expect(exposure).toEqual({ node: 'undefined', bridge: ['invoke', 'onEvent'] });
      await app.close();

      app = await launch();
      page = await app.firstWindow();
      await expect(page.locator(`.ag-row:not(.ag-row-pinned)[row-id="${rowId}"] [col-id="p0"]`)).toHaveText('4,321.09');
      await app.close();
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
