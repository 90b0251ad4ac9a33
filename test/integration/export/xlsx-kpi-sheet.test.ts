import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../shared/money/decimal';
import { buildSheetView } from '../../../shared/sheet/sheet-view';
import { startBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

const text = (value: ExcelJS.CellValue) => (value === null || value === undefined ? '' : String(value));

describe('XLSX export: the KPI sheet', () => {
  it('lists every KPI per month, quarter, year to date and year with value, target, variance and status; the values are the sheet’s, recomputed in decimals', async () => {
    const back = startBack(tempFolder());
    const { kpis } = await back.call('kpi/list', {});
    const answer = await back.call('export/xlsx', { fileName: 'review pack', includeProposals: false });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(answer.path);
    const sheet = workbook.getWorksheet('KPIs');
    if (sheet === undefined) throw new Error('no KPI sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, 'KPI', 'Unit', 'Better', 'Owner', 'Goal', 'Period', 'Read in', 'Value', 'Target', 'Variance', 'Status', 'Why there is no value']);
    const rows: Record<string, string | number | null>[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cell = (column: number) => {
        const value = row.getCell(column).value;
        return typeof value === 'number' ? value : value === null || value === undefined ? null : String(value);
      };
      rows.push({ kpi: cell(1), period: cell(6), basis: cell(7), value: cell(8), target: cell(9), variance: cell(10), status: cell(11), reason: cell(12) });
    });
    // 12 months, 4 quarters, year to date and the full year for each KPI.
    expect(rows).toHaveLength(kpis.length * 18);
    expect(new Set(rows.map((row) => row.kpi))).toEqual(new Set(kpis.map((kpi) => kpi.name)));

    // Gross margin % for the year to date, on the actuals: from the actuals' cells as the sheet shows them.
    const { versions, actualsThrough } = await back.call('version/list', {});
    const actuals = versions.find((version) => version.kind === 'actuals');
    if (actuals === undefined || actualsThrough === null) throw new Error('the sample has no actuals');
    const view = buildSheetView(await back.call('sheet/get-sheet', { versionId: actuals.id }));
    const sum = (type: string) => {
      let total = new Decimal(0);
      for (const row of view.rows) if (row.account.type === type) for (let month = 0; month <= actualsThrough; month += 1) total = total.plus(row.line.values[month] ?? 0);
      return total;
    };
    const margin = sum('revenue').minus(sum('cogs')).div(sum('revenue'));
    const ytd = rows.find((row) => row.kpi === 'Gross margin %' && String(row.period).startsWith('Year to date'));
    expect(ytd?.basis).toBe('Actual');
    expect(ytd?.value).toBeCloseTo(margin.toNumber(), 12);
    const target = kpis.find((kpi) => kpi.name === 'Gross margin %')?.targets.find((candidate) => candidate.span === 'year')?.value;
    expect(ytd?.target).toBe(Number(target));
    expect(['On track', 'At risk', 'Off track']).toContain(ytd?.status);
    if (ytd === undefined) throw new Error('no year-to-date row');
    expect(sheet.getRow(rows.indexOf(ytd) + 2).getCell(8).numFmt).toBe('0.0%');

    // A month not closed yet is read in the latest estimate; a KPI without a value says why instead of showing 0.
    const december = rows.find((row) => row.kpi === 'Gross margin %' && row.period === 'Dec 2027');
    expect(december?.basis).toBe('Latest estimate');
    for (const row of rows) if (row.value === null) expect(text(row.reason)).not.toBe('');
    back.stop();
  });

  it('is left out when asked', async () => {
    const back = startBack(tempFolder());
    const answer = await back.call('export/xlsx', { fileName: 'no kpis', includeProposals: false, includeKpis: false });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(answer.path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).not.toContain('KPIs');
    back.stop();
  });
});
