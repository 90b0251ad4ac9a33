import { join } from 'node:path';
import { benchSession } from './bench-session';
import { buildHandlerTable, dispatch, DOMAINS } from '../../electron/api/handler-table';
import { sampleWorkbookSeed } from '../../electron/sample/sample-workbook';
import { WorkbookStore } from '../../electron/store/workbook-store';
import { time, type BenchRow } from './bench-table';

/** Runs `body` while sampling the process's resident memory; answers the peak in MB. */
async function peakRss<T>(body: () => Promise<T>): Promise<number> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await body();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
}

/** XLSX and CSV exports of the 10,000 × 36 workbook through the API, as the UI asks for them. */
export async function benchExports(folder: string, lines: number): Promise<BenchRow[]> {
  const tag = `${lines.toLocaleString('en-US')} x 36`;
  const path = join(folder, 'export-bench.tandem');
  WorkbookStore.create(path, sampleWorkbookSeed({ lineCount: lines, calendar: { startYear: 2027, startMonth: 1, periodCount: 36 }, name: `Bench ${tag}` }), 'bench').close();
  const session = benchSession({ userData: join(folder, 'export-app'), workbooks: join(folder, 'export-workbooks') });
  session.openFile(path);
  const table = buildHandlerTable(DOMAINS);
  const call = async (method: string, input: unknown) => {
    const answer = await dispatch(table, { session }, method, input);
    if (!answer.ok) throw new Error(answer.error.message);
  };
  const listed = await dispatch(table, { session }, 'version/list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  const versionId = (listed.value as { versions: { id: number }[] }).versions[0]?.id ?? 1;
  const target = { kind: 'version', versionId };
  const rows: BenchRow[] = [{ measure: `[${tag}] RSS of the back with the workbook open, before exporting`, samples: [process.memoryUsage().rss / 1024 / 1024], target: '-', unit: 'MB' }];
  const xlsx = () => call('export/xlsx', { versionId, fileName: 'bench.xlsx', includeProposals: true, includeAudit: false });
  const csv = () => call('export/csv', { versionId, fileName: 'bench.csv', layout: 'long' });
  rows.push({ measure: `[${tag}] XLSX export (formulas, cover, proposals), written safely`, samples: await time(3, xlsx), target: '< 5 s' });
  rows.push({ measure: `[${tag}] XLSX export: peak RSS of the back`, samples: [await peakRss(xlsx)], target: '-', unit: 'MB' });
  rows.push({ measure: `[${tag}] CSV export, long (360,000 records), written safely`, samples: await time(5, csv), target: '< 1 s' });
  rows.push({ measure: `[${tag}] CSV export: peak RSS of the back`, samples: [await peakRss(csv)], target: '-', unit: 'MB' });

  // The same CSV back: read, map, check every record, commit (nothing changes: the import is idempotent).
  const reimport = async () => {
    const inspected = await dispatch(table, { session }, 'import/inspect', { source: { path: join(folder, 'export-workbooks', 'Exports', 'bench.csv') }, target });
    if (!inspected.ok) throw new Error(inspected.error.message);
    const { token, suggested } = inspected.value as { token: string; suggested: unknown[] };
    await call('import/commit', { token, mapping: { columns: suggested, decimalSeparator: '.' }, target });
  };
  rows.push({ measure: `[${tag}] import the same CSV back (read, map, check 360,000 records, commit)`, samples: await time(3, reimport), target: '< 3 s' });
  rows.push({ measure: `[${tag}] import: peak RSS of the back`, samples: [await peakRss(reimport)], target: '-', unit: 'MB' });
  session.shutDown();
  return rows;
}
