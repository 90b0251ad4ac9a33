import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function idOf(back: TestBack, title: string): Promise<number> {
  const found = (await back.call('proposal/get-portfolio', {})).proposals.find((proposal) => proposal.title === title);
  if (found === undefined) throw new Error(`no proposal ${title}`);
  return found.id;
}

async function prerequisitesOf(back: TestBack, proposalId: number): Promise<number[]> {
  return (await back.call('proposal/get-portfolio', {})).proposals.find((proposal) => proposal.id === proposalId)?.prerequisites ?? [];
}

describe('a proposal with several prerequisites, through the API', () => {
  it('keeps the whole list, takes one out, and undoes each change in one step', async () => {
    const back = startBack(tempFolder());
    const erp = await idOf(back, 'ERP upgrade to cloud edition');
    const warehouse = await idOf(back, 'Data warehouse and BI dashboards');
    const { proposalId } = await back.call('proposal/add', { title: 'Shop-floor tablets', prerequisites: [erp, warehouse] });
    expect(await prerequisitesOf(back, proposalId)).toEqual([erp, warehouse]);
    await back.call('proposal/update', { proposalId, fields: { prerequisites: [warehouse] } });
    expect(await prerequisitesOf(back, proposalId)).toEqual([warehouse]);
    await back.call('sheet/undo', {});
    expect(await prerequisitesOf(back, proposalId)).toEqual([erp, warehouse]);
    // Deleting it takes its prerequisites along; undo brings them back with it.
    await back.call('proposal/delete', { proposalId });
    await back.call('sheet/undo', {});
    expect(await prerequisitesOf(back, proposalId)).toEqual([erp, warehouse]);
    back.stop();
  });

  it('refuses itself, a proposal that does not exist, and a cycle through another’s second prerequisite, naming it and changing nothing', async () => {
    const back = startBack(tempFolder());
    const erp = await idOf(back, 'ERP upgrade to cloud edition');
    const warehouse = await idOf(back, 'Data warehouse and BI dashboards');
    const cpq = await idOf(back, 'CPQ quoting for the sales team');
    const { proposalId: tablets } = await back.call('proposal/add', { title: 'Shop-floor tablets', prerequisites: [cpq, warehouse] });
    const before = await back.call('proposal/get-portfolio', {});
    const itself = await rejection(back.call('proposal/update', { proposalId: tablets, fields: { prerequisites: [cpq, tablets] } }));
    expect([itself.message, itself.where]).toEqual(['A proposal cannot depend on itself.', 'prerequisites.1']);
    const missing = await rejection(back.call('proposal/update', { proposalId: tablets, fields: { prerequisites: [99999] } }));
    expect([missing.message, missing.where]).toEqual(['Proposal 99999 does not exist.', 'prerequisites.0']);
    // The warehouse needs the ERP upgrade; making the ERP upgrade need the tablets closes a cycle through the tablets' second prerequisite.
    const cycle = await rejection(back.call('proposal/update', { proposalId: erp, fields: { prerequisites: [tablets] } }));
    expect(cycle.message).toBe('That would make a dependency cycle: “ERP upgrade to cloud edition” needs “Shop-floor tablets” needs “Data warehouse and BI dashboards” needs “ERP upgrade to cloud edition”.');
    const needed = await rejection(back.call('proposal/delete', { proposalId: warehouse }));
    expect(needed.message).toBe('“Data warehouse and BI dashboards” is needed by “Shop-floor tablets”. Remove it from their prerequisites first.');
    expect((await back.call('proposal/get-portfolio', {})).proposals).toEqual(before.proposals);
    back.stop();
  });

  it('never funds a proposal without both its prerequisites, whatever the cap, and says which one is missing', async () => {
    const back = startBack(tempFolder());
    // Each prerequisite loses money on its own; the tablets earn more than both lose together, so
    // without its two rows the optimizer would take the tablets alone.
    const { proposalId: erp } = await back.call('proposal/add', { title: 'Core ERP', prerequisites: [] });
    const { proposalId: warehouse } = await back.call('proposal/add', { title: 'Core warehouse' });
    const { proposalId: tablets } = await back.call('proposal/add', { title: 'Tablets', prerequisites: [erp, warehouse] });
    await back.call('proposal/set-flows', { proposalId: erp, flows: [{ kind: 'capex', year: 0, amount: '200000' }] });
    await back.call('proposal/set-flows', { proposalId: warehouse, flows: [{ kind: 'capex', year: 0, amount: '300000' }, { kind: 'benefit', year: 1, amount: '100000' }] });
    await back.call('proposal/set-flows', { proposalId: tablets, flows: [{ kind: 'capex', year: 0, amount: '10000' }, { kind: 'benefit', year: 1, amount: '2000000' }] });
    // Caps from what the sample's mandatory proposal takes alone to room for all three beside it.
    const mandatory = (await back.call('proposal/get-portfolio', {})).proposals.filter((proposal) => proposal.mandatory).reduce((sum, proposal) => sum + Number(proposal.flows.capex[0]), 0);
    const seen = { withAll: 0, without: 0 };
    for (const room of [0, 15000, 250000, 400000, 520000, 5000000]) {
      await back.call('proposal/set-settings', { capitalCaps: [String(mandatory + room), null, null, null, null] });
      const outcome = await back.call('proposal/optimize', { objective: 'npv', timeLimitSeconds: 30 });
      if (!outcome.ok) throw new Error(outcome.message);
      const chosen = new Set(outcome.choice.chosen);
      if (chosen.has(tablets)) {
        expect([chosen.has(erp), chosen.has(warehouse)]).toEqual([true, true]);
        seen.withAll += 1;
      } else {
        expect(outcome.choice.reasons[tablets]).toMatch(/^Out: it needs “Core ERP” and “Core warehouse”; .* out\.$/);
        seen.without += 1;
      }
    }
    // The caps reach both cases: the tablets in with both prerequisites, and out for want of them.
    expect(seen.withAll).toBeGreaterThan(0);
    expect(seen.without).toBeGreaterThan(0);
    back.stop();
  });
});
