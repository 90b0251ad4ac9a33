import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function firstLine(back: TestBack) {
  const sheet = await back.call('sheet/get-sheet', {});
  const line = sheet.lines.find((candidate) => candidate.formula === null);
  if (line === undefined) throw new Error('no entered line in the sample');
  return { sheet, line };
}

describe('approval of the budget version', () => {
  it('moves draft → submitted → approved with who and when, and then every edit path refuses', async () => {
    const back = startBack(tempFolder());
    await back.call('app/set-user-name', { userName: 'Ana Controller' });
    const { sheet, line } = await firstLine(back);
    expect(sheet.version.status).toBe('draft');
    await back.call('version/set-status', { action: 'submit' });
    const approved = await back.call('version/set-status', { action: 'approve' });
    expect(approved.version.status).toBe('approved');
    expect(approved.version.events.map((event) => [event.action, event.actor])).toEqual([
      ['submit', 'Ana Controller'],
      ['approve', 'Ana Controller'],
    ]);

    const refusals = [
      back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '1' }], label: 'edit' }),
      back.call('sheet/set-formula', { lineId: line.id, formula: '1 + 1' }),
      back.call('sheet/add-line', { departmentId: line.departmentId, accountId: line.accountId, description: 'Late idea' }),
      back.call('sheet/delete-line', { lineId: line.id }),
      back.call('sheet/rename-line', { lineId: line.id, description: 'Renamed' }),
      back.call('dimension/rename-department', { departmentId: line.departmentId, name: 'Renamed' }),
      back.call('dimension/add-department', { name: 'Skunkworks', parentId: null }),
    ];
    for (const refused of refusals) {
      const error = await rejection(refused);
      expect([error.code, error.message]).toEqual(['locked', expect.any(String)]);
      expect(error.message).toMatch(/was approved by Ana Controller on \d{4}-\d{2}-\d{2}.*Reopen the version/);
    }
    // Funding a proposal would write budget lines: refused too.
    const portfolio = await back.call('proposal/get-portfolio', {});
    const open = portfolio.proposals.find((proposal) => proposal.status === 'proposed' && !proposal.mandatory);
    if (open === undefined) throw new Error('no open proposal');
    expect((await rejection(back.call('proposal/decide', { proposalId: open.id, decision: 'funded', reason: 'go' }))).code).toBe('locked');
    // Comments stay open: reviewers comment on approved budgets.
    await back.call('sheet/add-comment', { lineId: line.id, period: 0, text: 'Checked against the contract.' });
    expect((await back.call('sheet/get-sheet', {})).lines.find((candidate) => candidate.id === line.id)?.values).toEqual(line.values);
    back.stop();
  });

  it('undo cannot reach past an approval into the budget; reopening needs a reason and unlocks it', async () => {
    const back = startBack(tempFolder());
    const { line } = await firstLine(back);
    await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '4321' }], label: 'edit one cell' });
    await back.call('version/set-status', { action: 'submit' });
    await back.call('version/set-status', { action: 'approve' });
    expect((await rejection(back.call('sheet/undo', {}))).message).toContain('undoing “edit one cell” is locked');
    expect((await rejection(back.call('version/set-status', { action: 'reopen' }))).message).toContain('records a reason');
    expect((await rejection(back.call('version/set-status', { action: 'approve' }))).message).toContain('is approved');
    const reopened = await back.call('version/set-status', { action: 'reopen', reason: 'Q1 freight rates changed' });
    expect(reopened.version.status).toBe('draft');
    expect(reopened.version.events.at(-1)).toMatchObject({ action: 'reopen', reason: 'Q1 freight rates changed' });
    await back.call('sheet/undo', {});
    expect((await back.call('sheet/get-sheet', {})).lines.find((candidate) => candidate.id === line.id)?.values[0]).toBe(line.values[0]);
    back.stop();
  });

  it('the status survives closing and reopening the file', async () => {
    const folder = tempFolder();
    const back = startBack(folder);
    await back.call('version/set-status', { action: 'submit' });
    back.stop();
    const again = startBack(folder);
    expect((await again.call('sheet/get-sheet', {})).version.status).toBe('submitted');
    again.stop();
  });
});

describe('the audit trail', () => {
  it('records each cell with who, when, old and new value and the action, per cell and per line', async () => {
    const back = startBack(tempFolder());
    await back.call('app/set-user-name', { userName: 'Ben Ops' });
    const { line } = await firstLine(back);
    await back.call('sheet/set-cells', {
      edits: [
        { lineId: line.id, period: 2, value: '1500' },
        { lineId: line.id, period: 3, value: '1600' },
      ],
      label: 'paste 2 cells',
    });
    await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 2, value: '1750.25' }], label: 'edit one cell' });
    const cell = await back.call('audit/list', { lineId: line.id, period: 2 });
    expect(cell.entries.map((entry) => [entry.label, entry.before, entry.after, entry.actor, entry.kind])).toEqual([
      ['edit one cell', '1500', '1750.25', 'Ben Ops', 'value'],
      ['paste 2 cells', line.values[2], '1500', 'Ben Ops', 'value'],
    ]);
    expect(cell.entries[0]?.subject).toContain(line.description);
    expect((await back.call('audit/list', { lineId: line.id })).total).toBe(3);
    // Undo is in the trail too, as the change it makes.
    await back.call('sheet/undo', {});
    const undone = (await back.call('audit/list', { lineId: line.id, period: 2 })).entries[0];
    expect(undone).toMatchObject({ label: 'undo edit one cell', before: '1750.25', after: '1500', action: 'sheet/undo' });
    back.stop();
  });

  it('records formulas, structure and status, and filters by kind, person and text', async () => {
    const back = startBack(tempFolder());
    const { line } = await firstLine(back);
    await back.call('sheet/rename-line', { lineId: line.id, description: 'Renamed for the audit' });
    await back.call('version/set-status', { action: 'submit' });
    await back.call('version/set-status', { action: 'return', reason: 'Missing the freight line' });
    const status = await back.call('audit/list', { kinds: ['status'] });
    expect(status.entries.map((entry) => [entry.before, entry.after])).toEqual([
      ['submitted', 'draft'],
      ['draft', 'submitted'],
    ]);
    expect(status.entries[0]?.subject).toContain('Missing the freight line');
    const structure = await back.call('audit/list', { kinds: ['structure'], text: 'Renamed for' });
    expect(structure.entries).toHaveLength(1);
    expect(structure.entries[0]).toMatchObject({ before: line.description, after: 'Renamed for the audit', lineId: line.id });
    expect((await back.call('audit/list', { actor: 'nobody' })).total).toBe(0);
    // Moving a line says which way it went, and its undo the other way.
    await back.call('sheet/move-line', { lineId: line.id, direction: 'down' });
    const moved = (await back.call('audit/list', { lineId: line.id, kinds: ['structure'] })).entries[0];
    expect([moved?.before?.split(' ')[0], moved?.after?.split(' ')[0]]).toEqual(['above', 'below']);
    await back.call('sheet/undo', {});
    const undone = (await back.call('audit/list', { lineId: line.id, kinds: ['structure'] })).entries[0];
    expect([undone?.before?.split(' ')[0], undone?.after?.split(' ')[0], undone?.label]).toEqual(['below', 'above', `undo move “Renamed for the audit” down`]);
    expect((await rejection(back.call('audit/list', { from: 'last week' }))).message).toContain('2027-03-31');
    back.stop();
  });
});
