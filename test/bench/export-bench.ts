import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleWorkbookSeed } from '../../electron/sample/sample-workbook';
import { WorkbookStore } from '../../electron/store/workbook-store';
import { BENCH_USER } from './bench-session';
import type { BenchRow } from './bench-table';

// The bench runs from the project root (npm run bench), which builds the back into dist/back.
const START_SCRIPT = join(process.cwd(), 'dist', 'back', 'start.js');
const RUNS = 3;

/** A line of /proc/PID/status in MB (Linux); null elsewhere. */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

/**
 * The host's peak resident memory while `body` runs, in MB: the kernel's high-water mark, reset
 * first through clear_refs (it sees every thread at any moment), and samples every 5 ms.
 */
async function hostPeakDuring(pid: number, body: () => Promise<unknown>): Promise<number> {
  let sampled = statusMb(pid, 'VmRSS') ?? 0;
  const timer = setInterval(() => (sampled = Math.max(sampled, statusMb(pid, 'VmRSS') ?? 0)), 5);
  let kernel = false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    kernel = true;
  } catch {
    // No high-water mark to reset here: the samples alone.
  }
  try {
    await body();
  } finally {
    clearInterval(timer);
  }
  return Math.max(sampled, kernel ? (statusMb(pid, 'VmHWM') ?? 0) : 0);
}

/** A browser host over `dataDir` (its settings reopen the workbook), as `npm start -- --browser` runs it; answers its API. */
async function startHost(dataDir: string): Promise<{ host: ChildProcess; call: (method: string, input: unknown) => Promise<Record<string, unknown>> }> {
  const host = spawn(process.execPath, [START_SCRIPT, '--browser', '--no-open', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<URL>((resolve, reject) => {
    let output = '';
    host.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve(new URL(match[1]));
    });
    host.once('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)));
  });
  const token = url.searchParams.get('token') ?? '';
  const call = async (method: string, input: unknown) => {
    const response = await fetch(new URL('/api/invoke', url.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tandem-token': token, origin: url.origin },
      body: JSON.stringify({ method, input }),
    });
    const answer = (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };
    if (!answer.ok) throw new Error(`${method}: ${answer.error?.message ?? response.status}`);
    return answer.value ?? {};
  };
  return { host, call };
}

/**
 * XLSX and CSV exports of the 10,000 x 36 workbook, and its CSV imported back, through the API of
 * a fresh browser host (the real back: bundled, reading imports in its worker thread) that has
 * only this workbook open, read once as the UI reads it on opening. Memory is the host's own
 * (from /proc), not the bench process's: its resident size at rest, and its peak in each run.
 */
export async function benchExports(folder: string, lines: number): Promise<BenchRow[]> {
  const tag = `${lines.toLocaleString('en-US')} x 36`;
  if (!existsSync(START_SCRIPT)) {
    console.log('Export measures skipped: run `npm run build` first.');
    return [];
  }
  const path = join(folder, 'export-bench.tandem');
  WorkbookStore.create(path, sampleWorkbookSeed({ lineCount: lines, calendar: { startYear: 2027, startMonth: 1, periodCount: 36 }, name: `Bench ${tag}` }), 'bench').close();
  const dataDir = join(folder, 'export-host');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ recentFiles: [path], lastOpened: path, sampleOffered: true, userName: BENCH_USER }));
  const { host, call } = await startHost(dataDir);
  const pid = host.pid ?? 0;
  const rows: BenchRow[] = [];
  try {
    const versions = (await call('version/list', {})).versions as { id: number }[];
    const versionId = versions[0]?.id ?? 1;
    // The sheet read as the UI reads it on opening: compact since issue 14, the whole model before.
    await call('sheet/read-sheet', { versionId: null }).catch(() => call('sheet/get-sheet', { versionId }));
    const rest = statusMb(pid, 'VmRSS');
    if (rest !== null) rows.push({ measure: `[${tag}] RSS of the back (a fresh browser host) with only this workbook open and read once`, samples: [rest], target: '< 250 MB', unit: 'MB' });
    const measure = async (label: string, body: () => Promise<unknown>, target: string, peakTarget: string) => {
      const times: number[] = [];
      const peaks: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const started = performance.now();
        peaks.push(await hostPeakDuring(pid, body));
        times.push(performance.now() - started);
      }
      rows.push({ measure: `[${tag}] ${label}`, samples: times, target });
      rows.push({ measure: `[${tag}] ${label}: peak RSS of the back (median of ${RUNS})`, samples: peaks, target: peakTarget, unit: 'MB' });
    };
    let csvFile = '';
    await measure('XLSX export (formulas, cover, proposals), written safely', () => call('export/xlsx', { versionId, fileName: 'bench.xlsx', includeProposals: true, includeAudit: false }), '< 2 s', '< 300 MB');
    const csv = async () => {
      csvFile = String((await call('export/csv', { versionId, fileName: 'bench.csv', layout: 'long' })).path);
    };
    await measure('CSV export, long (360,000 records), written safely', csv, '< 1 s', '-');
    const target = { kind: 'version', versionId };
    // The same CSV back: read in the host's worker, map, check every record, commit (nothing changes: the import is idempotent).
    const reimport = async () => {
      const inspected = await call('import/inspect', { source: { path: csvFile }, target });
      await call('import/commit', { token: inspected.token, mapping: { columns: inspected.suggested, decimalSeparator: '.' }, target });
    };
    await measure('import the same CSV back (read, map, check 360,000 records, commit)', reimport, '< 1 s', `< ${Math.round((rest ?? 0) + 400)} MB (400 above rest)`);
    const after = statusMb(pid, 'VmRSS');
    if (after !== null) rows.push({ measure: `[${tag}] RSS of the back after these exports and imports`, samples: [after], target: '-', unit: 'MB' });
  } finally {
    host.kill();
  }
  return rows;
}
