/**
 * Reads the text a spreadsheet puts on the clipboard for a block of cells: rows separated by
 * newlines, cells by tabs, cells holding tabs, quotes or newlines wrapped in double quotes
 * with inner quotes doubled (what Excel and Google Sheets write). A trailing newline ends the
 * last row rather than starting an empty one.
 */
export function parseTabularText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = 0;
  let quoted = false;
  let cellStart = true;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      if (char === '"') {
        quoted = false;
        index += 1;
        continue;
      }
      cell += char;
      index += 1;
      continue;
    }
    if (char === '"' && cellStart) {
      quoted = true;
      cellStart = false;
      index += 1;
      continue;
    }
    if (char === '\t') {
      row.push(cell);
      cell = '';
      cellStart = true;
      index += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      cellStart = true;
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += char;
    cellStart = false;
    index += 1;
  }
  if (!cellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Tab-separated text for a block of cells, quoting cells that need it, as spreadsheets read it. */
export function toTabularText(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join('\t')).join('\n');
}
