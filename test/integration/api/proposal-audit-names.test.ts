import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function proposalNamed(back: TestBack, title: string) {
  const found = (await back.call('proposal/get-portfolio', {})).proposals.find((proposal) => proposal.title === title);
  if (found === undefined) throw new Error(`no proposal ${title}`);
  return found;
}

/** The trail's proposal records, newest first, as a reader sees them. */
async function proposalTrail(back: TestBack) {
  return (await back.call('audit/list', { kinds: ['proposal'], limit: 500 })).entries.map((entry) => ({ subject: entry.subject, before: entry.before, after: entry.after }));
}

describe('the audit trail names proposals', () => {
  it('a funding reads “Proposal “ERP upgrade…” funded” with its reason, and its undo names it too', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    await back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'Replaces an unsupported system' });
    expect(await proposalTrail(back)).toContainEqual({ subject: 'Proposal “ERP upgrade to cloud edition” funded', before: null, after: 'Replaces an unsupported system' });
    await back.call('sheet/undo', {});
    expect(await proposalTrail(back)).toContainEqual({ subject: 'Proposal “ERP upgrade to cloud edition” funded', before: 'Replaces an unsupported system', after: null });
    back.stop();
  });

  it('cash flows, scores and prerequisites added and removed are named by the proposal’s title and the criterion’s name, never by number', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    const { proposalId } = await back.call('proposal/add', { title: 'Shop-floor tablets' });
    await back.call('proposal/set-flows', { proposalId, flows: [{ kind: 'capex', year: 0, amount: '45000' }] });
    const urgency = (await back.call('proposal/get-portfolio', {})).criteria.find((criterion) => criterion.name === 'Urgency');
    await back.call('proposal/set-score', { proposalId, criterionId: urgency?.id ?? 0, score: '7' });
    const warehouse = await proposalNamed(back, 'Data warehouse and BI dashboards');
    await back.call('proposal/update', { proposalId, fields: { prerequisites: [erp.id] } });
    // A second prerequisite, then the first taken away: one record each, by name.
    await back.call('proposal/update', { proposalId, fields: { prerequisites: [erp.id, warehouse.id] } });
    await back.call('proposal/update', { proposalId, fields: { prerequisites: [warehouse.id] } });
    const trail = await proposalTrail(back);
    expect(trail).toContainEqual({ subject: 'proposal “Shop-floor tablets”: depends on', before: null, after: 'Data warehouse and BI dashboards' });
    expect(trail).toContainEqual({ subject: 'proposal “Shop-floor tablets”: depends on', before: 'ERP upgrade to cloud edition', after: null });
    expect(trail).toContainEqual({ subject: 'proposal “Shop-floor tablets”: capital cost, year 1', before: null, after: '45000' });
    expect(trail).toContainEqual({ subject: 'proposal “Shop-floor tablets”: score on “Urgency”', before: null, after: '7' });
    expect(trail).toContainEqual({ subject: 'proposal “Shop-floor tablets”: depends on', before: null, after: 'ERP upgrade to cloud edition' });
    expect(trail.filter((entry) => /(proposal|criterion) \d/i.test(entry.subject))).toEqual([]);
    back.stop();
  });

  it('taking a funding back names the budget lines whose months it clears, not their numbers', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    await back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'Board approved' });
    await back.call('proposal/decide', { proposalId: erp.id, decision: 'proposed', reason: 'Scope to be reviewed' });
    const values = (await back.call('audit/list', { kinds: ['value'], limit: 500 })).entries.filter((entry) => entry.label === 'reopen “ERP upgrade to cloud edition”');
    expect(values.length).toBeGreaterThan(0);
    expect(new Set(values.map((entry) => entry.subject))).toEqual(new Set(['ERP upgrade to cloud edition (capital) (G&A)', 'ERP upgrade to cloud edition (operating) (G&A)']));
    back.stop();
  });

  it('a deleted proposal’s flows and decisions are still named by its title', async () => {
    const back = startBack(tempFolder());
    const { proposalId } = await back.call('proposal/add', { title: 'Fleet telematics' });
    await back.call('proposal/set-flows', { proposalId, flows: [{ kind: 'opex', year: 1, amount: '1200' }] });
    await back.call('proposal/decide', { proposalId, decision: 'deferred', reason: 'Next year' });
    await back.call('proposal/delete', { proposalId });
    const trail = await proposalTrail(back);
    expect(trail).toContainEqual({ subject: 'proposal “Fleet telematics”: operating cost, year 2', before: '1200', after: null });
    expect(trail).toContainEqual({ subject: 'Proposal “Fleet telematics” deferred', before: 'Next year', after: null });
    expect(trail.filter((entry) => /(proposal|criterion) \d/i.test(entry.subject))).toEqual([]);
    back.stop();
  });
});
