import { app, BrowserWindow, dialog, session as electronSession, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildHandlerTable, DOMAINS } from './api/handler-table';
import { BackSession } from './app/back-session';
import { CONTENT_SECURITY_POLICY } from '../shared/security/content-security-policy';
import { registerIpcTransport } from './transport/ipc';

// The bundle lives in dist/back/; the renderer build in dist/renderer/.
const rendererFolder = join(__dirname, '..', 'renderer');
const rendererUrl = pathToFileURL(join(rendererFolder, 'index.html')).toString();

app.enableSandbox();

async function createMainWindow(): Promise<void> {
  const back = new BackSession({
    userData: process.env.TANDEM_USER_DATA ?? app.getPath('userData'),
    workbooks: process.env.TANDEM_USER_DATA !== undefined ? join(process.env.TANDEM_USER_DATA, 'workbooks') : join(app.getPath('documents'), 'Tandem'),
  });
  back.startUp();
  const table = buildHandlerTable(DOMAINS);

  electronSession.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Tandem',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const unregister = registerIpcTransport({ session: back, table, window: window.webContents, rendererUrl });
  // The report is printed from the window that shows it, by Chromium's own print engine.
  back.pdfPrinter = () =>
    window.webContents.printToPDF({
      landscape: true,
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#666"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      margins: { top: 0.4, bottom: 0.5, left: 0.4, right: 0.4 },
    });
  // No navigation away from our page and no new windows; links open in the system browser.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    unregister();
    back.shutDown();
  });
  await window.loadURL(rendererUrl);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app
  .whenReady()
  .then(createMainWindow)
  .catch((error: unknown) => {
    // Say why in a window, not only in a log nobody reads.
    const reason = error instanceof Error ? error.message : String(error);
    console.error('Tandem could not start:', error);
    dialog.showErrorBox('Tandem could not start', reason);
    app.exit(1);
  });

app.on('window-all-closed', () => app.quit());
