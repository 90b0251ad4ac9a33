/** One measured step: its samples in milliseconds (or, for sizes, a single value) and the target it answers to. */
export interface BenchRow {
  measure: string;
  samples: number[];
  target: string;
  unit?: 'ms' | 'MB';
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function p90(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.9 * sorted.length))] ?? Number.NaN;
}

export async function time(runs: number, body: (run: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await body(run);
    samples.push(performance.now() - start);
  }
  return samples;
}

export function printTable(rows: readonly BenchRow[]): void {
  const header = ['measure', 'runs', 'median', 'p90', 'target'];
  const body = rows.map((row) => {
    const unit = row.unit ?? 'ms';
    const digits = unit === 'MB' ? 0 : 2;
    return [row.measure, String(row.samples.length), `${median(row.samples).toFixed(digits)} ${unit}`, `${p90(row.samples).toFixed(digits)} ${unit}`, row.target];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cells of body) console.log(line(cells));
}
