import { CsvError, parse } from 'csv-parse';
import { isUtf8 } from 'node:buffer';
import { pipeline } from 'node:stream/promises';
import { IMPORT_LIMITS, LimitCounter, overLimit, refuse, type ImportLimits } from './import-limits';
import { sourceHead, sourceSize, sourceStream, type ImportSource } from './import-source';
import { ZIP_SIGNATURE, type TableMeta, type TableSink } from './table-sink';
import { FastCsvLines, IrregularCsv } from './fast-csv';

/** Enough of the file's start to tell its encoding and its delimiter. */
const HEAD_BYTES = 64 * 1024;
/** Rows go to the sink in batches of about this many fields. */
const BATCH_CELLS = 20_000;
/** Rows that do not line up with the header: the first ones are listed, all are counted. */
const LISTED_ROW_PROBLEMS = 200;

interface Encoding {
  label: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** bytes of a byte-order mark to pass by */
  skip: number;
}

/** Said when a file meant as UTF-8 is not: the reading starts over in Windows-1252. */
class NotUtf8 extends Error {}

/** A BOM says UTF-8 or UTF-16; UTF-16 without a mark has every other byte zero; otherwise UTF-8 (until a byte says it is not). */
function encodingOf(head: Buffer, notes: string[]): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) {
    notes.push('Read as UTF-16 (little-endian).');
    return { label: 'utf-16le', skip: 2 };
  }
  if (head[0] === 0xfe && head[1] === 0xff) {
    notes.push('Read as UTF-16 (big-endian).');
    return { label: 'utf-16be', skip: 2 };
  }
  const sample = head.subarray(0, 200);
  const zeros = sample.filter((byte) => byte === 0).length;
  if (sample.length > 8 && zeros > sample.length / 3) {
    const littleEndian = sample[1] === 0;
    notes.push(`Read as UTF-16 (${littleEndian ? 'little' : 'big'}-endian, no byte-order mark).`);
    return { label: littleEndian ? 'utf-16le' : 'utf-16be', skip: 0 };
  }
  return { label: 'utf-8', skip: 0 };
}

/** The delimiter the header uses most: comma, semicolon or tab. */
function delimiterOf(head: Buffer, encoding: Encoding): ',' | ';' | '\t' {
  const text = new TextDecoder(encoding.label).decode(head.subarray(encoding.skip));
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => firstLine.split(char).length - 1;
  const candidates = [',', ';', '\t'] as const;
  return candidates.reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best), ',');
}

/** How much of `bytes` ends on a whole UTF-8 character: a character cut by the chunk's end waits for the next chunk. */
function wholeUtf8(bytes: Buffer): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead < 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return bytes.length;
  const first = bytes[lead] ?? 0;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return lead + length > bytes.length ? lead : bytes.length;
}

/**
 * The file's bytes as UTF-8 for the parser, counted against the size limit as they come. UTF-8
 * passes through, checked (natively, a chunk at a time) so that a Latin-1 file is noticed; other
 * encodings are decoded.
 */
function transcoder(name: string, encoding: Encoding, limits: ImportLimits, read: { bytes: number }) {
  return async function* (chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const decoder = encoding.label === 'utf-8' ? null : new TextDecoder(encoding.label);
    let skip = encoding.skip;
    let cut: Buffer = Buffer.alloc(0);
    for await (const chunk of chunks) {
      read.bytes += chunk.length;
      if (read.bytes > limits.bytes) overLimit.bytes(name, limits);
      const bytes = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
      skip = Math.max(0, skip - chunk.length);
      if (decoder !== null) {
        yield Buffer.from(decoder.decode(bytes, { stream: true }), 'utf8');
        continue;
      }
      const checked = cut.length > 0 ? Buffer.concat([cut, bytes]) : bytes;
      const whole = wholeUtf8(checked);
      if (!isUtf8(checked.subarray(0, whole))) throw new NotUtf8();
      cut = Buffer.from(checked.subarray(whole));
      yield bytes;
    }
    if (cut.length > 0) throw new NotUtf8();
    const rest = decoder?.decode() ?? '';
    if (rest !== '') yield Buffer.from(rest, 'utf8');
  };
}

/** Rows as they come from the parser: the header to the sink, data rows in batches, every row counted against the limits. */
class RowTaker {
  row = 0;
  sawText = false;
  readonly rowProblems: TableMeta['rowProblems'] = [];
  rowProblemCount = 0;
  private headers: number | null = null;
  private batch: string[][] = [];
  private cells = 0;

  constructor(
    private readonly sink: TableSink,
    private readonly counter: LimitCounter,
  ) {}

  /** Takes one record; answers a batch to hand on when one is full. */
  take(record: string[]): string[][] | null {
    this.row += 1;
    this.counter.row(this.row, record, this.headers !== null);
    if (!this.sawText) this.sawText = record.some((field) => field.trim() !== '');
    if (this.headers === null) {
      this.headers = record.length;
      this.sink.header(record.map((header) => header.trim()));
      return null;
    }
    if (record.length !== this.headers && !(record.length === 1 && record[0]?.trim() === '')) {
      this.rowProblemCount += 1;
      if (this.rowProblems.length < LISTED_ROW_PROBLEMS) {
        this.rowProblems.push({ row: this.row, message: `${record.length} field${record.length === 1 ? '' : 's'} where the header has ${this.headers}: the file mixes delimiters, or a quote is not closed.` });
      }
    }
    this.batch.push(record);
    this.cells += record.length;
    return this.cells >= BATCH_CELLS ? this.rest() : null;
  }

  /** The rows not handed on yet. */
  rest(): string[][] {
    const batch = this.batch;
    this.batch = [];
    this.cells = 0;
    return batch;
  }
}

/** A parser's error as the user reads it, by the row where it happened. */
function parseRefusal(name: string, limits: ImportLimits, error: CsvError): never {
  const row = (typeof error.records === 'number' ? error.records : 0) + 1;
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    if (typeof error.column === 'number' && error.column >= limits.columns) overLimit.columns(name, limits, row);
    overLimit.rowLength(name, limits, row);
  }
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') refuse(name, `a quote opened in row ${row} is never closed, so the rest of the file would be one field.`);
  refuse(name, `row ${row} cannot be read as CSV (${error.message}).`);
}

/**
 * One reading of the whole file in one encoding with the fast reader for regular CSV (see
 * FastCsvLines); a file it cannot vouch for is read again from the start with csv-parse.
 */
async function readPass(name: string, source: ImportSource, sink: TableSink, limits: ImportLimits, encoding: Encoding, delimiter: string): Promise<Omit<TableMeta, 'notes'>> {
  try {
    return await fastPass(name, source, sink, limits, encoding, delimiter);
  } catch (error) {
    if (!(error instanceof IrregularCsv)) throw error;
  }
  sink.restart();
  return parsePass(name, source, sink, limits, encoding, delimiter);
}

/** What a pass answers once every record was taken. */
async function finishPass(name: string, sink: TableSink, taker: RowTaker): Promise<Omit<TableMeta, 'notes'>> {
  const last = taker.rest();
  if (last.length > 0) await sink.rows(last, null, 1);
  if (!taker.sawText) refuse(name, 'the file holds no rows.');
  return { format: 'csv', firstRowNumber: 2, rowProblems: taker.rowProblems, rowProblemCount: taker.rowProblemCount };
}

/** A reading with FastCsvLines: batches are handed on (and waited for) between pieces of the file. */
async function fastPass(name: string, source: ImportSource, sink: TableSink, limits: ImportLimits, encoding: Encoding, delimiter: string): Promise<Omit<TableMeta, 'notes'>> {
  const size = Math.max(1, sourceSize(source));
  const taker = new RowTaker(sink, new LimitCounter(name, limits, 'file'));
  const read = { bytes: 0 };
  const full: string[][][] = [];
  // A record a quarter of the row limit long is left to csv-parse, which counts a row's length its own way.
  const lines = new FastCsvLines(delimiter, Math.floor(limits.rowChars / 4), (record) => {
    const batch = taker.take(record);
    if (batch !== null) full.push(batch);
  });
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const handOn = async () => {
    for (const batch of full.splice(0)) await sink.rows(batch, null, Math.min(1, read.bytes / size));
  };
  for await (const bytes of transcoder(name, encoding, limits, read)(sourceStream(source))) {
    lines.push(decoder.decode(bytes, { stream: true }));
    await handOn();
  }
  lines.push(decoder.decode());
  lines.end();
  await handOn();
  return finishPass(name, sink, taker);
}

/** One reading of the whole file in one encoding with csv-parse: every row counted against the limits as it is parsed. */
async function parsePass(name: string, source: ImportSource, sink: TableSink, limits: ImportLimits, encoding: Encoding, delimiter: string): Promise<Omit<TableMeta, 'notes'>> {
  const size = Math.max(1, sourceSize(source));
  const taker = new RowTaker(sink, new LimitCounter(name, limits, 'file'));
  const read = { bytes: 0 };
  // No row may be longer than rowChars: a parser holds a row whole before its fields can be counted.
  const parser = parse({ delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, max_record_size: limits.rowChars });
  let handing: Promise<void> = Promise.resolve();
  // 'data' events, not an async iterator: a record at a time costs a microsecond, not ten.
  parser.on('data', (record: string[]) => {
    try {
      const batch = taker.take(record);
      if (batch === null) return;
      // The parser waits while the sink takes the batch (a cancel, or the back's other calls, get their turn).
      parser.pause();
      handing = Promise.resolve(sink.rows(batch, null, Math.min(1, read.bytes / size))).then(
        () => {
          parser.resume();
        },
        (error: unknown) => {
          parser.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
    } catch (error) {
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
  try {
    await pipeline(sourceStream(source), transcoder(name, encoding, limits, read), parser);
  } catch (error) {
    if (error instanceof CsvError) parseRefusal(name, limits, error);
    throw error;
  }
  await handing;
  return finishPass(name, sink, taker);
}

/**
 * Reads a CSV as a stream with csv-parse, a chunk at a time: the encoding (BOM, UTF-16, UTF-8,
 * else Windows-1252) and the delimiter (comma, semicolon or tab, the header's most used) from the
 * file's start, then every field and row counted against the limits as it is parsed, so a file
 * over one is refused when it passes it. Rows go to `sink` in batches; nothing keeps the file.
 */
export async function readCsv(name: string, source: ImportSource, sink: TableSink, limits: ImportLimits = IMPORT_LIMITS): Promise<TableMeta> {
  const size = sourceSize(source);
  if (size === 0) refuse(name, 'the file is empty.');
  if (size > limits.bytes) overLimit.bytes(name, limits, size);
  const head = await sourceHead(source, HEAD_BYTES);
  if (head.subarray(0, 4).equals(ZIP_SIGNATURE)) refuse(name, 'this is a zip file (an XLSX workbook?), not a CSV text file.');
  const notes: string[] = [];
  const encoding = encodingOf(head, notes);
  const delimiter = delimiterOf(head, encoding);
  notes.push(`Fields separated by ${delimiter === '\t' ? 'tabs' : delimiter === ';' ? 'semicolons' : 'commas'}.`);
  try {
    return { ...(await readPass(name, source, sink, limits, encoding, delimiter)), notes };
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
  }
  // Not UTF-8 after all: start again, as older accounting exports write.
  sink.restart();
  const latin1: Encoding = { label: 'windows-1252', skip: 0 };
  const meta = await readPass(name, source, sink, limits, latin1, delimiterOf(head, latin1));
  return { ...meta, notes: ['Not valid UTF-8: read as Windows-1252 (Latin-1), as older accounting exports write.', ...notes] };
}
