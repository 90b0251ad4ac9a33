import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethods } from '../../../shared/api/contract';
import { startRunningHost, type RunningHost } from '../transport/running-host';
import { jsonOf, malformedInputs, type Mutation } from './malformed-inputs/mutations';
import { specimenOf } from './malformed-inputs/specimen';
import { contentOf, rowsWrittenBy, stateOf } from './workbook-fingerprint';

/**
 * Property: for every method of the contract, an input made malformed at one place (a wrong type,
 * a missing or extra field, a huge or non-finite number, a numeric string with junk, a prototype
 * key, a NUL character, a very long string, a nested null) is answered over the real browser host
 * with a 4xx and a clear message, never a 5xx or an internal error, and changes nothing: not the
 * workbook's revision, not its content, not the files, not the app's settings.
 */
const RUNS_PER_METHOD = 40;
const SEED = 20261203;

/** Messages that would not help a user: a leak of the machinery. */
const UNCLEAR = /undefined|\[object |TypeError|ReferenceError|SyntaxError|Cannot read|is not a function|ERR_|\n\s+at /;

interface Answer {
  ok: boolean;
  error?: { code: string; message: string; where?: string };
}

let host: RunningHost;
let dataDir: string;
/** the workbook's content after the last method: each method's malformed inputs must leave it so */
let content: string;
/** the content as it is now, and the count of rows written when it was taken */
const known = { content: '', rowsWritten: null as number | null };

/** Whether a call changed the workbook's rows: the content is hashed again only when rows were written, rolled back or not. */
function rowsChanged(): boolean {
  const rowsWritten = rowsWrittenBy(host.session);
  if (rowsWritten === known.rowsWritten) return false;
  const now = contentOf(host.session);
  const changed = now !== known.content;
  Object.assign(known, { content: now, rowsWritten });
  return changed;
}
/** what the runs did, for the README: methods, inputs sent, refused as invalid, values the schema took that the back handled */
const tally = { methods: 0, runs: 0, malformed: 0, refused: 0, probesTaken: 0 };

beforeAll(async () => {
  // One back for all the methods: a folder that outlives each test, removed after all of them.
  dataDir = mkdtempSync(join(tmpdir(), 'tandem-fuzz-'));
  host = await startRunningHost(dataDir);
  content = contentOf(host.session);
  Object.assign(known, { content, rowsWritten: rowsWrittenBy(host.session) });
}, 60_000);
afterAll(async () => {
  console.info(`Malformed API inputs: ${tally.methods} methods, ${tally.runs} runs (${tally.malformed} malformed at their place, ${tally.refused} refused as invalid input), ${tally.probesTaken} extreme values taken by their schema and handled.`);
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What went wrong with one call, or null when it was answered as it must be. */
function problemOf(mutation: Mutation, status: number, answer: Answer, changed: boolean): string | null {
  if (status >= 500 || answer.error?.code === 'internal') return `answered ${status} ${answer.error?.code ?? ''}: ${answer.error?.message ?? ''}`;
  if (!answer.ok) {
    if (status < 400 || status >= 500) return `refused with HTTP ${status}`;
    const message = answer.error?.message ?? '';
    if (message.length < 12 || UNCLEAR.test(message)) return `refused with an unclear message: ${JSON.stringify(message)}`;
    if (changed) return `refused (${message}) but changed the workbook or the files`;
    if (mutation.malformed && answer.error?.code !== 'invalid-input') return `refused as ${answer.error?.code ?? '?'}, not as invalid input: ${message}`;
    return null;
  }
  if (mutation.malformed) return 'accepted an input its schema refuses';
  return null;
}

describe('malformed inputs to every API method (fast-check, over the browser host)', () => {
  const names = Object.keys(apiMethods) as (keyof typeof apiMethods)[];

  it('derives a valid input of every method from its schema, to make malformed ones from', () => {
    const underived = names.filter((name) => specimenOf(apiMethods[name].input) === null || specimenOf(apiMethods[name].input, true) === null);
    expect(underived).toEqual([]);
  });

  it.each(names)('%s refuses malformed inputs with a 4xx and a clear message, changing nothing', async (name) => {
    const specimen = specimenOf(apiMethods[name].input);
    const full = specimenOf(apiMethods[name].input, true);
    if (specimen === null || full === null) throw new Error(`no valid input of ${name} could be derived from its schema`);
    const problems: string[] = [];
    let malformed = 0;
    let taken = 0;
    await fc.assert(
      // Around the simplest valid input and around one with every optional field given.
      fc.asyncProperty(fc.oneof(malformedInputs(specimen), malformedInputs(full)), async (mutation) => {
        rowsChanged();
        const before = stateOf(host.session, dataDir);
        const { status, answer } = await host.post(jsonOf({ method: name, input: mutation.input }), { raw: true });
        const { ok, error } = answer as Answer;
        const changed = stateOf(host.session, dataDir) !== before || rowsChanged();
        const problem = problemOf(mutation, status, answer as Answer, changed);
        if (problem !== null) problems.push(`${mutation.kind} at ${mutation.path.join('.') || 'input'} (${jsonOf(mutation.input).slice(0, 160)}): ${problem}`);
        tally.runs += 1;
        if (mutation.malformed) malformed += 1;
        if (!ok && error?.code === 'invalid-input') tally.refused += 1;
        if (ok) taken += 1;
      }),
      { seed: SEED, numRuns: RUNS_PER_METHOD },
    );
    tally.methods += 1;
    tally.malformed += malformed;
    tally.probesTaken += taken;
    expect(problems).toEqual([]);
    expect(malformed).toBeGreaterThan(0);
    // A value its schema takes (a weight of 10^18) may change the workbook; nothing else may.
    const after = contentOf(host.session);
    if (taken === 0) expect(after).toBe(content);
    content = after;
  });
});
