import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { serveBrowserApp } from './host/serve';
import { findElectronBinary, prepareNativeModulesForElectron } from './launch/electron-runtime';

/**
 * `npm start`: runs Tandem in Electron when its runtime binary is installed (trying once to
 * fetch it), and otherwise serves the same app to a browser from 127.0.0.1.
 *   --browser        use the browser host even when Electron is there
 *   --no-open        only print the address; do not open a browser
 *   --data-dir DIR   keep settings and workbooks in DIR (default: the user's folders)
 *   --port N         listen on N (default: a free port)
 */
const projectRoot = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser to open: the printed address is enough.
  }
}

async function main(): Promise<void> {
  const dataDir = option('--data-dir');
  const binary = flag('--browser') ? null : findElectronBinary(projectRoot, { download: true });
  let nativeReady = binary !== null;
  if (binary !== null) {
    try {
      prepareNativeModulesForElectron(projectRoot);
    } catch (error) {
      nativeReady = false;
      console.log(`Tandem: ${error instanceof Error ? error.message : String(error)} Serving Tandem in your browser instead.`);
    }
  }
  if (binary !== null && nativeReady) {
    const env = { ...process.env, ...(dataDir === undefined ? {} : { TANDEM_USER_DATA: dataDir }) };
    const child = spawn(binary, [projectRoot], { stdio: 'inherit', env });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!flag('--browser') && binary === null) {
    console.log('Tandem: the Electron runtime is not installed on this machine (it could not be downloaded), so Tandem runs in your browser instead.');
  }
  const port = option('--port');
  const { host, stop } = await serveBrowserApp({
    rendererFolder: join(projectRoot, 'dist', 'renderer'),
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(port === undefined ? {} : { port: Number(port) }),
  });
  console.log(`Tandem is running at ${host.url}`);
  if (!flag('--no-open')) openInBrowser(host.url);
  const shutDown = () => {
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);
}

main().catch((error: unknown) => {
  console.error(`Tandem could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
