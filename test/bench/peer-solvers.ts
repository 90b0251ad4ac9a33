import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

/**
 * GLPK's glpsol and COIN-OR's cbc, run on the same LP text as Tandem's optimizer so the bench can
 * print their times beside ours. They are the bench's tools, never the app's: installed here
 * (Debian packages glpk-utils and coinor-cbc) when missing and the bench runs as root.
 */
export type PeerName = 'glpsol' | 'cbc' | 'cbc, 2 threads';

/** One peer run: wall time (spawn to exit, reading the LP included, as Tandem's includes building it) and what it found. */
export interface PeerRun {
  seconds: number;
  /** the best objective it reports, or null when it found none */
  objective: number | null;
  /** it stopped because it met the gap asked for (0: proved the optimum), not at the time limit */
  finished: boolean;
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** Which peers can run, installing them when missing and allowed; the reason when they cannot. */
export function ensurePeers(): { ok: true } | { ok: false; reason: string } {
  if (onPath('glpsol') && onPath('cbc')) return { ok: true };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'glpsol or cbc is missing and the bench is not root to install glpk-utils and coinor-cbc' };
  console.log('  installing the peers (apt-get install glpk-utils coinor-cbc)…');
  const install = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq glpk-utils coinor-cbc'], { stdio: 'ignore', timeout: 600_000 });
  if (install.status !== 0 || !onPath('glpsol') || !onPath('cbc')) return { ok: false, reason: 'apt-get install glpk-utils coinor-cbc failed' };
  return { ok: true };
}

function timed(command: string, args: string[], limitSeconds: number): { seconds: number; killed: boolean; log: string } {
  const started = performance.now();
  // The solvers' own limits stop them; the kill is for one that ignores its limit (it must not hang the bench).
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: (limitSeconds + 30) * 1000 });
  return { seconds: (performance.now() - started) / 1000, killed: run.signal !== null, log: run.stdout };
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } finally {
    rmSync(path, { force: true });
  }
}

/** glpsol --cpxlp: the status and objective from its printable solution (-o). */
export function runGlpsol(lpPath: string, relativeGap: number, limitSeconds: number): PeerRun {
  const out = `${lpPath}.glpsol.txt`;
  const run = timed('glpsol', ['--cpxlp', lpPath, '--mipgap', String(relativeGap), '--tmlim', String(limitSeconds), '-o', out], limitSeconds);
  const text = run.killed ? '' : readOrEmpty(out);
  const objective = /Objective:\s+\S+\s+=\s+(-?[\d.eE+-]+)/.exec(text)?.[1];
  // Stopping at the gap asked for reads "INTEGER NON-OPTIMAL" in the file; the log says why it stopped.
  const finished = /INTEGER OPTIMAL SOLUTION FOUND|RELATIVE MIP GAP TOLERANCE REACHED/.test(run.log);
  return { seconds: run.seconds, objective: objective === undefined ? null : Number(objective), finished };
}

/** cbc: the first line of its solution file says "Optimal - objective value …" or why it stopped. */
export function runCbc(lpPath: string, relativeGap: number, limitSeconds: number, threads = 1): PeerRun {
  const out = `${lpPath}.cbc.txt`;
  const run = timed('cbc', [lpPath, 'sec', String(limitSeconds), 'ratio', String(relativeGap), 'threads', String(threads), 'solve', 'solu', out], limitSeconds);
  const first = run.killed ? '' : (readOrEmpty(out).split('\n')[0] ?? '');
  const objective = /objective value\s+(-?[\d.eE+-]+)/.exec(first)?.[1];
  return { seconds: run.seconds, objective: objective === undefined ? null : Number(objective), finished: first.startsWith('Optimal') };
}
