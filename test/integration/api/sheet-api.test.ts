import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SheetModel } from '../../../shared/domain/workbook';
import type { ApiError } from '../../../shared/api/errors';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

function lineNamed(sheet: SheetModel, description: string) {
  const line = sheet.lines.find((candidate) => candidate.description === description);
  if (line === undefined) throw new Error(`no line "${description}"`);
  return line;
}


describe('the sheet API over a real workbook file', () => {
  it('a first run creates the sample workbook and opens it', async () => {
    const back = startBack(tempFolder());
    const session = await back.call('workbook/get-session', {});
    expect(session.current?.path).toBe(join(back.dataDir, 'workbooks', 'Sample Company.tandem'));
    const sheet = await back.call('sheet/get-sheet', {});
    expect(sheet.lines.length).toBeGreaterThanOrEqual(40);
    expect(sheet.departments.map((department) => department.name)).toEqual(['Commercial', 'Sales', 'Product & Supply', 'Operations', 'R&D', 'G&A']);
    expect(sheet.departments.find((department) => department.name === 'R&D')?.parentId).toBe(sheet.departments.find((department) => department.name === 'Product & Supply')?.id);
    expect(sheet.profiles.map((profile) => profile.name)).toEqual(['Retail (Q4 peak)', 'Trade-show calendar', 'Year-end heavy']);
    expect(sheet.priorYear?.versionName).toBe('Actuals FY2026');
    expect(new Set(sheet.accounts.map((account) => account.type))).toEqual(new Set(['revenue', 'cogs', 'opex', 'capex', 'driver']));
    expect(sheet.lines.filter((line) => line.formula !== null).map((line) => line.description)).toContain('Engineering salaries');
    expect(sheet.periods).toHaveLength(12);
    back.stop();
  });

  it('the sample is the same every time it is generated', async () => {
    const first = startBack(tempFolder());
    const second = startBack(tempFolder());
    const strip = (sheet: SheetModel) => sheet.lines.map((line) => [line.description, line.values]);
    expect(strip(await first.call('sheet/get-sheet', {}))).toEqual(strip(await second.call('sheet/get-sheet', {})));
    first.stop();
    second.stop();
  });

  it('a cell edit is durable: a new session on the same folder reopens the file with the value', async () => {
    const dataDir = tempFolder();
    const back = startBack(dataDir);
    const sheet = await back.call('sheet/get-sheet', {});
    const line = lineNamed(sheet, 'Utilities');
    const receipt = await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 2, value: '12345.67' }], label: 'test edit' });
    expect(receipt.revision).toBe(sheet.workbook.revision + 1);
    await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 3, value: null }], label: 'test edit' });
    back.stop();

    const reopened = startBack(dataDir);
    const after = lineNamed(await reopened.call('sheet/get-sheet', {}), 'Utilities');
    expect(after.values[2]).toBe('12345.67');
    expect(after.values[3]).toBeNull();
    expect(after.values[4]).toBe(line.values[4]);
    reopened.stop();
  });

  it('every write leaves an audit record with who, what, before and after', async () => {
    const back = startBack(tempFolder());
    const line = lineNamed(await back.call('sheet/get-sheet', {}), 'Legal counsel');
    await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '-300' }], label: 'test edit' });
    const store = back.session.requireStore();
    back.stop();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(store.path, { readonly: true });
    const last = db.prepare<[], { id: number; action: string; actor: string; label: string }>('SELECT id, action, actor, label FROM audit_log ORDER BY id DESC LIMIT 1').get();
    const changes = db.prepare<[number], { line_id: number; period: number; before: string | null; after: string | null }>('SELECT line_id, period, before, after FROM audit_changes WHERE audit_id = ?').all(last?.id ?? 0);
    db.close();
    expect(last).toMatchObject({ action: 'sheet/set-cells', actor: back.session.settings.userName, label: 'test edit' });
    expect(changes).toEqual([{ line_id: line.id, period: 0, before: line.values[0], after: '-300' }]);
  });

  it('adds and deletes lines', async () => {
    const dataDir = tempFolder();
    const back = startBack(dataDir);
    const sheet = await back.call('sheet/get-sheet', {});
    const rnd = sheet.departments.find((department) => department.name === 'R&D');
    const travel = sheet.accounts.find((account) => account.code === '6200');
    if (rnd === undefined || travel === undefined) throw new Error('sample lacks R&D or travel');
    const { line } = await back.call('sheet/add-line', { departmentId: rnd.id, accountId: travel.id, description: '  Prototype field trials ' });
    expect(line.description).toBe('Prototype field trials');
    await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '3000' }], label: 'test edit' });
    expect((await back.call('sheet/get-sheet', {})).lines).toHaveLength(sheet.lines.length + 1);
    await back.call('sheet/delete-line', { lineId: line.id });
    back.stop();
    const reopened = startBack(dataDir);
    const after = await reopened.call('sheet/get-sheet', {});
    expect(after.lines).toHaveLength(sheet.lines.length);
    expect(after.lines.some((candidate) => candidate.id === line.id)).toBe(false);
    reopened.stop();
  });

  describe('bad input gets a clear error and changes nothing', () => {
    async function unchanged(back: TestBack, attempt: () => Promise<unknown>): Promise<ApiError> {
      const before = await back.call('sheet/get-sheet', {});
      const error = await rejection(attempt());
      expect(await back.call('sheet/get-sheet', {})).toEqual(before);
      return error;
    }

    it('a call of the wrong shape names the field', async () => {
      const back = startBack(tempFolder());
      const error = await unchanged(back, () => back.call('sheet/set-cells', { edits: [{ lineId: 'one', period: 0, value: '1' }], label: 'x' } as never));
      expect(error.code).toBe('invalid-input');
      expect(error.where).toBe('edits.0.lineId');
      expect(error.message).toContain('sheet/set-cells');
      const extra = await unchanged(back, () => back.call('sheet/set-cells', { edits: [{ lineId: 1, period: 0, value: '1', sneaky: true }], label: 'x' } as never));
      expect(extra.code).toBe('invalid-input');
      back.stop();
    });

    it('a non-numeric value is refused', async () => {
      const back = startBack(tempFolder());
      for (const value of ['abc', '1,000', '1e5', '12.3456789', 'NaN', '']) {
        const error = await unchanged(back, () => back.call('sheet/set-cells', { edits: [{ lineId: 1, period: 0, value }], label: 'test edit' }));
        expect(error.code).toBe('invalid-input');
        expect(error.where).toBe('edits.0.value');
        expect(error.message).toContain('expected an amount');
      }
      // Three decimals pass the API's form (drivers take six) but not a money line.
      const error = await unchanged(back, () => back.call('sheet/set-cells', { edits: [{ lineId: 1, period: 0, value: '12.345' }], label: 'test edit' }));
      expect(error.message).toBe('“Sensor kits — North America” holds money: 12.345 has more than two decimals. Round it to the cent.');
      expect(error.where).toBe('edits.0.value');
      back.stop();
    });

    it('a period outside the calendar or a line that does not exist is refused', async () => {
      const back = startBack(tempFolder());
      const period = await unchanged(back, () => back.call('sheet/set-cells', { edits: [{ lineId: 1, period: 12, value: '1' }], label: 'test edit' }));
      expect(period.where).toBe('edits.0.period');
      expect(period.message).toContain('outside');
      const line = await unchanged(back, () => back.call('sheet/set-cells', { edits: [{ lineId: 99999, period: 0, value: '1' }], label: 'test edit' }));
      expect(line.code).toBe('not-found');
      expect(line.message).toContain('99999');
      const deleted = await unchanged(back, () => back.call('sheet/delete-line', { lineId: 99999 }));
      expect(deleted.code).toBe('not-found');
      back.stop();
    });

    it('an unknown method is named', async () => {
      const back = startBack(tempFolder());
      const response = await back.raw('sheet/drop-everything', {});
      expect(response).toEqual({ ok: false, error: { code: 'unknown-method', message: 'There is no API method "sheet/drop-everything".', where: 'sheet/drop-everything' } });
      expect(await back.raw(42, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      back.stop();
    });

    it('with no workbook open, sheet calls say so', async () => {
      const back = startBack(tempFolder());
      await back.call('workbook/close-file', {});
      const error = await rejection(back.call('sheet/get-sheet', {}));
      expect(error.code).toBe('no-workbook-open');
      back.stop();
    });
  });
});
