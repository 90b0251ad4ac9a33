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

/** The budget lines a funding made, with their account and the months that hold an amount. */
async function fundedLines(back: TestBack, proposalId: number) {
  const sheet = await back.call('sheet/get-sheet', {});
  const accounts = new Map(sheet.accounts.map((account) => [account.id, `${account.code} ${account.name}`]));
  return sheet.lines
    .filter((line) => line.proposalId === proposalId)
    .map((line) => ({ line: line.description, account: accounts.get(line.accountId), months: line.values.flatMap((value, period) => (value === null ? [] : [[period, value]])) }))
    .sort((a, b) => a.line.localeCompare(b.line));
}

async function accountId(back: TestBack, code: string): Promise<number> {
  const found = (await back.call('sheet/get-sheet', {})).accounts.find((account) => account.code === code);
  if (found === undefined) throw new Error(`no account ${code}`);
  return found.id;
}

describe('funding a proposal puts its costs on the accounts and months chosen', () => {
  it('proposes the first accounts over whole years at first, and the chart’s capital and operating accounts to choose from', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    const options = await back.call('proposal/funding-options', { proposalId: erp.id });
    expect(options.remembered).toBe(false);
    expect(options.capitalAccounts.map((account) => account.label)).toEqual(['1500 Equipment', '1600 IT hardware']);
    expect(options.operatingAccounts.map((account) => account.label)).toContain('6300 Software & subscriptions');
    expect(options.operatingAccounts.map((account) => account.label)).not.toContain('60 Personnel');
    expect(options.placement).toEqual({ capitalAccountId: await accountId(back, '1500'), operatingAccountId: await accountId(back, '6000'), capitalMonths: { from: 0, to: 11 }, operatingMonths: { from: 0, to: 11 } });
    expect(options.monthNames).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    back.stop();
  });

  it('writes the costs where the user chose, remembers the choice with the proposal, and proposes it next time', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    const placement = { capitalAccountId: await accountId(back, '1600'), operatingAccountId: await accountId(back, '6300'), capitalMonths: { from: 2, to: 2 }, operatingMonths: { from: 3, to: 11 } };
    await back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'Board approved', funding: placement });
    const lines = await fundedLines(back, erp.id);
    expect(lines.map((line) => [line.line, line.account])).toEqual([
      ['ERP upgrade to cloud edition (capital)', '1600 IT hardware'],
      ['ERP upgrade to cloud edition (operating)', '6300 Software & subscriptions'],
    ]);
    // The first year's capital all in March; its operating cost from April to December.
    expect(lines[0]?.months).toEqual([[2, erp.flows.capex[0]]]);
    expect(lines[1]?.months.map(([period]) => period)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(await back.call('proposal/funding-options', { proposalId: erp.id })).toMatchObject({ remembered: true, placement });
    const trail = (await back.call('audit/list', { kinds: ['proposal'] })).entries.map((entry) => [entry.subject, entry.after]);
    expect(trail).toContainEqual(['proposal “ERP upgrade to cloud edition”: where funding goes', 'capital to 1600 IT hardware in Mar; operating to 6300 Software & subscriptions in Apr–Dec']);

    // Reopened and funded again without a choice: it goes where it went the last time.
    await back.call('proposal/decide', { proposalId: erp.id, decision: 'proposed', reason: 'Scope changes' });
    expect(await fundedLines(back, erp.id)).toEqual([]);
    await back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'Approved again' });
    expect(await fundedLines(back, erp.id)).toEqual(lines);
    back.stop();
  });

  it('undo of the funding takes the lines out and forgets the choice', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    const placement = { capitalAccountId: await accountId(back, '1600'), operatingAccountId: await accountId(back, '6300'), capitalMonths: { from: 5, to: 5 }, operatingMonths: { from: 0, to: 11 } };
    await back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'Board approved', funding: placement });
    await back.call('sheet/undo', {});
    expect(await fundedLines(back, erp.id)).toEqual([]);
    expect((await back.call('proposal/funding-options', { proposalId: erp.id })).remembered).toBe(false);
    back.stop();
  });

  it('refuses an account of the wrong type, months that run backwards, or a placement on another decision, and changes nothing', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    const revision = (await back.call('workbook/get-session', {})).current?.revision;
    const travel = await accountId(back, '6200');
    const wrongType = await rejection(
      back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'x', funding: { capitalAccountId: travel, operatingAccountId: null, capitalMonths: { from: 0, to: 11 }, operatingMonths: { from: 0, to: 11 } } }),
    );
    expect(wrongType.message).toBe(`Account ${travel} cannot take capital costs: choose one of 1500 Equipment, 1600 IT hardware.`);
    expect(wrongType.where).toBe('funding.capitalAccountId');
    const backwards = await rejection(
      back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'x', funding: { capitalAccountId: null, operatingAccountId: null, capitalMonths: { from: 6, to: 2 }, operatingMonths: { from: 0, to: 11 } } }),
    );
    expect(backwards.message).toContain('the months run backwards');
    const notFunding = await rejection(
      back.call('proposal/decide', { proposalId: erp.id, decision: 'deferred', reason: 'x', funding: { capitalAccountId: null, operatingAccountId: null, capitalMonths: { from: 0, to: 11 }, operatingMonths: { from: 0, to: 11 } } }),
    );
    expect(notFunding.message).toBe('Only a funding says where its costs go: leave out “funding” for this decision.');
    expect((await back.call('workbook/get-session', {})).current?.revision).toBe(revision);
    expect((await proposalNamed(back, 'ERP upgrade to cloud edition')).status).toBe('proposed');
    back.stop();
  });

  it('funds several at once (the optimizer’s choice) where one choice says, remembered with each; refuses it on another decision', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    const portal = await proposalNamed(back, 'Distributor self-service portal');
    const placement = { capitalAccountId: await accountId(back, '1600'), operatingAccountId: await accountId(back, '6300'), capitalMonths: { from: 5, to: 11 }, operatingMonths: { from: 3, to: 11 } };
    const notFunding = await rejection(back.call('proposal/decide-many', { proposalIds: [erp.id, portal.id], decision: 'deferred', reason: 'x', funding: placement }));
    expect(notFunding.message).toBe('Only a funding says where its costs go: leave out “funding” for this decision.');
    expect((await proposalNamed(back, 'ERP upgrade to cloud edition')).status).toBe('proposed');

    await back.call('proposal/decide-many', { proposalIds: [erp.id, portal.id], decision: 'funded', reason: 'The optimum', funding: placement });
    for (const proposal of [erp, portal]) {
      const lines = await fundedLines(back, proposal.id);
      expect(lines[0]).toMatchObject({ line: `${proposal.title} (capital)`, account: '1600 IT hardware' });
      expect(lines[0]?.months[0]?.[0]).toBe(5);
      for (const line of lines.slice(1)) expect(line.account).toBe('6300 Software & subscriptions');
      expect(await back.call('proposal/funding-options', { proposalId: proposal.id })).toMatchObject({ remembered: true, placement });
    }
    back.stop();
  });
});
