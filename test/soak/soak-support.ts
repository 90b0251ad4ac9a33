import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiResponse } from '../../shared/api/errors';

/** The soak's seeded random source: the sample's generator (mulberry32), so a seed drives the same stream of calls. */
export { seededRandom } from '../../electron/sample/seeded-random';

/** An answer the back gave (ok or refused), or none at all: the call was cut off by the kill. */
export type CallOutcome<T> = { kind: 'answered'; response: ApiResponse<T> } | { kind: 'cut-off'; reason: string };

/** The back as a user's app runs it: `node dist/back/start.js --browser` over its data folder, driven over HTTP. */
export interface SoakBack {
  child: ChildProcess;
  origin: string;
  token: string;
  call<T>(method: string, input: unknown): Promise<CallOutcome<T>>;
  kill(): Promise<void>;
}

export async function startBack(startScript: string, dataDir: string): Promise<SoakBack> {
  const child = spawn(process.execPath, [startScript, '--browser', '--no-open', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<URL>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The back did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(new URL(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The back exited at start (${code ?? signal ?? 'unknown'}):\n${output}`));
    });
  });
  // Keep draining its output so a chatty back never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  const token = url.searchParams.get('token') ?? '';
  const origin = url.origin;
  return {
    child,
    origin,
    token,
    async call<T>(method: string, input: unknown): Promise<CallOutcome<T>> {
      try {
        const response = await fetch(`${origin}/api/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, 'x-tandem-token': token },
          body: JSON.stringify({ method, input }),
        });
        return { kind: 'answered', response: (await response.json()) as ApiResponse<T> };
      } catch (error) {
        return { kind: 'cut-off', reason: error instanceof Error ? error.message : String(error) };
      }
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Names of Tandem's temporary export files (`.NAME.xxxxxxxx.partial`) in a folder. */
export function temporaryFilesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((name) => /^\..+\.[0-9a-f]{8}\.partial$/.test(name));
}

/** Why an exported XLSX at `path` is not a whole zip (end record, central directory where it says), or null when it is whole. */
export function incompleteXlsx(path: string): string | null {
  const bytes = readFileSync(path);
  const from = Math.max(0, bytes.length - 65_557);
  for (let at = bytes.length - 22; at >= from; at -= 1) {
    if (bytes.readUInt32LE(at) !== 0x06054b50) continue;
    const directorySize = bytes.readUInt32LE(at + 12);
    const directoryOffset = bytes.readUInt32LE(at + 16);
    if (directoryOffset + directorySize !== at) return `its central directory (${directoryOffset} + ${directorySize}) does not end at its end record (${at})`;
    if (bytes.readUInt32LE(directoryOffset) !== 0x02014b50) return 'its central directory does not start where the end record says';
    return null;
  }
  return 'it has no zip end record (cut off)';
}

/** Why an exported long CSV at `path` is not whole (a cut record, a record of the wrong width), or null when it is. */
export function incompleteCsv(path: string, expectedRecords: number | null): string | null {
  const text = readFileSync(path, 'utf8');
  if (!text.endsWith('\r\n')) return 'it does not end with a whole record';
  const records = text.slice(0, -2).split('\r\n');
  if (expectedRecords !== null && records.length !== expectedRecords) return `it has ${records.length} records where the version has ${expectedRecords}`;
  return null;
}

/** Destinations in the exports folder (not temporary files) that are not whole files. */
export function partialDestinations(folder: string, csvRecords: number | null): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    if (name.startsWith('.')) continue;
    const path = join(folder, name);
    if (!statSync(path).isFile()) continue;
    const reason = name.endsWith('.xlsx') ? incompleteXlsx(path) : name.endsWith('.csv') ? incompleteCsv(path, csvRecords) : null;
    if (reason !== null) found.push(`${name}: ${reason}`);
  }
  return found;
}
