import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function proposalNamed(back: TestBack, title: string) {
  const found = (await back.call('proposal/get-portfolio', {})).proposals.find((proposal) => proposal.title === title);
  if (found === undefined) throw new Error(`no proposal ${title}`);
  return found;
}

/** The decisions log's length and the workbook's revision: what a refused decision must leave as it was. */
async function state(back: TestBack) {
  return { decisions: (await back.call('proposal/get-portfolio', {})).decisions.length, revision: (await back.call('workbook/get-session', {})).current?.revision };
}

describe('decisions that would record nothing or break a rule are refused by the back', () => {
  it('a second fund on a funded proposal logs no second decision and adds no second budget line', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    await back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'Board approved' });
    const before = await state(back);
    const refused = await rejection(back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'Pressed F again' }));
    expect(refused.message).toBe('Already funded: a second decision on “ERP upgrade to cloud edition” would record nothing new.');
    expect(await state(back)).toEqual(before);
    const lines = (await back.call('sheet/get-sheet', {})).lines.filter((line) => line.proposalId === erp.id);
    expect(lines.map((line) => line.description).sort()).toEqual(['ERP upgrade to cloud edition (capital)', 'ERP upgrade to cloud edition (operating)']);
    back.stop();
  });

  it('funding many at once refuses one already funded, naming it, and funds none', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    const warehouse = await proposalNamed(back, 'Warehouse automation (shuttle AS/RS)');
    await back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'Board approved' });
    const before = await state(back);
    const refused = await rejection(back.call('proposal/decide-many', { proposalIds: [warehouse.id, erp.id], decision: 'funded', reason: 'The optimizer’s choice' }));
    expect(refused.message).toBe('Already funded: a second decision on “ERP upgrade to cloud edition” would record nothing new.');
    expect(await state(back)).toEqual(before);
    expect((await proposalNamed(back, 'Warehouse automation (shuttle AS/RS)')).status).toBe('proposed');
    back.stop();
  });

  it('deferring or rejecting a mandatory proposal is refused with the reason', async () => {
    const back = startBack(tempFolder());
    const safety = await proposalNamed(back, 'Plant safety retrofit (machine guarding)');
    const before = await state(back);
    const refused = await rejection(back.call('proposal/decide', { proposalId: safety.id, decision: 'deferred', reason: 'Not this year' }));
    expect(refused.message).toBe('Mandatory, so always funded: “Plant safety retrofit (machine guarding)” cannot be deferred. Clear “mandatory” first if that has changed.');
    expect(refused.where).toBe('decision');
    expect(await state(back)).toEqual(before);
    back.stop();
  });
});
