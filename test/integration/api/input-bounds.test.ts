import { describe, expect, it } from 'vitest';
import { startBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('the bounds of API inputs (the refusals themselves are in test/fixtures/bad/api)', () => {
  it('takes every rate up to 100% a year and just above -100%, and refuses one a millionth beyond', async () => {
    const back = startBack(tempFolder());
    await back.call('proposal/set-settings', { discountRate: '1', financeRate: '-0.999999', reinvestRate: '0' });
    expect((await back.call('proposal/get-portfolio', {})).settings).toMatchObject({ discountRate: '1', financeRate: '-0.999999', reinvestRate: '0' });
    const refusal = await rejection(back.call('proposal/set-settings', { discountRate: '1.000001' }));
    expect(refusal.message).toBe(
      'Invalid input for proposal/set-settings at discountRate: a rate must be above -100% and at most 100% a year (a fraction above -1 and at most 1, such as 0.08 for 8%); 1.000001 is 100.0001%.',
    );
    back.stop();
  });

  it('takes department minimums keyed by department ids', async () => {
    const back = startBack(tempFolder());
    await back.call('proposal/set-settings', { departmentMinimums: { '1': '50000' } });
    expect((await back.call('proposal/get-portfolio', {})).settings.departmentMinimums).toEqual({ '1': '50000' });
    back.stop();
  });

  it('decides many proposals given once each, and names the id given twice', async () => {
    const back = startBack(tempFolder());
    const ids = (await back.call('proposal/get-portfolio', {})).proposals.filter((proposal) => !proposal.mandatory).map((proposal) => proposal.id).slice(0, 3);
    const [first, second, third] = ids as [number, number, number];
    const refusal = await rejection(back.call('proposal/decide-many', { proposalIds: [first, second, third, second], decision: 'deferred', reason: 'Next year' }));
    expect(refusal.message).toBe(`Invalid input for proposal/decide-many at proposalIds.3: proposal ${second} is given twice; give each proposal once.`);
    await back.call('proposal/decide-many', { proposalIds: [first, second, third], decision: 'deferred', reason: 'Next year' });
    expect((await back.call('proposal/get-portfolio', {})).proposals.filter((proposal) => ids.includes(proposal.id)).map((proposal) => proposal.status)).toEqual(['deferred', 'deferred', 'deferred']);
    back.stop();
  });

  it('opens a workbook by a path of 4,096 characters and refuses one longer, without touching the disk', async () => {
    const back = startBack(tempFolder());
    const longest = `${'a'.repeat(4088)}.tandem`.padStart(4096, '/');
    expect((await rejection(back.call('workbook/open-file', { path: longest }))).code).not.toBe('invalid-input');
    const refusal = await rejection(back.call('workbook/open-file', { path: `${longest}x` }));
    expect(refusal).toMatchObject({ code: 'invalid-input', where: 'path', message: 'Invalid input for workbook/open-file at path: a file path has at most 4,096 characters.' });
    back.stop();
  });
});
