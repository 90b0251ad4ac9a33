import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running browser host over its own data folder (empty by default but for the user's name: a first run with the sample). */
export interface RunningHost {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const START_SCRIPT = join(__dirname, '..', '..', '..', 'dist', 'back', 'start.js');

/** The name e2e hosts act under unless a test starts with none (the approval tests' approver). */
export const E2E_USER = 'Ana Controller';

/**
 * Writes the user's name into the app settings of `dataDir` (keeping what else is there), as
 * if the user had answered the first-run prompt: a test that is not about the prompt starts
 * past it. Used by the bench too.
 */
export function presetUserName(dataDir: string, userName: string): void {
  const file = join(dataDir, 'settings.json');
  const settings: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ ...(typeof settings === 'object' && settings !== null ? settings : {}), userName }));
}

/** Starts a host; `userName` null starts it with no name chosen, as a newcomer's first start (the prompt shows). */
export async function startHost(dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-')), options: { userName?: string | null } = {}): Promise<RunningHost> {
  const userName = options.userName === undefined ? E2E_USER : options.userName;
  if (userName !== null) presetUserName(dataDir, userName);
  const child: ChildProcess = spawn(process.execPath, [START_SCRIPT, '--browser', '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The browser host did not start in time:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The browser host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}
