import { describe, expect, it } from 'vitest';
import { startBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('departments and accounts through the API', () => {
  it('adds, renames and deletes an empty department, each an undo step', async () => {
    const back = startBack(tempFolder());
    const names = async () => (await back.call('sheet/get-sheet', {})).departments.map((department) => department.name);
    const { departmentId } = await back.call('dimension/add-department', { name: 'Customer success' });
    const sampleNames = ['Commercial', 'Sales', 'Product & Supply', 'Operations', 'R&D', 'G&A'];
    expect(await names()).toEqual([...sampleNames, 'Customer success']);
    await back.call('dimension/rename-department', { departmentId, name: 'Customer care' });
    expect((await names()).at(-1)).toBe('Customer care');
    await back.call('dimension/delete-department', { departmentId });
    expect(await names()).toEqual(sampleNames);
    await back.call('sheet/undo', {});
    expect((await names()).at(-1)).toBe('Customer care');
    await back.call('sheet/undo', {});
    expect((await names()).at(-1)).toBe('Customer success');
    back.stop();
  });

  it('refuses to delete a department with lines, or to add one twice, saying why', async () => {
    const back = startBack(tempFolder());
    const sales = (await back.call('sheet/get-sheet', {})).departments.find((department) => department.name === 'Sales');
    if (sales === undefined) throw new Error('no department');
    expect((await rejection(back.call('dimension/delete-department', { departmentId: sales.id }))).message).toBe('“Sales” still has 14 lines. Delete or move them first, so no amounts are lost.');
    expect((await rejection(back.call('dimension/add-department', { name: 'sales' }))).code).toBe('already-exists');
    back.stop();
  });

  it('renames an account', async () => {
    const back = startBack(tempFolder());
    const travel = (await back.call('sheet/get-sheet', {})).accounts.find((account) => account.code === '6200');
    if (travel === undefined) throw new Error('no travel account');
    await back.call('dimension/rename-account', { accountId: travel.id, name: 'Travel & lodging' });
    expect((await back.call('sheet/get-sheet', {})).accounts.find((account) => account.id === travel.id)?.name).toBe('Travel & lodging');
    back.stop();
  });
});
