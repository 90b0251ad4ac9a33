import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookStore } from '../../../electron/store/workbook-store';
import type { WorkbookSeed } from '../../../electron/store/workbook-seed';
import { expandSheet, type CompactSheet } from '../../../shared/sheet/compact-sheet';
import type { AmountText } from '../../../shared/money/amount';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

const MONTHS = 6;
const LARGEST = '999999999999999999.99';
const MOST_NEGATIVE = '-999999999999999999.99';

/** A small workbook whose amounts are the hard cases: 18 whole digits, negatives, cents, whole units, six-decimal drivers, gaps. */
function seed(): WorkbookSeed {
  return {
    name: 'Compact',
    currency: 'USD',
    calendar: { startYear: 2027, startMonth: 1, periodCount: MONTHS },
    versionName: 'Budget',
    departments: [{ name: 'Sales' }, { name: 'Ops' }],
    accounts: [
      { code: '4000', name: 'Revenue', type: 'revenue' },
      { code: '6000', name: 'Wages', type: 'opex' },
      { code: '9000', name: 'Headcount', type: 'driver', unit: 'number' },
      { code: '9100', name: 'Rate', type: 'driver', unit: 'percent' },
    ],
    lines: [
      { department: 'Sales', accountCode: '4000', description: 'Huge', values: [LARGEST, MOST_NEGATIVE, '123456789012345678', '-0.01', '0', '1234.5'] },
      { department: 'Sales', accountCode: '4000', description: 'Gaps', values: [null, '12.34', null, '-300', null, null] },
      { department: 'Sales', accountCode: '4000', description: 'Empty', values: [null, null, null, null, null, null] },
      { department: 'Ops', accountCode: '9000', description: 'Heads', values: ['12', '12.5', '13', null, '14', '15'] },
      { department: 'Ops', accountCode: '9100', description: 'Growth rate', values: ['0.035125', '0.000001', '-0.5', '1', null, '0.1'] },
      { department: 'Ops', accountCode: '6000', description: 'Salaries', values: [null, null, null, null, null, null], formula: 'Heads * 9500' },
    ],
    comments: [
      { line: 'Gaps', period: 1, author: 'Ann', text: 'Check; with: punctuation' },
      { line: 'Huge', period: null, author: 'Bob', text: 'Whole line' },
    ],
    versions: [
      { name: 'Actuals', kind: 'actuals', lines: [{ description: 'Gaps', values: ['1.01', '2.02', '3.03', null, null, null] }, { description: 'Salaries', values: ['9500', null, null, null, null, null] }] },
      { name: 'Forecast', kind: 'forecast', basedOn: 'Budget', lines: [{ description: 'Gaps', values: ['7', '8', '9', '10', '11', '12'] }] },
    ],
    actualsThrough: 1,
  };
}

/** Each line's cells straight from the file, by description: the oracle the compact form is checked against. */
function cellsInFile(path: string, versionName: string): Map<string, (AmountText | null)[]> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare<[string], { description: string; period: number; amount: string }>(
        'SELECT l.description, c.period, c.amount FROM cell_values c JOIN budget_lines l ON l.id = c.line_id JOIN versions v ON v.id = c.version_id WHERE v.name = ?',
      )
      .all(versionName);
    const lines = new Map<string, (AmountText | null)[]>();
    for (const description of db.prepare<[], string>('SELECT description FROM budget_lines').pluck().all()) lines.set(description, new Array<null>(MONTHS).fill(null));
    for (const row of rows) {
      const values = lines.get(row.description);
      if (values !== undefined) values[row.period] = row.amount;
    }
    return lines;
  } finally {
    db.close();
  }
}

function openSeeded(): { store: WorkbookStore; path: string; versionId: (name: string) => number } {
  const path = join(tempFolder(), 'compact.tandem');
  WorkbookStore.create(path, seed(), 'Test').close();
  const store = WorkbookStore.open(path);
  const versionId = (name: string) => store.versions().find((version) => version.name === name)?.id ?? 0;
  return { store, path, versionId };
}

/** The compact sheet as each transport delivers it: JSON over HTTP, structured clone over Electron's IPC. */
const TRANSPORTS: [string, (compact: CompactSheet) => CompactSheet][] = [
  ['HTTP (JSON)', (compact) => JSON.parse(JSON.stringify(compact)) as CompactSheet],
  ['Electron IPC (structured clone)', (compact) => structuredClone(compact)],
];

describe('the compact sheet read from a real workbook file', () => {
  it.each(TRANSPORTS)('over %s, gives every amount of the file exactly, gaps as empty cells', (_name, carry) => {
    const { store, path, versionId } = openSeeded();
    const sheet = expandSheet(carry(store.compactSheet(versionId('Budget'))));
    const file = cellsInFile(path, 'Budget');
    for (const line of sheet.lines) expect(line.values, line.description).toEqual(file.get(line.description));
    const huge = sheet.lines.find((line) => line.description === 'Huge');
    expect(huge?.values).toEqual([LARGEST, MOST_NEGATIVE, '123456789012345678', '-0.01', '0', '1234.5']);
    expect(sheet.lines.find((line) => line.description === 'Growth rate')?.values).toEqual(['0.035125', '0.000001', '-0.5', '1', null, '0.1']);
    expect(sheet.lines.find((line) => line.description === 'Empty')?.values).toEqual(new Array(MONTHS).fill(null));
    store.close();
  });

  it('keeps formulas, comments, proposal and goal links, and the lines in sheet order', () => {
    const { store, versionId } = openSeeded();
    const sheet = expandSheet(JSON.parse(JSON.stringify(store.compactSheet(versionId('Budget')))) as CompactSheet);
    // By department, then account (in chart order), then the line's own place.
    expect(sheet.lines.map((line) => line.description)).toEqual(['Huge', 'Gaps', 'Empty', 'Salaries', 'Heads', 'Growth rate']);
    expect(sheet.lines.find((line) => line.description === 'Salaries')?.formula).toBe('Heads * 9500');
    expect(sheet.lines.filter((line) => line.formula !== null)).toHaveLength(1);
    expect(sheet.lines.every((line) => line.proposalId === null && line.goalId === null)).toBe(true);
    expect(sheet.comments.map((comment) => [comment.text, comment.period])).toEqual([
      ['Check; with: punctuation', 1],
      ['Whole line', null],
    ]);
    store.close();
  });

  it('reads the same model as sheet/get-sheet for every version: a forecast shows its actual months, actuals carry no formula', () => {
    const { store, path, versionId } = openSeeded();
    for (const name of ['Budget', 'Actuals', 'Forecast']) {
      const compact = store.compactSheet(versionId(name));
      expect(expandSheet(JSON.parse(JSON.stringify(compact)) as CompactSheet)).toEqual(store.sheet(versionId(name)));
    }
    const forecast = store.sheet(versionId('Forecast'));
    // Months 0 and 1 are closed: the actuals' amounts (empty where the actuals have none), then the forecast's own.
    expect(forecast.lines.find((line) => line.description === 'Gaps')?.values).toEqual(['1.01', '2.02', '9', '10', '11', '12']);
    expect(forecast.lines.find((line) => line.description === 'Huge')?.values.slice(0, 2)).toEqual([null, null]);
    expect(forecast.actualMonths).toBe(2);
    const actuals = store.sheet(versionId('Actuals'));
    expect(actuals.lines.find((line) => line.description === 'Salaries')).toMatchObject({ formula: null, values: ['9500', null, null, null, null, null] });
    expect(cellsInFile(path, 'Actuals').get('Gaps')).toEqual(actuals.lines.find((line) => line.description === 'Gaps')?.values);
    store.close();
  });

  it('a value written after the read shows in the next read, exactly', () => {
    const { store, versionId } = openSeeded();
    const budget = versionId('Budget');
    const gaps = store.sheet(budget).lines.find((line) => line.description === 'Gaps');
    store.setCells(budget, [{ lineId: gaps?.id ?? 0, period: 5, value: '-123456789012345678.9' }, { lineId: gaps?.id ?? 0, period: 1, value: null }], 'edit', 'Test');
    const after = expandSheet(JSON.parse(JSON.stringify(store.compactSheet(budget))) as CompactSheet);
    expect(after.lines.find((line) => line.description === 'Gaps')?.values).toEqual([null, null, null, '-300', null, '-123456789012345678.9']);
    store.close();
  });
});
