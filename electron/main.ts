import { app, BrowserWindow, dialog, Menu, protocol, screen, session as electronSession, shell } from 'electron';
import { basename, join } from 'node:path';
import { buildHandlerTable, DOMAINS } from './api/handler-table';
import { BackSession } from './app/back-session';
import { CONTENT_SECURITY_POLICY } from '../shared/security/content-security-policy';
import type { CommandStates } from '../shared/commands/command-table';
import { registerIpcTransport, registerShellChannels, type ShellChannels } from './transport/ipc';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponse, isRendererUrl, RENDERER_URL } from './shell/app-scheme';
import { debounce } from './shell/debounce';
import { isAllowedExternal } from './shell/external-links';
import { FileOpenQueue, isWorkbookFile, workbookFromArgv, workbookFromSecondInstance } from './shell/file-to-open';
import { menuTemplate } from './shell/menu-template';
import { createNativeDialogs } from './shell/native-dialogs';
import { platformOf } from './shell/platform';
import { createQuitSequence, settleWithin } from './shell/quit-sequence';
import { MIN_SIZE, readWindowState, restoredWindowState, windowStatePath, writeWindowState } from './shell/window-state';

// Main only wires Electron to plain functions (electron/shell/, each with unit tests): the menu
// template, the file to open, the window's bounds, the app:// scheme, the quit sequence.

// The bundle lives in dist/back/; the renderer build in dist/renderer/, served as app://tandem/.
const rendererFolder = join(__dirname, '..', 'renderer');
const platform = platformOf(process.platform);
const dataOverride = process.env.TANDEM_USER_DATA;

app.enableSandbox();
// Before 'ready': the app scheme is standard (relative URLs, 'self') and secure; no CSP bypass.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// A test run's data folder is also Chromium's profile and the single-instance lock's scope.
if (dataOverride !== undefined) app.setPath('userData', dataOverride);

const appPath = app.getAppPath();
const opens = new FileOpenQueue();
/** shows and focuses the window, once there is one */
let bringForward: (() => void) | null = null;
const launchedWith = workbookFromArgv(process.argv, { cwd: process.cwd(), appPath });

if (!app.requestSingleInstanceLock({ workbook: launchedWith })) {
  // Another Tandem runs for this user: it got our file (second-instance) and shows its window.
  app.exit(0);
} else {
  if (launchedWith !== null) opens.request(launchedWith);
  // A second launch hands over its file (opened in this window) or just brings the window forward.
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const path = workbookFromSecondInstance(argv, workingDirectory, additionalData, { appPath });
    if (path !== null) opens.request(path);
    else bringForward?.();
  });
  // macOS: a double-clicked workbook arrives here, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (isWorkbookFile(path)) opens.request(path);
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app
    .whenReady()
    .then(startApp)
    .catch((error: unknown) => {
      // Say why in a window, not only in a log nobody reads.
      const reason = error instanceof Error ? error.message : String(error);
      console.error('Tandem could not start:', error);
      dialog.showErrorBox('Tandem could not start', reason);
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
}

function hardenSession(): void {
  const session = electronSession.defaultSession;
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // No permission is ever granted, whether asked for (request) or merely checked (check).
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await appResponse(request.url, rendererFolder);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}

async function startApp(): Promise<void> {
  hardenSession();
  const userData = app.getPath('userData');
  const back = new BackSession({
    userData,
    workbooks: dataOverride !== undefined ? join(dataOverride, 'workbooks') : join(app.getPath('documents'), 'Tandem'),
  });
  back.onOpened = (path) => app.addRecentDocument(path);
  const requested = opens.take();
  const startUpFailure = back.startUp(requested);
  const table = buildHandlerTable(DOMAINS);

  // The window opens where it was left, if that place is still on a screen.
  const stateFile = windowStatePath(userData);
  const restored = restoredWindowState(
    readWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...restored.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
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
  if (restored.maximized) window.maximize();
  const saveWindowState = debounce(() => {
    if (window.isDestroyed()) return;
    try {
      writeWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      console.warn(`Tandem: could not remember the window's place: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, 500);
  window.on('resize', () => saveWindowState());
  window.on('move', () => saveWindowState());

  // The native menu, rebuilt (at most every 50 ms) when the page reports what is enabled.
  let commandStates: CommandStates = {};
  let channels: ShellChannels | null = null;
  const rebuildMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(platform, commandStates, (id) => channels?.sendCommand(id))));
  const rebuildMenuSoon = debounce(rebuildMenu, 50);
  rebuildMenu();

  const showWindow = () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  bringForward = showWindow;

  // Files from outside, one at a time: the page finishes its writes, then the back opens the file.
  let opening: Promise<void> = Promise.resolve();
  const openFromOutside = (path: string) => {
    opening = opening.then(async () => {
      if (channels !== null) await settleWithin(channels.finishWrites(), 5_000);
      try {
        back.openFromOutside(path);
      } catch (error) {
        if (!window.isDestroyed()) await dialog.showMessageBox(window, { type: 'error', message: `Tandem could not open ${basename(path)}`, detail: error instanceof Error ? error.message : String(error) });
      }
    });
    showWindow();
  };

  const unregister = registerIpcTransport({ session: back, table, window: window.webContents, isRendererUrl });
  channels = registerShellChannels({
    window: window.webContents,
    isRendererUrl,
    onCommandStates: (states) => {
      commandStates = states;
      rebuildMenuSoon();
    },
    onDroppedPath: (path) => {
      if (isWorkbookFile(path)) openFromOutside(path);
    },
  });
  back.nativeDialogs = createNativeDialogs({
    showOpen: (options) => dialog.showOpenDialog(window, options),
    showSave: (options) => dialog.showSaveDialog(window, options),
  });
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

  // No navigation away from our page and no new windows; only the help pages open, in the system browser.
  window.webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (isAllowedExternal(url)) void shell.openExternal(url);
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  // Quitting (the menu, Cmd+Q, closing the window) waits for the page's writes, then closes the workbook.
  const quit = createQuitSequence({
    finishWrites: () => channels?.finishWrites() ?? Promise.resolve(),
    shutDown: () => {
      saveWindowState();
      saveWindowState.flush();
      rebuildMenuSoon.cancel();
      channels?.unregister();
      unregister();
      back.shutDown();
    },
    exit: () => app.exit(0),
    warn: (message) => console.warn(message),
  });
  app.on('before-quit', (event) => quit.beforeQuit(event));
  window.on('close', (event) => {
    saveWindowState();
    saveWindowState.flush();
    quit.windowClose(event);
  });

  window.once('ready-to-show', () => window.show());
  await window.loadURL(RENDERER_URL);
  if (startUpFailure !== null && requested !== null) {
    void dialog.showMessageBox(window, { type: 'error', message: `Tandem could not open ${basename(requested)}`, detail: startUpFailure });
  }
  // From now on, files asked for from outside open in this window.
  opens.attach(openFromOutside);
}
