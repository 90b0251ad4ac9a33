import { Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/api/errors';
import type { ExportJob } from '../export/export-job';
import { refuse, type ImportLimits } from './import-limits';
import type { ImportSource } from './import-source';
import type { ReadJob, ReadMessage } from './import-worker';
import { TableCollector, type ImportTable } from './read-table';

/** The reader's own heap: what it holds is a batch and the parser's buffers; a file that needs more is refused, the back lives on. */
const WORKER_HEAP_MB = 128;
/** How often a cancel is looked at while the reader has no rows to give (an XLSX reads its shared strings first). */
const CANCEL_CHECK_MS = 200;

/** Progress of an inspect: reading is most of it. */
const readingFraction = (fraction: number) => 0.05 + 0.85 * fraction;

/**
 * Reads a file into a table in a worker thread (`script` is the bundled import-worker.js): the
 * back's thread only collects the batches of rows the worker posts, so every other call is
 * answered meanwhile. A cancel (through `job`) terminates the worker.
 */
export function readInWorker(script: string, name: string, source: ImportSource, limits: ImportLimits, job: ExportJob): Promise<ImportTable> {
  const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const collector = new TableCollector();
  return new Promise<ImportTable>((resolve, reject) => {
    let settled = false;
    let fraction = 0;
    let chain = Promise.resolve();
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      void worker.terminate();
      outcome();
    };
    const fail = (error: unknown) => finish(() => reject(error));
    const handle = async (message: ReadMessage) => {
      if (settled) return;
      if (message.kind === 'header') collector.header(message.headers);
      else if (message.kind === 'restart') collector.restart();
      else if (message.kind === 'failed') fail(ApiError.fromData(message.error));
      else if (message.kind === 'done') finish(() => resolve(collector.table(message.meta)));
      else {
        fraction = message.fraction;
        await collector.packedRows(message.rows, message.rowNumbers, fraction);
        await job.step(readingFraction(fraction), 'Reading the file');
      }
    };
    // Messages are taken one at a time, in order: a batch waits for the one before it.
    const enqueue = (work: () => Promise<void>) => {
      chain = chain.then(work).catch(fail);
    };
    const timer = setInterval(() => enqueue(async () => (settled ? undefined : job.step(readingFraction(fraction), 'Reading the file'))), CANCEL_CHECK_MS);
    worker.on('message', (message: ReadMessage) => enqueue(() => handle(message)));
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        try {
          refuse(name, `reading it takes more than the ${WORKER_HEAP_MB} MB an import may use (a workbook with very many distinct texts?).`);
        } catch (refusal) {
          fail(refusal);
        }
        return;
      }
      fail(new ApiError('internal', `Reading ${name} failed: ${error.message}`, name));
    });
    // Behind the messages the worker posted before it stopped: a worker that ends after its 'done' has done its part.
    worker.once('exit', (code) => enqueue(async () => fail(new ApiError('internal', `Reading ${name} stopped unexpectedly (exit code ${code}). Try again.`, name))));
    worker.postMessage({ name, source, limits } satisfies ReadJob);
  });
}
