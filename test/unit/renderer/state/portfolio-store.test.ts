// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Decimal } from '../../../../shared/money/decimal';
import { usePortfolioStore } from '../../../../renderer/state/portfolio-store';
import { flushWrites, useSheetStore } from '../../../../renderer/state/sheet-store';
import { useNoticeStore } from '../../../../renderer/state/notice-store';
import type { TestBack } from '../../../helpers/back';
import { resetStore, useRendererOverBack } from '../../../helpers/in-process-api';

const startRenderer = useRendererOverBack();
let back: TestBack;

beforeEach(async () => {
  resetStore(useSheetStore);
  resetStore(useNoticeStore);
  resetStore(usePortfolioStore);
  ({ back } = startRenderer());
  // As the app does: the sheet is open underneath the proposals view.
  await useSheetStore.getState().load();
});

const store = () => usePortfolioStore.getState();

function portfolio() {
  const shown = store().portfolio;
  if (shown === null) throw new Error('No portfolio: load it first.');
  return shown;
}

function proposal(id: number) {
  const found = portfolio().proposals.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`No proposal ${id}.`);
  return found;
}

/** The first proposal that is neither mandatory nor decided, nor tied to others. */
function openProposal() {
  const found = portfolio().proposals.find((candidate) => candidate.status === 'proposed' && !candidate.mandatory && candidate.prerequisites.length === 0 && candidate.exclusiveGroup === null);
  if (found === undefined) throw new Error('The sample has no open proposal.');
  return found;
}

const errors = () => useNoticeStore.getState().notices.filter((notice) => notice.tone === 'error');
const notes = () => useNoticeStore.getState().notices.filter((notice) => notice.tone === 'info').map((notice) => notice.message);
const rankedIds = () => store().ranked.map((entry) => entry.proposal.id);
const fileProposal = async (id: number) => (await back.call('proposal/get-portfolio', {})).proposals.find((candidate) => candidate.id === id);

describe('the portfolio store', () => {
  it('loads the proposals with their metrics, ranks them by score and selects the first', async () => {
    await store().load();
    const { proposals } = portfolio();
    expect(proposals.length).toBeGreaterThan(5);
    expect(store().metrics.size).toBe(proposals.length);
    expect(store().ranked).toHaveLength(proposals.length);
    expect(store().ranked.map((entry) => entry.rank)).toEqual(proposals.map((_proposal, index) => index + 1));
    expect(store().rankingProblem).toBeNull();
    expect(store().selectedId).toBe(proposals[0]?.id);
    const scores = store().ranked.map((entry) => entry.score);
    for (let index = 1; index < scores.length; index++) expect(scores[index - 1]?.gte(scores[index] ?? 0)).toBe(true);
  });

  it('draws the funding line: committed proposals first, then those that fit the caps, one crossing, the rest below', async () => {
    await store().load();
    const places = store().ranked.map((entry) => entry.place);
    const mandatory = portfolio().proposals.filter((candidate) => candidate.mandatory).map((candidate) => candidate.id);
    for (const id of mandatory) expect(store().ranked.find((entry) => entry.proposal.id === id)?.place).toBe('committed');
    expect(places.filter((place) => place === 'crossing')).toHaveLength(1);
    const crossing = places.indexOf('crossing');
    expect(places.slice(0, crossing).every((place) => place !== 'below')).toBe(true);
    expect(places.slice(crossing + 1).every((place) => place === 'below' || place === 'out' || place === 'committed')).toBe(true);
  });

  it('re-ranks by another key at once, without writing anything', async () => {
    await store().load();
    const byScore = rankedIds();
    const revision = store().revision;
    store().setRankKey('npv');
    expect(store().rankKey).toBe('npv');
    expect(rankedIds()).not.toEqual(byScore);
    const npvs = store().ranked.map((entry) => entry.metrics.npv);
    for (let index = 1; index < npvs.length; index++) expect(npvs[index - 1]?.gte(npvs[index] ?? 0)).toBe(true);
    expect((await back.call('sheet/get-sheet', {})).workbook.revision).toBe(revision);
  });

  it('moves the funding line at once when a cap moves on the slider, and saves the cap before the next write', async () => {
    await store().load();
    const above = store().ranked.filter((entry) => entry.place === 'above').length;
    store().setCapitalCapLive(0, '0');
    expect(portfolio().settings.capitalCaps[0]).toBe('0');
    expect(store().ranked.filter((entry) => entry.place === 'above').length).toBeLessThan(above);
    const target = openProposal();
    expect(await store().update(target.id, { owner: 'Kim Lee' })).toBe(true);
    const inFile = await back.call('proposal/get-portfolio', {});
    expect(inFile.settings.capitalCaps[0]).toBe('0');
    expect(inFile.proposals.find((candidate) => candidate.id === target.id)?.owner).toBe('Kim Lee');
    expect(portfolio().settings.capitalCaps[0]).toBe('0');
  });

  it('saves criteria weights once the slider rests', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await store().load();
      const [first] = portfolio().criteria;
      if (first === undefined) throw new Error('The sample has no criteria.');
      store().setWeight(first.id, '9');
      store().setWeight(first.id, '10');
      expect(portfolio().criteria[0]?.weight).toBe('10');
      expect((await back.call('proposal/get-portfolio', {})).criteria[0]?.weight).toBe(first.weight);
      await vi.advanceTimersByTimeAsync(400);
      await vi.waitFor(async () => expect((await back.call('proposal/get-portfolio', {})).criteria[0]?.weight).toBe('10'));
    } finally {
      vi.useRealTimers();
    }
    await flushWrites();
  });

  it('says why there is no ranking by score when the weights add up to zero', async () => {
    await store().load();
    // Unsaved weights are sent before the next write; this test makes none, so nothing reaches the file.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (const criterion of portfolio().criteria) store().setWeight(criterion.id, '0');
      expect(store().rankingProblem).toMatch(/\S/);
      expect(store().ranked).toHaveLength(portfolio().proposals.length);
      for (const criterion of (await back.call('proposal/get-portfolio', {})).criteria) expect(criterion.weight).not.toBe('0');
      await vi.advanceTimersByTimeAsync(400);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(async () => expect((await back.call('proposal/get-portfolio', {})).criteria.every((criterion) => criterion.weight === '0')).toBe(true));
  });

  it('ranks by hand in the order the user gives', async () => {
    await store().load();
    const reversed = portfolio().proposals.map((candidate) => candidate.id).reverse();
    store().setRankKey('manual');
    expect(await store().reorder(reversed)).toBe(true);
    expect(rankedIds()).toEqual(reversed);
  });

  it('adds a proposal, selects it, and the sheet offers to undo it', async () => {
    await store().load();
    const count = portfolio().proposals.length;
    expect(await store().addProposal('Forklift fleet telematics', 1)).toBe(true);
    expect(portfolio().proposals).toHaveLength(count + 1);
    const added = portfolio().proposals.find((candidate) => candidate.title === 'Forklift fleet telematics');
    expect(added?.departmentId).toBe(1);
    expect(store().selectedId).toBe(added?.id);
    expect(useSheetStore.getState().history.undo).not.toBeNull();
    expect(store().revision).toBe(useSheetStore.getState().revision);
  });

  it('updates a proposal’s fields and reads them back from the file', async () => {
    await store().load();
    const target = openProposal();
    expect(await store().update(target.id, { title: 'Renamed proposal', risk: 'high' })).toBe(true);
    expect(proposal(target.id)).toMatchObject({ title: 'Renamed proposal', risk: 'high' });
    expect(await fileProposal(target.id)).toMatchObject({ title: 'Renamed proposal', risk: 'high' });
  });

  it('an update refused by the back leaves the proposal as it was and says why', async () => {
    await store().load();
    const target = openProposal();
    expect(await store().update(target.id, { title: '   ' })).toBe(false);
    expect(proposal(target.id).title).toBe(target.title);
    expect(errors()[0]?.message).toMatch(/Give the proposal a title/);
  });

  it('a typed cash flow changes the proposal’s metrics; a negative or malformed one is refused before it is sent', async () => {
    await store().load();
    const target = openProposal();
    const npv = store().metrics.get(target.id)?.npv;
    const revision = store().revision;

    expect(await store().setFlow(target.id, 'benefit', 0, '-5')).toBe(false);
    expect(await store().setFlow(target.id, 'benefit', 0, 'lots')).toBe(false);
    expect(errors()).toHaveLength(2);
    expect(errors()[0]?.message).toMatch(/positive amounts/);
    expect((await back.call('sheet/get-sheet', {})).workbook.revision).toBe(revision);

    const before = new Decimal(target.flows.benefit[0] ?? '0');
    expect(await store().setFlow(target.id, 'benefit', 0, before.plus(100_000).toString())).toBe(true);
    expect(proposal(target.id).flows.benefit[0]).toBe(before.plus(100_000).toString());
    expect(store().metrics.get(target.id)?.npv.gt(npv ?? 0)).toBe(true);
  });

  it('pastes a block of cash flows, all cells or none', async () => {
    await store().load();
    const target = openProposal();
    expect(await store().pasteFlows(target.id, 'capex', 0, '100\t200\n50\tnope')).toBe(false);
    expect(proposal(target.id).flows).toEqual(target.flows);
    expect(await store().pasteFlows(target.id, 'capex', 0, '100\t200\n50\t60')).toBe(true);
    expect(proposal(target.id).flows.capex.slice(0, 2)).toEqual(['100', '200']);
    expect(proposal(target.id).flows.opex.slice(0, 2)).toEqual(['50', '60']);
  });

  it('records a decision with its reason, puts a funded proposal’s costs into the budget, and says so', async () => {
    await store().load();
    const target = openProposal();
    const lines = useSheetStore.getState().view?.rows.length ?? 0;
    expect(await store().decide(target.id, 'funded', 'Pays back in two years')).toBe(true);
    expect(proposal(target.id).status).toBe('funded');
    expect(store().ranked.find((entry) => entry.proposal.id === target.id)?.place).toBe('committed');
    const view = useSheetStore.getState().view;
    expect(view?.rows.length).toBeGreaterThan(lines);
    expect(view?.rows.some((row) => row.line.proposalId === target.id)).toBe(true);
    expect(notes()).toContain('Recorded: funded — Pays back in two years');
  });

  it('a decision refused by the back (the budget is approved) changes nothing and says why', async () => {
    await store().load();
    const target = openProposal();
    await back.call('version/set-status', { action: 'submit' });
    await back.call('version/set-status', { action: 'approve' });
    expect(await store().decide(target.id, 'funded', 'Go')).toBe(false);
    expect(proposal(target.id).status).toBe('proposed');
    expect((await fileProposal(target.id))?.status).toBe('proposed');
    expect(errors()[0]?.message).toMatch(/was approved/);
    expect(notes()).toEqual([]);
  });

  it('undo in the sheet takes a decision back, and the proposals view reads the portfolio again', async () => {
    store().setVisible(true);
    await vi.waitFor(() => expect(store().portfolio).not.toBeNull());
    const target = openProposal();
    await store().decide(target.id, 'rejected', 'Not this year');
    expect(proposal(target.id).status).toBe('rejected');
    await useSheetStore.getState().undo();
    await vi.waitFor(() => expect(proposal(target.id).status).toBe('proposed'));
  });

  it('marks itself stale when the file changes while it is hidden, and reads again when shown', async () => {
    await store().load();
    const target = openProposal();
    await useSheetStore.getState().editCell(useSheetStore.getState().view?.rows[0]?.line.id ?? 0, 0, '1');
    expect(store().stale).toBe(true);
    await back.call('proposal/update', { proposalId: target.id, fields: { title: 'Changed elsewhere' } });
    store().setVisible(true);
    await vi.waitFor(() => expect(proposal(target.id).title).toBe('Changed elsewhere'));
    expect(store().stale).toBe(false);
  });

  it('finds the optimal portfolio under the caps, with the mandatory proposals in, and funds the chosen ones in one step', async () => {
    await store().load();
    const running = store().optimize('npv');
    expect(store().optimizing).toBe(true);
    await running;
    expect(store().optimizing).toBe(false);
    const optimized = store().optimized;
    if (optimized === null || !optimized.ok) throw new Error(`The optimizer found no portfolio: ${JSON.stringify(optimized)}`);
    expect(store().optimizedFor).toBe('npv');
    expect(optimized.choice.status).toBe('optimal');
    for (const mandatory of portfolio().proposals.filter((candidate) => candidate.mandatory)) expect(optimized.choice.chosen).toContain(mandatory.id);
    const caps = portfolio().settings.capitalCaps;
    optimized.choice.capital.forEach((year, index) => expect(new Decimal(year.used).lte(caps[index] ?? Infinity)).toBe(true));

    await store().fundChosen('The session’s optimum');
    for (const id of optimized.choice.chosen) expect(proposal(id).status).toBe('funded');
    // Funding re-reads the portfolio: the answer was for the portfolio before it.
    expect(store().optimized).toBeNull();
    expect(notes().some((note) => note.startsWith('Funded'))).toBe(true);

    await useSheetStore.getState().undo();
    await vi.waitFor(async () => {
      const inFile = await back.call('proposal/get-portfolio', {});
      expect(inFile.proposals.filter((candidate) => optimized.choice.chosen.includes(candidate.id) && candidate.status === 'funded')).toEqual([]);
    });
  });

  it('deletes a proposal and chooses another to show', async () => {
    await store().load();
    const first = store().selectedId;
    if (first === null) throw new Error('Nothing selected.');
    expect(await store().deleteProposal(first)).toBe(true);
    expect(portfolio().proposals.some((candidate) => candidate.id === first)).toBe(false);
    expect(store().selectedId).toBe(portfolio().proposals[0]?.id);
  });
});
