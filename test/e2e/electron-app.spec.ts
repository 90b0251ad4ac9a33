import { _electron as electron, expect, test } from '@playwright/test';
import { execSync } from 'node:child_process';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
      // The page sees no Node and, from the preload, the two API functions and the shell bridge; it is served from app://.
      const exposure = await page.evaluate(() => ({
        node: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { tandem: object }).tandem).sort(),
        shell: Object.keys((window as unknown as { tandem: { shell: object } }).tandem.shell).sort(),
        origin: window.location.href,
      }));
      expect(exposure).toEqual({
        node: 'undefined',
        bridge: ['invoke', 'onEvent', 'shell'],
        shell: ['onCommand', 'onQuitRequested', 'openDroppedFile', 'platform', 'setCommandStates'],
        origin: 'app://tandem/index.html',
      });
      await app.close();

      app = await launch();
      page = await app.firstWindow();
      await expect(page.locator(`.ag-row:not(.ag-row-pinned)[row-id="${rowId}"] [col-id="p0"]`)).toHaveText('4,321.09');
      await app.close();
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });

  test('draws the native menu from the command table, with accelerators, disabled until the page says otherwise', async () => {
    prepareNativeModulesForElectron(projectRoot);
    const userData = mkdtempSync(join(tmpdir(), 'tandem-electron-'));
    try {
      const app = await electron.launch({ executablePath: binary ?? '', args: [projectRoot], env: { ...process.env, TANDEM_USER_DATA: userData } });
      const page = await app.firstWindow();
      await expect(page.getByTestId('workbook-name')).toHaveText('Harbor Instruments — FY2027 Budget');
      const menu = await app.evaluate(({ Menu }) => {
        const items = (Menu.getApplicationMenu()?.items ?? []).map((top) => ({ label: top.label, items: (top.submenu?.items ?? []).map((item) => ({ id: item.id, label: item.label, accelerator: item.accelerator ?? null, enabled: item.enabled })) }));
        return items;
      });
      const labels = menu.map((top) => top.label.replace('&', ''));
      expect(labels.slice(-7)).toEqual(['File', 'Edit', 'View', 'Data', 'Proposals', 'Window', 'Help']);
      const all = menu.flatMap((top) => top.items);
      expect(all.find((item) => item.id === 'data.add-line')?.accelerator).toBe('CmdOrCtrl+Shift+L');
      expect(all.find((item) => item.id === 'edit.copy')?.enabled).toBe(true);
      // The renderer reports its command states; the menu follows (rebuilt within ~50 ms).
      await expect.poll(async () => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('file.open')?.enabled ?? null)).toBe(true);
      await app.close();
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });

  test('opens the workbook named on the command line, and a second launch hands its file to the running window', async () => {
    prepareNativeModulesForElectron(projectRoot);
    const userData = mkdtempSync(join(tmpdir(), 'tandem-electron-'));
    const env = { ...process.env, TANDEM_USER_DATA: userData };
    try {
      // A first run makes the sample; copy it to two workbooks of our own.
      let app = await electron.launch({ executablePath: binary ?? '', args: [projectRoot], env });
      await expect((await app.firstWindow()).getByTestId('workbook-name')).toHaveText('Harbor Instruments — FY2027 Budget');
      await app.close();
      const workbooks = join(userData, 'workbooks');
      const sample = join(workbooks, readdirSync(workbooks).find((name) => name.endsWith('.tandem')) ?? '');
      const first = join(userData, 'First.tandem');
      const second = join(userData, 'Second.tandem');
      copyFileSync(sample, first);
      copyFileSync(sample, second);

      app = await electron.launch({ executablePath: binary ?? '', args: [projectRoot, first], env });
      const page = await app.firstWindow();
      await expect.poll(() => page.evaluate(async () => ((await (window as unknown as { tandem: { invoke(m: string, i: unknown): Promise<{ ok: boolean; value: { current: { path: string } | null } }> } }).tandem.invoke('workbook/get-session', {})).value.current?.path ?? null))).toBe(first);

      // A second launch with another file: it exits at once, and the running window opens the file.
      const secondLaunch = spawn(binary ?? '', [projectRoot, second], { env, stdio: 'ignore' });
      const exitCode = await new Promise<number | null>((resolve) => secondLaunch.on('exit', resolve));
      expect(exitCode).toBe(0);
      await expect.poll(() => page.evaluate(async () => ((await (window as unknown as { tandem: { invoke(m: string, i: unknown): Promise<{ ok: boolean; value: { current: { path: string } | null } }> } }).tandem.invoke('workbook/get-session', {})).value.current?.path ?? null))).toBe(second);
      expect(app.windows()).toHaveLength(1);
      await app.close();
      // The window's place was remembered.
      expect(existsSync(join(userData, 'window-state.json'))).toBe(true);
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
