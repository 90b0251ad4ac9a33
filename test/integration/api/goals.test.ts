import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../shared/domain/kpi';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function goalNamed(back: TestBack, name: string): Promise<Goal> {
  const goal = (await back.call('kpi/list', {})).goals.find((candidate) => candidate.name === name);
  if (goal === undefined) throw new Error(`no goal “${name}”`);
  return goal;
}

/** Who uses what goal: every line's, proposal's and KPI's goal id. */
async function tags(back: TestBack) {
  const sheet = await back.call('sheet/get-sheet', {});
  const portfolio = await back.call('proposal/get-portfolio', {});
  const book = await back.call('kpi/list', {});
  return {
    goals: book.goals,
    lines: Object.fromEntries(sheet.lines.map((line) => [line.id, line.goalId])),
    proposals: Object.fromEntries(portfolio.proposals.map((proposal) => [proposal.id, [proposal.goalId, proposal.goal]])),
    kpis: Object.fromEntries(book.kpis.map((kpi) => [kpi.id, kpi.goalId])),
  };
}

async function lineNamed(back: TestBack, description: string) {
  const line = (await back.call('sheet/get-sheet', {})).lines.find((candidate) => candidate.description === description);
  if (line === undefined) throw new Error(`no line “${description}”`);
  return line;
}

describe('strategic goals', () => {
  it('the sample has three goals, and the sheet’s lines carry the goal they are tagged with', async () => {
    const back = startBack(tempFolder());
    const { goals } = await back.call('kpi/list', {});
    expect(goals.map((goal) => goal.name)).toEqual(['Cost leadership', 'Grow services revenue', 'Operational excellence']);
    const cost = await goalNamed(back, 'Cost leadership');
    expect((await lineNamed(back, 'Sensor components')).goalId).toBe(cost.id);
    expect((await lineNamed(back, 'Legal counsel')).goalId).toBeNull();
    expect(await back.call('goal/usage', { goalId: cost.id })).toEqual({ lines: 4, proposals: 7, kpis: 3 });
    back.stop();
  });

  it('adds, renames and describes a goal, each one undo step; a name in use is refused, naming the clash', async () => {
    const back = startBack(tempFolder());
    const created = await back.call('goal/create', { name: 'Zero harm', description: 'No lost-time injuries.' });
    expect([created.goal.name, created.history.undo]).toEqual(['Zero harm', 'add goal “Zero harm”']);
    const renamed = await back.call('goal/update', { goalId: created.goal.id, name: 'Safety first', description: 'No lost-time injuries.' });
    expect(renamed.history.undo).toBe('rename goal “Zero harm” to “Safety first”');
    const clash = await rejection(back.call('goal/create', { name: 'cost LEADERSHIP', description: '' }));
    expect([clash.code, clash.message]).toEqual(['already-exists', 'There is already a goal named “Cost leadership”. Choose another name.']);
    await back.call('sheet/undo', {});
    expect((await goalNamed(back, 'Zero harm')).description).toBe('No lost-time injuries.');
    await back.call('sheet/undo', {});
    expect((await back.call('kpi/list', {})).goals.map((goal) => goal.name)).not.toContain('Zero harm');
    back.stop();
  });

  it('refuses to delete a goal in use, counting exactly what uses it, and changes nothing', async () => {
    const back = startBack(tempFolder());
    const services = await goalNamed(back, 'Grow services revenue');
    const before = await tags(back);
    const error = await rejection(back.call('goal/delete', { goalId: services.id }));
    expect(error.message).toBe('Goal “Grow services revenue” is used by 3 budget lines, 4 proposals and 1 KPI: clear them with it, or retag them first.');
    expect(await tags(back)).toEqual(before);
    back.stop();
  });

  it('says “1 budget line” and “0 proposals” when that is what there is', async () => {
    const back = startBack(tempFolder());
    const { goal } = await back.call('goal/create', { name: 'Zero harm', description: '' });
    const training = await lineNamed(back, 'Safety training');
    await back.call('goal/tag-lines', { goalId: goal.id, lineIds: [training.id] });
    const error = await rejection(back.call('goal/delete', { goalId: goal.id }));
    expect(error.message).toBe('Goal “Zero harm” is used by 1 budget line, 0 proposals and 0 KPIs: clear them with it, or retag them first.');
    back.stop();
  });

  it('with clearUses, clears the goal from its lines, proposals and KPIs and deletes it as one undo step, which undo restores whole', async () => {
    const back = startBack(tempFolder());
    const cost = await goalNamed(back, 'Cost leadership');
    const before = await tags(back);
    const deleted = await back.call('goal/delete', { goalId: cost.id, clearUses: true });
    expect(deleted.history.undo).toBe('delete goal “Cost leadership” and clear it from 14 uses');
    const after = await tags(back);
    expect(after.goals.map((goal) => goal.name)).toEqual(['Grow services revenue', 'Operational excellence']);
    expect(Object.values(after.lines)).not.toContain(cost.id);
    expect(Object.values(after.proposals).map(([goalId]) => goalId)).not.toContain(cost.id);
    expect(Object.values(after.kpis)).not.toContain(cost.id);
    // The proposals that served it show no goal now.
    expect(Object.values(after.proposals).filter(([, name]) => name === 'Cost leadership')).toEqual([]);
    const audit = await back.call('audit/list', { text: 'Cost leadership' });
    expect(audit.entries.filter((entry) => entry.auditId === audit.entries[0]?.auditId)).toHaveLength(15);
    await back.call('sheet/undo', {});
    expect(await tags(back)).toEqual(before);
    await back.call('sheet/redo', {});
    expect(await tags(back)).toEqual(after);
    back.stop();
  });

  it('an unused goal is deleted without asking', async () => {
    const back = startBack(tempFolder());
    const { goal } = await back.call('goal/create', { name: 'Zero harm', description: '' });
    const deleted = await back.call('goal/delete', { goalId: goal.id });
    expect(deleted.history.undo).toBe('delete goal “Zero harm”');
    back.stop();
  });
});

describe('tagging budget lines with a goal', () => {
  it('tags lines in one undo step; the sheet shows the tag and undo takes it off', async () => {
    const back = startBack(tempFolder());
    const excellence = await goalNamed(back, 'Operational excellence');
    const visits = await lineNamed(back, 'Customer visits');
    const legal = await lineNamed(back, 'Legal counsel');
    const tagged = await back.call('goal/tag-lines', { goalId: excellence.id, lineIds: [visits.id, legal.id] });
    expect([tagged.linesChanged, tagged.history.undo]).toEqual([2, 'tag 2 lines with “Operational excellence”']);
    expect([(await lineNamed(back, 'Customer visits')).goalId, (await lineNamed(back, 'Legal counsel')).goalId]).toEqual([excellence.id, excellence.id]);
    await back.call('sheet/undo', {});
    expect([(await lineNamed(back, 'Customer visits')).goalId, (await lineNamed(back, 'Legal counsel')).goalId]).toEqual([visits.goalId, null]);
    const cleared = await back.call('goal/tag-lines', { goalId: null, lineIds: [visits.id] });
    expect([cleared.linesChanged, cleared.history.undo]).toEqual([1, 'clear the goal of 1 line']);
    expect((await lineNamed(back, 'Customer visits')).goalId).toBeNull();
    back.stop();
  });

  it('refuses an unknown line and tags none of the others', async () => {
    const back = startBack(tempFolder());
    const excellence = await goalNamed(back, 'Operational excellence');
    const legal = await lineNamed(back, 'Legal counsel');
    const before = await tags(back);
    const error = await rejection(back.call('goal/tag-lines', { goalId: excellence.id, lineIds: [legal.id, 999_999] }));
    expect([error.code, error.where, error.message]).toEqual(['not-found', 'lineIds.1', 'Budget line 999999 does not exist in this workbook (it may have been deleted). No line was tagged.']);
    expect(await tags(back)).toEqual(before);
    back.stop();
  });

  it('is open while the budget is approved: a tag changes no amount', async () => {
    const back = startBack(tempFolder());
    await back.call('version/set-status', { action: 'submit' });
    await back.call('version/set-status', { action: 'approve' });
    const excellence = await goalNamed(back, 'Operational excellence');
    const legal = await lineNamed(back, 'Legal counsel');
    await back.call('goal/tag-lines', { goalId: excellence.id, lineIds: [legal.id] });
    expect((await lineNamed(back, 'Legal counsel')).goalId).toBe(excellence.id);
    // Deleting the goal with its uses is no change to the budget either.
    await back.call('goal/delete', { goalId: excellence.id, clearUses: true });
    await back.call('sheet/undo', {});
    expect((await lineNamed(back, 'Legal counsel')).goalId).toBe(excellence.id);
    // A line's place still is: the approval lock is unchanged for the rest.
    expect((await rejection(back.call('sheet/rename-line', { lineId: legal.id, description: 'Lawyers' }))).code).toBe('locked');
    back.stop();
  });

  it('a deleted line comes back by undo with its goal', async () => {
    const back = startBack(tempFolder());
    const components = await lineNamed(back, 'Sensor components');
    expect(components.goalId).not.toBeNull();
    await back.call('sheet/delete-line', { lineId: components.id });
    await back.call('sheet/undo', {});
    expect((await lineNamed(back, 'Sensor components')).goalId).toBe(components.goalId);
    back.stop();
  });
});

describe('a proposal’s goal', () => {
  it('is set by name, in any letters, and shown by its name; an empty name clears it', async () => {
    const back = startBack(tempFolder());
    const services = await goalNamed(back, 'Grow services revenue');
    const portfolio = await back.call('proposal/get-portfolio', {});
    const cpq = portfolio.proposals.find((proposal) => proposal.title === 'CPQ quoting for the sales team');
    if (cpq === undefined) throw new Error('no CPQ proposal');
    expect([cpq.goal, cpq.goalId]).toEqual(['', null]);
    await back.call('proposal/update', { proposalId: cpq.id, fields: { goal: '  grow SERVICES revenue ' } });
    const tagged = (await back.call('proposal/get-portfolio', {})).proposals.find((proposal) => proposal.id === cpq.id);
    expect([tagged?.goal, tagged?.goalId]).toEqual(['Grow services revenue', services.id]);
    await back.call('proposal/edit-many', { label: 'clear the goal', edits: [{ proposalId: cpq.id, fields: { goal: '' } }] });
    const cleared = (await back.call('proposal/get-portfolio', {})).proposals.find((proposal) => proposal.id === cpq.id);
    expect([cleared?.goal, cleared?.goalId]).toEqual(['', null]);
    back.stop();
  });

  it('an unknown goal is refused with the goals there are, and nothing changes', async () => {
    const back = startBack(tempFolder());
    const before = await back.call('proposal/get-portfolio', {});
    const first = before.proposals[0];
    if (first === undefined) throw new Error('no proposal');
    const error = await rejection(back.call('proposal/edit-many', { label: 'paste', edits: [{ proposalId: first.id, fields: { owner: 'Someone else', goal: 'World domination' } }] }));
    expect([error.where, error.message]).toEqual(['edits.0.goal', 'There is no goal “World domination”. Goals: Cost leadership, Grow services revenue, Operational excellence — add it under Goals first.']);
    expect(await back.call('proposal/get-portfolio', {})).toEqual(before);
    back.stop();
  });
});

describe('the sheet’s lines carry their links', () => {
  it('a funded proposal’s line carries its proposal id; other lines none', async () => {
    const back = startBack(tempFolder());
    const portfolio = await back.call('proposal/get-portfolio', {});
    const led = portfolio.proposals.find((proposal) => proposal.title === 'LED lighting retrofit');
    if (led === undefined) throw new Error('no LED proposal');
    await back.call('proposal/decide', { proposalId: led.id, decision: 'funded', reason: 'Quick payback' });
    const sheet = await back.call('sheet/get-sheet', {});
    expect(sheet.lines.filter((line) => line.proposalId === led.id).map((line) => line.description)).toEqual(['LED lighting retrofit (capital)']);
    expect(sheet.lines.filter((line) => line.proposalId !== null)).toHaveLength(1);
    back.stop();
  });

  it('funding a proposal tags the budget lines it adds with the proposal’s goal', async () => {
    const back = startBack(tempFolder());
    const proposal = (await back.call('proposal/get-portfolio', {})).proposals.find((candidate) => candidate.goalId !== null && candidate.status === 'proposed' && candidate.flows.capex.some((amount) => amount !== '0'));
    if (proposal === undefined) throw new Error('the sample has no proposal with a goal and capital to fund');
    await back.call('proposal/decide', { proposalId: proposal.id, decision: 'funded', reason: 'Serves the goal.' });
    const added = (await back.call('sheet/get-sheet', {})).lines.filter((line) => line.proposalId === proposal.id);
    expect(added.length).toBeGreaterThan(0);
    for (const line of added) expect(line.goalId).toBe(proposal.goalId);
    back.stop();
  });
});
