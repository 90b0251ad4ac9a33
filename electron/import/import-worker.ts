import { parentPort } from 'node:worker_threads';
import { ApiError, type ApiErrorData } from '../../shared/api/errors';
import type { ImportLimits } from './import-limits';
import type { ImportSource } from './import-source';
import { packRows, type PackedRows } from './packed-rows';
import { readTableInto } from './read-table';
import type { TableMeta, TableSink } from './table-sink';

/** A file to read: its name (which says CSV or XLSX), where its bytes are, and the limits. */
export interface ReadJob {
  name: string;
  source: ImportSource;
  limits: ImportLimits;
}

/** What the worker tells the back as it reads, in order. */
export type ReadMessage =
  | { kind: 'header'; headers: string[] }
  | { kind: 'rows'; rows: PackedRows; rowNumbers: number[] | null; fraction: number }
  | { kind: 'restart' }
  | { kind: 'done'; meta: TableMeta }
  | { kind: 'failed'; error: ApiErrorData };

function errorData(error: unknown): ApiErrorData {
  if (error instanceof ApiError) return error.toData();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

// Reading and checking a file is long: here, not in the back's thread, so the API keeps answering
// (and a cancel terminates this thread). The rows go to the back in batches as they are read.
parentPort?.once('message', (job: ReadJob) => {
  const post = (message: ReadMessage) => parentPort?.postMessage(message);
  const sink: TableSink = {
    header: (headers) => post({ kind: 'header', headers }),
    rows: (rows, rowNumbers, fraction) => {
      const packed = packRows(rows);
      // The typed arrays move to the back's thread instead of being copied.
      parentPort?.postMessage({ kind: 'rows', rows: packed, rowNumbers, fraction } satisfies ReadMessage, [packed.cells.buffer, packed.widths.buffer]);
    },
    restart: () => post({ kind: 'restart' }),
  };
  readTableInto(job.name, job.source, sink, job.limits).then(
    (meta) => post({ kind: 'done', meta }),
    (error: unknown) => post({ kind: 'failed', error: errorData(error) }),
  );
});
