import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../../shared/import/import-target';
import type { ImportField } from '../../../shared/import/plan-import';
import { startBack, type TestBack } from '../../helpers/back';
import { writeHugeXlsx } from '../../helpers/huge-xlsx';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();
const BAD = join(__dirname, '..', '..', 'fixtures', 'bad');

/** Into the workbook's budget (its first version), or last year's actuals. */
async function targetOf(back: TestBack, into: 'budget' | 'actuals'): Promise<ImportTarget> {
  return into === 'budget' ? { kind: 'version', versionId: await back.budgetId() } : { kind: 'prior-year' };
}

async function importFile(back: TestBack, path: string, into: 'budget' | 'actuals' = 'budget', decimalSeparator: '.' | ',' = '.', columns?: ImportField[]) {
  const target = await targetOf(back, into);
  const inspected = await back.call('import/inspect', { source: { path }, target });
  const mapping = { columns: columns ?? inspected.suggested, decimalSeparator };
  const preview = await back.call('import/preview', { token: inspected.token, mapping, target });
  return { inspected, mapping, preview, commit: () => back.call('import/commit', { token: inspected.token, mapping, target }) };
}

const customerVisits = async (back: TestBack) => {
  const line = (await back.call('sheet/get-sheet', {})).lines.find((candidate) => candidate.description === 'Customer visits');
  if (line === undefined) throw new Error('no Customer visits line');
  return line;
};

describe('import of budget values', () => {
  it('reads back its own CSV export as “nothing to change”, so importing the same file again is harmless', async () => {
    const back = startBack(tempFolder());
    const { path } = await back.call('export/csv', { fileName: 'round trip.csv' });
    const { inspected, preview } = await importFile(back, path);
    expect(inspected.suggested.map((field) => field.kind)).toEqual(['department', 'account', 'ignore', 'line', 'period', 'amount']);
    expect(preview).toMatchObject({ problemCount: 0, linesToAdd: 0, cellsToSet: 0 });
    expect(preview.unchanged).toBeGreaterThan(400);
    // Formula lines' months are computed: an export has them, an import passes them by.
    expect(preview.computed).toBeGreaterThan(0);
    back.stop();
  });

  it('adds lines, sets cells as one undo step, and a second import of the same file changes nothing', async () => {
    const back = startBack(tempFolder());
    const file = join(back.dataDir, 'changes.csv');
    writeFileSync(file, 'Department,Account code,Line,Period,Amount\r\nSales,6200,Customer visits,Jan 2027,"1,250.50"\r\nSales,6200,Customer visits,2027-02-28,(300)\r\nSales,6200,Client dinners,2027-03,800\r\n');
    const before = await back.call('sheet/get-sheet', {});
    const first = await importFile(back, file);
    expect(first.preview).toMatchObject({ problemCount: 0, linesToAdd: 1, newLineNames: ['Client dinners'], cellsToSet: 3 });
    const receipt = await first.commit();
    expect(receipt).toMatchObject({ linesAdded: 1, cellsSet: 3 });
    const visits = await customerVisits(back);
    expect(visits.values.slice(0, 2)).toEqual(['1250.5', '-300']);
    expect((await back.call('sheet/get-sheet', {})).lines.find((line) => line.description === 'Client dinners')?.values[2]).toBe('800');
    expect((await back.call('audit/list', { lineId: visits.id, period: 0 })).entries[0]).toMatchObject({ after: '1250.5', action: 'import/commit' });

    const again = await importFile(back, file);
    expect(again.preview).toMatchObject({ linesToAdd: 0, cellsToSet: 0, unchanged: 3 });
    await back.call('sheet/undo', {});
    const undone = await back.call('sheet/get-sheet', {});
    expect(undone.lines.map((line) => [line.id, line.values])).toEqual(before.lines.map((line) => [line.id, line.values]));
    back.stop();
  });

  it('takes last year’s actuals in the wide layout, for Spread like last year', async () => {
    const back = startBack(tempFolder());
    const file = join(back.dataDir, 'actuals.csv');
    const months = Array.from({ length: 12 }, (_unused, index) => `2026-${String(index + 1).padStart(2, '0')}`);
    writeFileSync(file, `Cost center;GL account;${months.join(';')}\r\nSales;Travel;${months.map((_month, index) => `${index + 1}.000,25`).join(';')}\r\n`);
    const { inspected, preview } = await importFile(back, file, 'actuals', ',');
    expect(inspected.suggested.slice(0, 3)).toEqual([{ kind: 'department' }, { kind: 'account' }, { kind: 'month', period: 0 }]);
    const columns: ImportField[] = [{ kind: 'department' }, { kind: 'account' }, ...months.map((_month, period): ImportField => ({ kind: 'month', period }))];
    const mapped = await back.call('import/preview', { token: inspected.token, mapping: { columns, decimalSeparator: ',' }, target: { kind: 'prior-year' } });
    expect(preview.problemCount).toBeGreaterThan(0);
    // Sales has two lines on 6200 Travel: without a Line column the import says which to choose.
    expect(mapped.problems[0]?.message).toContain('map a Line column');
    const withLine = join(back.dataDir, 'actuals-with-line.csv');
    writeFileSync(withLine, `Cost center;GL account;Line;${months.join(';')}\r\nSales;Travel;Customer visits;${months.map((_month, index) => `${index + 1}.000,25`).join(';')}\r\n`);
    const fixed = await importFile(back, withLine, 'actuals', ',', [{ kind: 'department' }, { kind: 'account' }, { kind: 'line' }, ...months.map((_month, period): ImportField => ({ kind: 'month', period }))]);
    expect(fixed.preview.problemCount).toBe(0);
    await fixed.commit();
    const visits = await customerVisits(back);
    expect((await back.call('sheet/get-sheet', {})).priorYear?.values[visits.id]?.slice(0, 2)).toEqual(['1000.25', '2000.25']);
    back.stop();
  });

  it('reads an accounting system’s XLSX (long layout, dates and numbers as cells) into last year’s actuals', async () => {
    const back = startBack(tempFolder());
    const file = join(back.dataDir, 'ledger.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('GL detail');
    sheet.addRow(['Posting date', 'Cost center', 'Account', 'Description', 'Amount']);
    sheet.addRow([new Date(Date.UTC(2026, 0, 31)), 'Sales', '6200', 'Customer visits', 1234.5]);
    sheet.addRow([new Date(Date.UTC(2026, 1, 28)), 'Sales', '6200', 'Customer visits', { formula: '1000+1', result: 1001 }]);
    await workbook.xlsx.writeFile(file);
    const run = await importFile(back, file, 'actuals');
    expect(run.inspected.suggested.map((field) => field.kind)).toEqual(['period', 'department', 'account', 'line', 'amount']);
    expect(run.preview).toMatchObject({ problemCount: 0, cellsToSet: 2 });
    await run.commit();
    const visits = await customerVisits(back);
    expect((await back.call('sheet/get-sheet', {})).priorYear?.values[visits.id]?.slice(0, 2)).toEqual(['1234.5', '1001']);
    back.stop();
  });

  it('a cancelled import writes nothing', async () => {
    const back = startBack(tempFolder());
    const file = join(back.dataDir, 'cancel.csv');
    writeFileSync(file, 'Department,Account code,Line,Period,Amount\r\nSales,6200,Customer visits,2027-01,5\r\n');
    const inspected = await back.call('import/inspect', { source: { path: file }, target: await targetOf(back, 'budget') });
    const revision = (await back.call('workbook/get-session', {})).current?.revision;
    const running = back.call('import/commit', { token: inspected.token, mapping: { columns: inspected.suggested, decimalSeparator: '.' }, target: await targetOf(back, 'budget') });
    expect(await back.call('export/cancel', {})).toEqual({ cancelled: true });
    expect(await rejection(running)).toMatchObject({ code: 'cancelled', message: 'Cancelled: nothing was written.' });
    expect((await back.call('workbook/get-session', {})).current?.revision).toBe(revision);
    back.stop();
  });

  it('refuses an approved budget, naming who approved it, and imports nothing', async () => {
    const back = startBack(tempFolder());
    const file = join(back.dataDir, 'late.csv');
    writeFileSync(file, 'Department,Account code,Line,Period,Amount\r\nSales,6200,Customer visits,2027-01,5\r\n');
    await back.call('version/set-status', { action: 'submit' });
    await back.call('version/set-status', { action: 'approve' });
    const { commit } = await importFile(back, file);
    expect((await rejection(commit())).code).toBe('locked');
    back.stop();
  });
});

describe('the bad-input corpus (test/fixtures/bad)', () => {
  /** Imports a corpus file; on failure the workbook's revision must not move (nothing partial). */
  async function attempt(back: TestBack, name: string, decimalSeparator: '.' | ',' = '.') {
    const path = join(back.dataDir, name);
    copyFileSync(join(BAD, name), path);
    const revision = (await back.call('workbook/get-session', {})).current?.revision;
    try {
      const run = await importFile(back, path, 'budget', decimalSeparator);
      if (run.preview.problemCount > 0) {
        const error = await rejection(run.commit());
        expect((await back.call('workbook/get-session', {})).current?.revision).toBe(revision);
        return { refused: error.message, problems: run.preview.problems };
      }
      await run.commit();
      return { refused: null, problems: [] };
    } catch (error) {
      expect((await back.call('workbook/get-session', {})).current?.revision).toBe(revision);
      return { refused: (error as Error).message, problems: [] };
    }
  }

  it('gives each bad file a clear message, or imports it correctly, never part of it', async () => {
    const back = startBack(tempFolder());
    expect((await attempt(back, 'truncated.xlsx')).refused).toMatch(/truncated\.xlsx: the workbook could not be read .* damaged, cut short, or not an XLSX/);
    expect((await attempt(back, 'not-a-workbook.xlsx')).refused).toMatch(/not-a-workbook\.xlsx: the workbook could not be read/);
    expect((await attempt(back, 'empty.csv')).refused).toBe('empty.csv: the file is empty. Nothing was imported.');
    expect((await attempt(back, 'empty.xlsx')).refused).toBe('empty.xlsx: the file is empty. Nothing was imported.');
    const mixed = await attempt(back, 'mixed-delimiters.csv');
    expect(mixed.problems[0]).toEqual({ row: 3, message: '1 field where the header has 5: the file mixes delimiters, or a quote is not closed.' });
    expect((await attempt(back, 'scientific.csv')).problems[0]?.message).toContain('scientific notation');
    expect((await attempt(back, 'formula-cells.csv')).problems[0]?.message).toContain('is a formula, not an amount');
    expect((await attempt(back, 'duplicates.csv')).problems[0]).toMatchObject({ row: 3, message: expect.stringContaining('Row 2 already sets') });
    const unknown = (await attempt(back, 'unknown-names.csv')).problems.map((problem) => [problem.row, problem.message]);
    expect(unknown).toEqual([
      [2, 'There is no department “Marketing” in this workbook.'],
      [3, 'There is no account “9999” (by code or name) in this workbook.'],
      [4, '“2027-13” is not a month of this version (Jan 2027 to Dec 2027).'],
    ]);
    // A decimal comma read with the wrong separator is refused with the hint; with the right one it imports.
    expect((await attempt(back, 'decimal-comma.csv')).problems[0]?.message).toContain('choose “Comma” as the decimal separator');
    expect((await attempt(back, 'decimal-comma.csv', ',')).refused).toBeNull();
    expect((await customerVisits(back)).values.slice(0, 2)).toEqual(['1234.56', '-2000']);
    // UTF-16 and Latin-1 files are read in their encoding and import correctly.
    expect((await attempt(back, 'utf16.csv')).refused).toBeNull();
    expect((await customerVisits(back)).values.slice(0, 2)).toEqual(['1250.5', '1300']);
    expect((await attempt(back, 'latin1.csv')).refused).toBeNull();
    expect((await back.call('sheet/get-sheet', {})).lines.some((line) => line.description === 'Café et déjeuners clients')).toBe(true);
    back.stop();
  });

  it('refuses a sheet of a million rows at the limit, before reading it all', async () => {
    const back = startBack(tempFolder());
    const path = join(back.dataDir, 'million.xlsx');
    await writeHugeXlsx(path, 1_000_000);
    const error = await rejection(back.call('import/inspect', { source: { path }, target: await targetOf(back, 'budget') }));
    expect(error.message).toBe('million.xlsx: the sheet has more than 500,000 rows (row 500,002 is past the limit); Tandem imports at most that many at once. Nothing was imported.');
    back.stop();
  }, 120_000);

  it('an uploaded file (bytes, as the browser sends them) reads the same as a path', async () => {
    const back = startBack(tempFolder());
    const base64 = readFileSync(join(BAD, 'utf16.csv')).toString('base64');
    const inspected = await back.call('import/inspect', { source: { name: 'utf16.csv', base64 }, target: await targetOf(back, 'budget') });
    expect(inspected.headers).toEqual(['Department', 'Account code', 'Line', 'Period', 'Amount']);
    expect(inspected.notes[0]).toBe('Read as UTF-16 (little-endian).');
    back.stop();
  });
});
