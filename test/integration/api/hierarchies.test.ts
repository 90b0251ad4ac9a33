import { describe, expect, it } from 'vitest';
import type { TestBack } from '../../helpers/back';
import { startBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function sheet(back: TestBack) {
  return back.call('sheet/get-sheet', {});
}
async function departmentNamed(back: TestBack, name: string): Promise<number> {
  const found = (await sheet(back)).departments.find((department) => department.name === name);
  if (found === undefined) throw new Error(`no department ${name}`);
  return found.id;
}
async function accountId(back: TestBack, code: string): Promise<number> {
  const found = (await sheet(back)).accounts.find((account) => account.code === code);
  if (found === undefined) throw new Error(`no account ${code}`);
  return found.id;
}
async function lineId(back: TestBack, description: string): Promise<number> {
  const found = (await sheet(back)).lines.find((line) => line.description === description);
  if (found === undefined) throw new Error(`no line ${description}`);
  return found.id;
}

describe('department and account trees through the API', () => {
  it('puts a department under a division and back with undo, refusing a loop', async () => {
    const back = startBack(tempFolder());
    const gna = await departmentNamed(back, 'G&A');
    const commercial = await departmentNamed(back, 'Commercial');
    const sales = await departmentNamed(back, 'Sales');
    await back.call('dimension/set-department-parent', { departmentId: gna, parentId: commercial });
    expect((await sheet(back)).departments.find((department) => department.id === gna)?.parentId).toBe(commercial);
    expect((await sheet(back)).history.undo).toBe('put department “G&A” under “Commercial”');
    // Commercial cannot go under Sales, which sits inside it.
    const loop = await rejection(back.call('dimension/set-department-parent', { departmentId: commercial, parentId: sales }));
    expect(loop.message).toBe('“Commercial” cannot go under “Sales”: “Sales” is inside “Commercial”.');
    expect(loop.where).toBe('parentId');
    await back.call('sheet/undo', {});
    expect((await sheet(back)).departments.find((department) => department.id === gna)?.parentId).toBeNull();
    back.stop();
  });

  it('rolls accounts up into a header of their own type only', async () => {
    const back = startBack(tempFolder());
    const personnel = await accountId(back, '60');
    const travel = await accountId(back, '6200');
    const revenue = await accountId(back, '4000');
    await back.call('dimension/set-account-parent', { accountId: travel, parentId: personnel });
    expect((await sheet(back)).accounts.find((account) => account.id === travel)?.parentId).toBe(personnel);
    const mixed = await rejection(back.call('dimension/set-account-parent', { accountId: revenue, parentId: personnel }));
    expect(mixed.message).toBe('Account 60 “Personnel” is opex; an account of type revenue cannot roll up into it.');
    const { accountId: recruiting } = await back.call('dimension/add-account', { code: '6050', name: 'Recruiting fees', type: 'opex', parentId: personnel });
    expect((await sheet(back)).accounts.find((account) => account.id === recruiting)).toMatchObject({ unit: 'currency', parentId: personnel });
    // A header with accounts under it, or an account with lines, cannot be deleted.
    expect((await rejection(back.call('dimension/delete-account', { accountId: personnel }))).message).toBe('Account 60 “Personnel” has 4 accounts under it. Move them first.');
    expect((await rejection(back.call('dimension/delete-account', { accountId: travel }))).message).toContain('still has 3 lines');
    await back.call('dimension/delete-account', { accountId: recruiting });
    await back.call('sheet/undo', {});
    expect((await sheet(back)).accounts.find((account) => account.id === recruiting)?.name).toBe('Recruiting fees');
    back.stop();
  });

  it('moves a line to another department and account, with its amounts, as one undo step', async () => {
    const back = startBack(tempFolder());
    const id = await lineId(back, 'Customer visits');
    const before = (await sheet(back)).lines.find((line) => line.id === id);
    const operations = await departmentNamed(back, 'Operations');
    const marketing = await accountId(back, '6400');
    await back.call('sheet/relocate-line', { lineId: id, departmentId: operations, accountId: marketing });
    const moved = (await sheet(back)).lines.find((line) => line.id === id);
    expect(moved).toMatchObject({ departmentId: operations, accountId: marketing, values: before?.values });
    expect((await sheet(back)).history.undo).toBe('move “Customer visits” to Operations, 6400 Marketing programs');
    // Money cannot become a headcount.
    const headcount = await accountId(back, '9000');
    expect((await rejection(back.call('sheet/relocate-line', { lineId: id, departmentId: operations, accountId: headcount }))).message).toBe(
      '“Customer visits” counts money; account 9000 “Headcount” counts a quantity. Move it to an account of the same kind.',
    );
    await back.call('sheet/undo', {});
    expect((await sheet(back)).lines.find((line) => line.id === id)).toMatchObject({ departmentId: before?.departmentId, accountId: before?.accountId });
    back.stop();
  });

  it('deletes a department with its lines only when asked to, and undo brings every amount back', async () => {
    const back = startBack(tempFolder());
    const { departmentId } = await back.call('dimension/add-department', { name: 'Field service', parentId: null });
    const travel = await accountId(back, '6200');
    for (const description of ['Technician travel', 'Van leases']) {
      const { line } = await back.call('sheet/add-line', { departmentId, accountId: travel, description });
      await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '1200.5' }, { lineId: line.id, period: 5, value: '99' }], label: 'amounts' });
    }
    const beforeLines = (await sheet(back)).lines.filter((line) => line.departmentId === departmentId);
    expect((await rejection(back.call('dimension/delete-department', { departmentId }))).message).toBe('“Field service” still has 2 lines. Delete or move them first, so no amounts are lost.');
    await back.call('dimension/delete-department', { departmentId, withLines: true });
    const after = await sheet(back);
    expect(after.departments.some((department) => department.id === departmentId)).toBe(false);
    expect(after.lines.some((line) => line.departmentId === departmentId)).toBe(false);
    expect(after.history.undo).toBe('delete department “Field service” and its 2 lines');
    await back.call('sheet/undo', {});
    expect((await sheet(back)).lines.filter((line) => line.departmentId === departmentId)).toEqual(beforeLines);
    await back.call('sheet/redo', {});
    expect((await sheet(back)).lines.some((line) => line.departmentId === departmentId)).toBe(false);
    // A division with departments under it cannot go, nor a department that proposals belong to.
    const product = await departmentNamed(back, 'Product & Supply');
    expect((await rejection(back.call('dimension/delete-department', { departmentId: product, withLines: true }))).message).toBe('“Product & Supply” has 2 departments under it. Move them first.');
    const gna = await departmentNamed(back, 'G&A');
    expect((await rejection(back.call('dimension/delete-department', { departmentId: gna, withLines: true }))).message).toBe('“G&A” has 5 investment proposals. Give them another department first.');
    back.stop();
  });
});

describe('driver units and seasonality profiles through the API', () => {
  it('keeps six decimals on a rate line, and the rate drives its formula exactly', async () => {
    const back = startBack(tempFolder());
    const rate = await lineId(back, 'Payroll tax & benefits rate');
    await back.call('sheet/set-cells', { edits: [{ lineId: rate, period: 0, value: '0.215375' }], label: 'rate' });
    expect((await sheet(back)).lines.find((line) => line.id === rate)?.values[0]).toBe('0.215375');
    back.stop();
  });

  it('adds and deletes profiles as undo steps, refusing bad weights', async () => {
    const back = startBack(tempFolder());
    const weights = ['1', '1', '1', '1', '1', '1', '2', '2', '1', '1', '1', '0.5'];
    const { profileId } = await back.call('dimension/add-profile', { name: 'Summer peak', weights });
    expect((await sheet(back)).profiles.find((profile) => profile.id === profileId)?.weights).toEqual(weights);
    await back.call('dimension/delete-profile', { profileId });
    expect((await sheet(back)).profiles.some((profile) => profile.id === profileId)).toBe(false);
    await back.call('sheet/undo', {});
    expect((await sheet(back)).profiles.find((profile) => profile.id === profileId)?.name).toBe('Summer peak');
    const eleven = await rejection(back.call('dimension/add-profile', { name: 'Short', weights: weights.slice(1) }));
    expect(eleven.message).toContain('twelve');
    const negative = await rejection(back.call('dimension/add-profile', { name: 'Negative', weights: ['-1', ...weights.slice(1)] }));
    expect(negative.message).toContain('cannot be negative');
    expect((await rejection(back.call('dimension/add-profile', { name: 'summer PEAK', weights }))).code).toBe('already-exists');
    back.stop();
  });
});
