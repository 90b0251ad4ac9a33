import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportField } from '../../../shared/import/plan-import';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** The fields of one record of a comma-separated file as Tandem writes it (quoted where a field holds a comma or a quote). */
function fieldsOf(record: string): string[] {
  const fields: string[] = [];
  for (const match of record.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
    const raw = match[1] ?? '';
    fields.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (match[2] === '') break;
  }
  return fields;
}

function recordOf(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
}

/** A CSV file as records of fields, edited as a spreadsheet would, and written back the way Tandem writes. */
function editCsv(text: string, edit: (records: string[][]) => void): string {
  const records = text.split('\r\n').filter((record) => record !== '').map(fieldsOf);
  edit(records);
  return records.map((fields) => `${recordOf(fields)}\r\n`).join('');
}

async function importFile(back: TestBack, path: string, columns?: (suggested: ImportField[]) => ImportField[]) {
  const target = { kind: 'version' as const, versionId: await back.budgetId() };
  const inspected = await back.call('import/inspect', { source: { path }, target });
  const mapping = { columns: columns === undefined ? inspected.suggested : columns(inspected.suggested), decimalSeparator: '.' as const };
  const preview = await back.call('import/preview', { token: inspected.token, mapping, target });
  return { preview, commit: () => back.call('import/commit', { token: inspected.token, mapping, target }) };
}

/** The names of the first input lines (not formulas) whose first months all hold values. */
async function inputLines(back: TestBack, count: number, months: number): Promise<string[]> {
  const sheet = await back.call('sheet/get-sheet', {});
  const names = sheet.lines.filter((line) => line.formula === null && line.values.slice(0, months).every((value) => value !== null && value !== '0')).map((line) => line.description);
  expect(names.length).toBeGreaterThanOrEqual(count);
  return names.slice(0, count);
}

const exportText = async (back: TestBack, fileName: string, layout: 'wide' | 'long') => readFileSync((await back.call('export/csv', { fileName, layout, byteOrderMark: false })).path, 'utf8');

describe('a CSV export edited in a spreadsheet and imported back', () => {
  it('leaves the workbook equal to the file, cleared cells cleared; undo brings them back', async () => {
    const back = startBack(tempFolder());
    const [cleared, changed] = await inputLines(back, 2, 3);
    const original = await exportText(back, 'budget.csv', 'wide');
    expect(editCsv(original, () => undefined)).toBe(original);
    const edited = editCsv(original, (records) => {
      const row = (name: string | undefined) => records.find((fields) => fields[3] === name) ?? [];
      // Columns 4 to 6 are the first three months.
      row(cleared).fill('', 4, 7);
      row(changed)[9] = '1234.56';
    });
    const file = join(back.dataDir, 'edited.csv');
    writeFileSync(file, edited);

    const run = await importFile(back, file);
    expect(run.preview).toMatchObject({ problemCount: 0, linesToAdd: 0, cellsToSet: 4, cellsToClear: 3 });
    await run.commit();
    expect(await exportText(back, 'after.csv', 'wide')).toBe(edited);

    await back.call('sheet/undo', {});
    expect(await exportText(back, 'undone.csv', 'wide')).toBe(original);
    back.stop();
  });

  it('in the long layout, an emptied amount clears its month and a record left out leaves its month alone', async () => {
    const back = startBack(tempFolder());
    const [name] = await inputLines(back, 1, 2);
    const before = (await back.call('sheet/get-sheet', {})).lines.find((line) => line.description === name);
    const original = await exportText(back, 'long.csv', 'long');
    const edited = editCsv(original, (records) => {
      const ofLine = records.filter((fields) => fields[3] === name);
      // The first month's amount emptied; every other month of the line left out of the file.
      (ofLine[0] ?? [])[5] = '';
      records.splice(0, records.length, records[0] ?? [], ofLine[0] ?? []);
    });
    const file = join(back.dataDir, 'one record.csv');
    writeFileSync(file, edited);
    const run = await importFile(back, file);
    expect(run.preview).toMatchObject({ problemCount: 0, cellsToSet: 1, cellsToClear: 1, unchanged: 0 });
    await run.commit();
    const after = (await back.call('sheet/get-sheet', {})).lines.find((line) => line.description === name);
    expect(after?.values).toEqual([null, ...(before?.values.slice(1) ?? [])]);
    back.stop();
  });

  it('a partial file (one line, two of its months) clears and sets only the cells it names', async () => {
    const back = startBack(tempFolder());
    const [name] = await inputLines(back, 1, 3);
    const before = await back.call('sheet/get-sheet', {});
    const line = before.lines.find((candidate) => candidate.description === name);
    const original = await exportText(back, 'budget.csv', 'wide');
    const header = fieldsOf(original.split('\r\n')[0] ?? '');
    const source = fieldsOf(original.split('\r\n').find((record) => fieldsOf(record)[3] === name) ?? '');
    const file = join(back.dataDir, 'partial.csv');
    // Department, account code, line, and the second and third months: the second emptied, the third changed.
    writeFileSync(file, `${recordOf([header[0] ?? '', header[1] ?? '', header[3] ?? '', header[5] ?? '', header[6] ?? ''])}\r\n${recordOf([source[0] ?? '', source[1] ?? '', name ?? '', '', '77'])}\r\n`);
    const run = await importFile(back, file);
    expect(run.preview).toMatchObject({ problemCount: 0, cellsToSet: 2, cellsToClear: 1 });
    await run.commit();
    const after = await back.call('sheet/get-sheet', {});
    const expected = before.lines.map((candidate) => (candidate.id === line?.id ? [candidate.values[0], null, '77', ...candidate.values.slice(3)] : candidate.values));
    expect(after.lines.filter((candidate) => candidate.formula === null).map((candidate) => candidate.values)).toEqual(expected.filter((_values, index) => before.lines[index]?.formula === null));
    back.stop();
  });

  it('refuses an amount in another currency, naming its symbol and the workbook’s currency, and imports nothing', async () => {
    const back = startBack(tempFolder());
    const [name] = await inputLines(back, 1, 1);
    const before = await exportText(back, 'before.csv', 'wide');
    const edited = editCsv(before, (records) => {
      const row = records.find((fields) => fields[3] === name) ?? [];
      row[4] = '£300';
      row[5] = '$300';
    });
    const file = join(back.dataDir, 'pounds.csv');
    writeFileSync(file, edited);
    const run = await importFile(back, file);
    expect(run.preview.problemCount).toBe(1);
    expect(run.preview.problems[0]?.message).toMatch(/£.*USD/);
    expect((await rejection(run.commit())).message).toContain('Nothing was imported');
    expect(await exportText(back, 'after.csv', 'wide')).toBe(before);
    back.stop();
  });
});
