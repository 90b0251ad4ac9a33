import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetTable } from '../../../shared/export/budget-table';
import { Decimal } from '../../../shared/money/decimal';
import { verifyFile } from '../../../electron/export/verify-file';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';
import { evaluateFormula } from '../../helpers/xlsx-formulas';

const tempFolder = useTempFolder();

async function openXlsx(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

async function approve(back: TestBack): Promise<void> {
  await back.call('app/set-user-name', { userName: 'Ana Controller' });
  await back.call('version/set-status', { action: 'submit' });
  await back.call('version/set-status', { action: 'approve' });
}

const cellText = (value: ExcelJS.CellValue) => (value === null || value === undefined ? '' : typeof value === 'object' && 'result' in value ? String(value.result) : String(value));

describe('XLSX export', () => {
  it('writes a cover, the budget with months, quarters and years, formats and frozen headers', async () => {
    const back = startBack(tempFolder());
    const answer = await back.call('export/xlsx', { fileName: 'FY2027 budget', includeAudit: true });
    expect(answer.path).toBe(join(back.dataDir, 'workbooks', 'Exports', 'FY2027 budget.xlsx'));
    expect(answer.sha256).toBeNull();
    const workbook = await openXlsx(answer.path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Cover', 'Budget FY2027', 'KPIs', 'Proposals', 'Audit trail']);
    const cover = workbook.getWorksheet('Cover');
    const coverFields = new Map<string, string>();
    cover?.eachRow((row) => coverFields.set(cellText(row.getCell(1).value), cellText(row.getCell(2).value)));
    expect(coverFields.get('Version')).toBe('Budget FY2027');
    expect(coverFields.get('Status')).toBe('Draft');

    const sheet = workbook.getWorksheet('Budget FY2027');
    if (sheet === undefined) throw new Error('no budget sheet');
    const header = sheet.getRow(1);
    expect(cellText(header.getCell(1).value)).toBe('Department');
    expect(cellText(header.getCell(5).value)).toBe('Jan 2027');
    expect(cellText(header.getCell(17).value)).toBe('Q1 FY2027');
    expect(cellText(header.getCell(21).value)).toBe('FY2027 total');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 1 });
    expect(sheet.getColumn(4).width).toBeGreaterThan(20);

    // Every line's months are Tandem's values; its quarters and year are SUM formulas.
    const model = await back.call('sheet/get-sheet', {});
    const table = budgetTable(model);
    let checked = 0;
    sheet.eachRow((row, rowNumber) => {
      const description = cellText(row.getCell(4).value);
      const line = table.lines.find((candidate) => candidate.description === description && candidate.department === cellText(row.getCell(1).value));
      if (line === undefined || rowNumber === 1) return;
      checked += 1;
      line.values.forEach((value, period) => {
        const cell = row.getCell(5 + period).value;
        expect(cell === null || cell === undefined ? null : new Decimal(String(cell)).toString()).toBe(value === null ? null : new Decimal(value).toString());
      });
      if (line.unit === 'currency') {
        expect(row.getCell(17).value).toMatchObject({ formula: `SUM(E${rowNumber}:G${rowNumber})` });
        expect(row.getCell(5).numFmt).toBe('#,##0.00;(#,##0.00);"–"');
      }
    });
    expect(checked).toBe(table.lines.length);
    back.stop();
  });

  it('has totals whose formulas, recomputed independently in decimals, equal Tandem’s to the cent', async () => {
    const back = startBack(tempFolder());
    const answer = await back.call('export/xlsx', { fileName: 'recompute.xlsx' });
    const table = budgetTable(await back.call('sheet/get-sheet', {}));
    const sheet = (await openXlsx(answer.path)).getWorksheet('Budget FY2027');
    if (sheet === undefined) throw new Error('no budget sheet');
    const expected: Record<string, { periods: Decimal[]; year: Decimal }> = {
      'Total revenue': table.totals.byType.revenue,
      'Total cost of goods sold': table.totals.byType.cogs,
      'Total operating expenses': table.totals.byType.opex,
      'Total capital expenses': table.totals.byType.capex,
      'Operating income': table.totals.operatingIncome,
    };
    const seen: string[] = [];
    sheet.eachRow((row) => {
      const label = cellText(row.getCell(4).value);
      const totals = expected[label];
      if (totals === undefined) return;
      seen.push(label);
      totals.periods.forEach((total, period) => {
        const cell = row.getCell(5 + period).value as ExcelJS.CellFormulaValue;
        expect(evaluateFormula(sheet, cell.formula).toFixed(2)).toBe(total.toFixed(2));
      });
      const year = row.getCell(21).value as ExcelJS.CellFormulaValue;
      expect(evaluateFormula(sheet, year.formula).toFixed(2)).toBe(totals.year.toFixed(2));
    });
    expect(seen.sort()).toEqual(Object.keys(expected).sort());
    back.stop();
  });

  it('splits by department on request, and neutralises text a spreadsheet would run', async () => {
    const back = startBack(tempFolder());
    const line = (await back.call('sheet/get-sheet', {})).lines[0];
    if (line === undefined) throw new Error('empty sample');
    await back.call('sheet/rename-line', { lineId: line.id, description: '=HYPERLINK("http://evil.example","click")' });
    const answer = await back.call('export/xlsx', { fileName: 'by department.xlsx', split: 'department', includeProposals: false });
    const workbook = await openXlsx(answer.path);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe('Cover');
    expect(names).toContain('Sales');
    expect(names).toContain('R&D');
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => texts.push(cellText(row.getCell(4).value))));
    expect(texts).toContain('\'=HYPERLINK("http://evil.example","click")');
    back.stop();
  });

  it('stamps an approved version; verify accepts the file and detects a changed amount or a changed byte', async () => {
    const back = startBack(tempFolder());
    await approve(back);
    const answer = await back.call('export/xlsx', { fileName: 'approved.xlsx' });
    expect(answer.sha256).toMatch(/^[0-9a-f]{64}$/);
    const verified = await back.call('export/verify', { path: 'approved.xlsx' });
    expect(verified).toMatchObject({ ok: true, version: 'Budget FY2027', approvedBy: 'Ana Controller', sha256: answer.sha256 });

    // One amount changed and the file saved again (here with ExcelJS, as Excel would): no longer the approved file.
    const workbook = await openXlsx(answer.path);
    const sheet = workbook.getWorksheet('Budget FY2027');
    if (sheet === undefined) throw new Error('no budget sheet');
    sheet.getRow(3).getCell(5).value = 1;
    const edited = join(back.dataDir, 'edited.xlsx');
    await workbook.xlsx.writeFile(edited);
    expect(await verifyFile(edited)).toMatchObject({ ok: false, reason: expect.stringContaining('no Tandem approval stamp') });

    // Any single byte changed in the file fails too: either the content or the zip no longer checks.
    const bytes = readFileSync(answer.path);
    for (const offset of [100, Math.floor(bytes.length / 2), bytes.length - 200]) {
      const damaged = Buffer.from(bytes);
      damaged[offset] = (damaged[offset] ?? 0) ^ 0x01;
      const path = join(back.dataDir, `damaged-${offset}.xlsx`);
      writeFileSync(path, damaged);
      expect(await verifyFile(path)).toMatchObject({ ok: false, reason: expect.stringMatching(/changed|damaged|cut short|differs/) });
    }
    back.stop();
  });

  it('verifies a per-department export even when a department is called “Proposals”', async () => {
    const back = startBack(tempFolder());
    const sheet = await back.call('sheet/get-sheet', {});
    const rnd = sheet.departments.find((department) => department.name === 'R&D');
    if (rnd === undefined) throw new Error('no R&D');
    await back.call('dimension/rename-department', { departmentId: rnd.id, name: 'Proposals' });
    await approve(back);
    const answer = await back.call('export/xlsx', { fileName: 'split.xlsx', split: 'department' });
    const names = (await openXlsx(answer.path)).worksheets.map((worksheet) => worksheet.name);
    expect(names).toContain('Proposals (2)');
    expect(names[names.length - 1]).toBe('Proposals');
    expect(await verifyFile(answer.path)).toMatchObject({ ok: true });
    back.stop();
  });

  it('leaves no half file when the write fails, and an older file stays as it was', async () => {
    const back = startBack(tempFolder());
    const folder = join(back.dataDir, 'workbooks', 'Exports');
    // A folder where the file should go: the final rename fails.
    mkdirSync(join(folder, 'blocked.xlsx'), { recursive: true });
    const error = await rejection(back.call('export/xlsx', { fileName: 'blocked.xlsx' }));
    expect(error.code).toBe('write-failed');
    expect(error.message).toContain('No file was written');
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(existsSync(join(folder, 'blocked.xlsx'))).toBe(true);
    back.stop();
  });

  it('a cancelled export writes nothing', async () => {
    const back = startBack(tempFolder());
    // The version is named up front, so the export is under way when the cancel arrives.
    const versionId = await back.budgetId();
    const running = back.call('export/xlsx', { versionId, fileName: 'cancelled.xlsx' });
    await back.call('export/cancel', {});
    expect((await rejection(running)).code).toBe('cancelled');
    expect(existsSync(join(back.dataDir, 'workbooks', 'Exports', 'cancelled.xlsx'))).toBe(false);
    expect(readdirSync(join(back.dataDir, 'workbooks', 'Exports')).filter((name) => name.includes('cancelled'))).toEqual([]);
    back.stop();
  });
});

describe('XLSX compare sheet', () => {
  it('compares the budget with actuals by live formulas, every one of which a decimal recomputation matches to the cent', async () => {
    const back = startBack(tempFolder());
    const { versions } = await back.call('version/list', {});
    const budget = versions.find((version) => version.name === 'Budget FY2027');
    const actuals = versions.find((version) => version.name === 'Actuals FY2027');
    if (budget === undefined || actuals === undefined) throw new Error('no sample versions');
    expect((await rejection(back.call('export/xlsx', { versionId: budget.id, fileName: 'self', compareWith: budget.id }))).message).toContain('a version against itself');
    const answer = await back.call('export/xlsx', { versionId: budget.id, fileName: 'budget vs actual', compareWith: actuals.id, includeProposals: false });
    const workbook = await openXlsx(answer.path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Cover', 'Budget FY2027', 'Compare', 'KPIs']);
    const sheet = workbook.getWorksheet('Compare');
    if (sheet === undefined) throw new Error('no compare sheet');
    const header = sheet.getRow(1);
    // Names, 12 budget months, 12 actual months, then year to date and the full year: base, comparison, variance, variance %.
    expect(cellText(header.getCell(4).value)).toBe('Jan 2027 Budget FY2027');
    expect(cellText(header.getCell(16).value)).toBe('Jan 2027 Actuals FY2027');
    expect([28, 29, 30, 31].map((column) => cellText(header.getCell(column).value))).toEqual(['YTD Sep 2027 Budget FY2027', 'YTD Sep 2027 Actuals FY2027', 'YTD Sep 2027 variance', 'YTD Sep 2027 variance %']);
    let formulas = 0;
    let ratios = 0;
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      for (let column = 4; column <= 35; column += 1) {
        const value = row.getCell(column).value;
        if (value === null || typeof value !== 'object' || !('formula' in value)) continue;
        const formula = value.formula ?? '';
        const ratio = /^IF\(([A-Z]+\d+)=0,"",([A-Z]+\d+)\/ABS\(([A-Z]+\d+)\)\)$/.exec(formula);
        if (ratio !== null) {
          const base = evaluateFormula(sheet, `${ratio[1] ?? ''}+0`);
          const variance = evaluateFormula(sheet, `${ratio[2] ?? ''}+0`);
          if (base.isZero()) expect(value.result ?? '').toBe('');
          else expect(new Decimal(String(value.result ?? 0)).toDecimalPlaces(12).equals(variance.div(base.abs()).toDecimalPlaces(12))).toBe(true);
          ratios += 1;
          continue;
        }
        // The cached result is Tandem's; the formula recomputed in decimals must give it to the cent.
        expect(evaluateFormula(sheet, formula).toFixed(2), `${sheet.name}!${rowNumber}:${column} ${formula}`).toBe(new Decimal(String(value.result ?? 0)).toFixed(2));
        formulas += 1;
      }
    });
    expect(formulas).toBeGreaterThan(300);
    expect(ratios).toBeGreaterThan(90);
    // Operating income's year-to-date variance is the compare view's.
    const incomeRow = [...Array(sheet.rowCount).keys()].map((index) => sheet.getRow(index + 1)).find((row) => cellText(row.getCell(3).value) === 'Operating income');
    const cell = incomeRow?.getCell(30).value;
    expect(cell !== null && typeof cell === 'object' && 'result' in cell ? cell.result : null).toBeCloseTo(-1099385.7, 2);
    back.stop();
  });
});
