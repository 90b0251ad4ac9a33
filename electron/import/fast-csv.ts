/**
 * A CSV reader for regular files, giving the very records csv-parse gives with the import's
 * options (quote and escape `"`, no trimming, empty lines kept, ragged rows kept): a line without
 * a quote is split at its delimiters; a quoted field may hold delimiters, line breaks and doubled
 * quotes. Anything else (a quote inside an unquoted field, text after a closing quote, a record
 * longer than `longestRecord` characters, line breaks other than the file's first, `\r` alone) is
 * said with IrregularCsv, and the caller reads the file again with csv-parse, which decides.
 * About ten times faster than csv-parse on a budget export: a line is two native calls.
 */
export class IrregularCsv extends Error {}

/** Where a record ends in the text: its fields and the index after its line break; null when the text ends first. */
type Scan = { fields: string[]; next: number } | null;

const QUOTE = '"';
/** In a file of `\r\n` lines: a `\r` or a `\n` that is not part of one. */
const STRAY_BREAK = /\r(?!\n)|(?<!\r)\n/;

export class FastCsvLines {
  private carry = '';
  /** The file's line break, from its first line: `\n` or `\r\n`. */
  private lineBreak: '\n' | '\r\n' | null = null;

  constructor(
    private readonly delimiter: string,
    private readonly longestRecord: number,
    private readonly onRecord: (fields: string[]) => void,
  ) {}

  /** Takes the next piece of the file's text; calls `onRecord` for every record it completes. */
  push(piece: string): void {
    let text = piece;
    if (this.carry !== '') {
      // The line begun in the last piece ends in this one: read it alone, so that the rest of
      // this piece is split as it is (a piece joined to the carry splits several times slower).
      const newline = piece.indexOf('\n');
      const head = newline < 0 ? '' : this.carry + piece.slice(0, newline + 1);
      const scan = head === '' ? null : this.record(head, 0, false);
      if (scan !== null && scan.next === head.length) {
        this.onRecord(scan.fields);
        text = piece.slice(newline + 1);
      } else text = this.carry + piece;
      this.carry = '';
    }
    let position = this.plainLines(text);
    for (;;) {
      const scan = this.record(text, position, false);
      if (scan === null) break;
      this.onRecord(scan.fields);
      position = scan.next;
    }
    this.carry = position === 0 ? text : text.slice(position);
    if (this.carry.length > this.longestRecord) throw new IrregularCsv();
  }

  /**
   * The common case at native speed: when the text's whole lines hold no quote and only the
   * file's own line breaks, they are split at once. Answers where the rest starts (0: not taken).
   */
  private plainLines(text: string): number {
    const lineBreak = this.breakOf(text);
    const lastNewline = text.lastIndexOf('\n');
    if (lineBreak === null || lastNewline < 0) return 0;
    const whole = text.slice(0, lastNewline + 1);
    if (whole.includes(QUOTE) || (lineBreak === '\n' ? whole.includes('\r') : STRAY_BREAK.test(whole))) return 0;
    // Split at `\n` (V8 splits at one character fastest); a `\r\n` line's `\r` is then taken off its last field.
    const lines = whole.slice(0, whole.length - 1).split('\n');
    const crlf = lineBreak === '\r\n';
    for (const line of lines) {
      if (line.length > this.longestRecord) throw new IrregularCsv();
      const fields = line.split(this.delimiter);
      if (crlf) {
        const last = fields.length - 1;
        fields[last] = (fields[last] ?? '').slice(0, -1);
      }
      this.onRecord(fields);
    }
    return lastNewline + 1;
  }

  /** The file's end: the last record, when it has no line break after it. */
  end(): void {
    if (this.carry === '') return;
    const scan = this.record(this.carry, 0, true);
    if (scan === null || scan.next < this.carry.length) throw new IrregularCsv();
    this.carry = '';
    this.onRecord(scan.fields);
  }

  /**
   * The file's line break, as csv-parse discovers it: the first `\r\n` or `\n` outside quotes
   * (a `\r` alone is left to csv-parse); null while the text has none yet.
   */
  private breakOf(text: string): '\n' | '\r\n' | null {
    if (this.lineBreak !== null) return this.lineBreak;
    let position = 0;
    let fieldStart = true;
    while (position < text.length) {
      const char = text[position];
      if (char === QUOTE) {
        if (!fieldStart) throw new IrregularCsv();
        // A quoted field: to its closing quote (a doubled quote is a quote in it).
        let close = text.indexOf(QUOTE, position + 1);
        while (close >= 0 && text[close + 1] === QUOTE) close = text.indexOf(QUOTE, close + 2);
        if (close < 0 || close + 1 >= text.length) return null;
        position = close + 1;
        fieldStart = false;
        continue;
      }
      if (char === '\n') return (this.lineBreak = '\n');
      if (char === '\r') {
        if (position + 1 >= text.length) return null;
        if (text[position + 1] !== '\n') throw new IrregularCsv();
        return (this.lineBreak = '\r\n');
      }
      fieldStart = char === this.delimiter;
      position += 1;
    }
    return null;
  }

  private record(text: string, start: number, final: boolean): Scan {
    if (start >= text.length) return null;
    const lineBreak = final ? (this.lineBreak ?? '\n') : this.breakOf(text);
    if (lineBreak === null) return null;
    const newline = text.indexOf('\n', start);
    if (newline < 0 && !final) return null;
    const end = newline < 0 ? text.length : newline;
    const crlf = lineBreak === '\r\n';
    if (newline >= 0 && crlf && text.charCodeAt(newline - 1) !== 13) throw new IrregularCsv();
    const lineEnd = newline >= 0 && crlf ? end - 1 : end;
    const line = text.slice(start, lineEnd);
    if (line.length > this.longestRecord) throw new IrregularCsv();
    if (!line.includes(QUOTE)) {
      if (line.includes('\r')) throw new IrregularCsv();
      return { fields: line.split(this.delimiter), next: end + 1 };
    }
    const scan = this.quotedRecord(text, start, lineBreak, final);
    if (scan !== null && scan.next - start > this.longestRecord) throw new IrregularCsv();
    return scan;
  }

  /** A record with quoted fields, which may run over line breaks. */
  private quotedRecord(text: string, start: number, lineBreak: string, final: boolean): Scan {
    const fields: string[] = [];
    let position = start;
    for (;;) {
      if (position - start > this.longestRecord) throw new IrregularCsv();
      let value: string;
      let after: number;
      if (text[position] === QUOTE) {
        value = '';
        let from = position + 1;
        for (;;) {
          const close = text.indexOf(QUOTE, from);
          if (close < 0) {
            if (final) throw new IrregularCsv();
            return null;
          }
          value += text.slice(from, close);
          if (close + 1 >= text.length && !final) return null;
          if (text[close + 1] === QUOTE) {
            value += QUOTE;
            from = close + 2;
            continue;
          }
          after = close + 1;
          break;
        }
      } else {
        after = position;
        while (after < text.length && text[after] !== this.delimiter && text[after] !== '\n' && text[after] !== '\r') after += 1;
        value = text.slice(position, after);
        if (value.includes(QUOTE)) throw new IrregularCsv();
      }
      fields.push(value);
      if (after >= text.length) {
        if (!final) return null;
        return { fields, next: after };
      }
      if (text[after] === this.delimiter) {
        position = after + 1;
        continue;
      }
      if (text.startsWith(lineBreak, after)) return { fields, next: after + lineBreak.length };
      if (!final && after + lineBreak.length > text.length && lineBreak.startsWith(text.slice(after))) return null;
      throw new IrregularCsv();
    }
  }
}
