import { chromium, type BrowserContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserOnThisMachine } from '../support/browser-path';

export const CHROMIUM = browserOnThisMachine() ?? '/usr/bin/chromium';
// The bench runs from the project root (npm run bench), bundled into dist/bench/.
export const START_SCRIPT = join(process.cwd(), 'dist', 'back', 'start.js');

/** The sheet's first budget line: below its division, department and account-type group rows. */
export const FIRST_LINE = '.ag-row[row-id]:not(.ag-row-pinned):not([row-id^="g:"])';

/** Why the browser measures cannot run here, or null when they can. */
export function browserMissing(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(START_SCRIPT)) return 'run `npm run build` first';
  return null;
}

/** A process's resident memory in MB, from /proc (Linux); null elsewhere. */
export function residentMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

/** A browser host over `dataDir` whose settings reopen `workbook` as the bench's named user. */
export interface BenchHost {
  process: ChildProcess;
  url: string;
  stop(): void;
}

export async function startBenchHost(dataDir: string, workbook: string): Promise<BenchHost> {
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ recentFiles: [workbook], lastOpened: workbook, sampleOffered: true, userName: 'Bench User' }));
  const host = spawn(process.execPath, [START_SCRIPT, '--browser', '--no-open', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    host.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    host.once('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)));
  });
  return { process: host, url, stop: () => host.kill('SIGTERM') };
}

/** Headless Chromium as the benches run it: no GPU, nothing in the background. */
const BENCH_BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];

/**
 * A browser window with a profile of its own, as a user's browser (or Electron's session) has:
 * it keeps V8's compiled code of the app's files between opens. Playwright's usual contexts are
 * incognito and keep none, which made every reopen compile the app again (about 0.7 s of the
 * 10,000-line open, measured side by side). The profile starts empty, so the first open pays
 * for everything; `close` removes it.
 */
export async function openBenchWindow(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'tandem-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: BENCH_BROWSER_ARGS, viewport: { width: 1440, height: 900 } });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
