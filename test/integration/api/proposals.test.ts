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

describe('investment proposals through the API', () => {
  it('the sample holds 27 proposals with flows, scores, a mandatory one, alternatives and dependencies', async () => {
    const back = startBack(tempFolder());
    const portfolio = await back.call('proposal/get-portfolio', {});
    expect(portfolio.proposals).toHaveLength(27);
    expect(portfolio.criteria.map((criterion) => criterion.name)).toEqual(['Strategic alignment', 'Risk reduction', 'Customer impact', 'Urgency']);
    expect(portfolio.settings).toMatchObject({ discountRate: '0.08', years: 5, capitalCaps: ['1800000', '1000000', '600000', '400000', '400000'] });
    expect(portfolio.firstYearLabel).toBe('FY2027');
    const warehouse = await proposalNamed(back, 'Warehouse automation (shuttle AS/RS)');
    expect(warehouse.flows.capex).toEqual(['650000', '150000', '0', '0', '0']);
    expect(portfolio.proposals.filter((proposal) => proposal.mandatory).map((proposal) => proposal.title)).toEqual(['Plant safety retrofit (machine guarding)']);
    expect(portfolio.proposals.filter((proposal) => proposal.exclusiveGroup === 'SMT line')).toHaveLength(2);
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    expect((await proposalNamed(back, 'MES integration with the new ERP')).prerequisites).toEqual([erp.id]);
    back.stop();
  });

  it('adds, edits flows and scores, decides and deletes, each one undo step', async () => {
    const back = startBack(tempFolder());
    const { proposalId } = await back.call('proposal/add', { title: 'Forklift fleet telematics', owner: 'Dana' });
    await back.call('proposal/set-flows', {
      proposalId,
      flows: [
        { kind: 'capex', year: 0, amount: '45000' },
        { kind: 'benefit', year: 1, amount: '20000.5' },
      ],
    });
    const criterion = (await back.call('proposal/get-portfolio', {})).criteria[0];
    if (criterion === undefined) throw new Error('no criterion');
    await back.call('proposal/set-score', { proposalId, criterionId: criterion.id, score: '7.5' });
    await back.call('proposal/decide', { proposalId, decision: 'funded', reason: 'Pays back in three years.' });
    let proposal = await proposalNamed(back, 'Forklift fleet telematics');
    expect(proposal).toMatchObject({ status: 'funded', scores: { [criterion.id]: '7.5' } });
    expect(proposal.flows.benefit[1]).toBe('20000.5');
    const portfolio = await back.call('proposal/get-portfolio', {});
    expect(portfolio.decisions.at(-1)).toMatchObject({ proposalId, decision: 'funded', reason: 'Pays back in three years.', actor: expect.any(String) });
    // Undo the decision: status and log entry both go.
    await back.call('sheet/undo', {});
    proposal = await proposalNamed(back, 'Forklift fleet telematics');
    expect(proposal.status).toBe('proposed');
    expect((await back.call('proposal/get-portfolio', {})).decisions.some((decision) => decision.proposalId === proposalId)).toBe(false);
    // Deleting takes flows and scores along; undo brings all back.
    await back.call('proposal/delete', { proposalId });
    expect((await back.call('proposal/get-portfolio', {})).proposals.some((candidate) => candidate.id === proposalId)).toBe(false);
    await back.call('sheet/undo', {});
    proposal = await proposalNamed(back, 'Forklift fleet telematics');
    expect(proposal.flows.capex[0]).toBe('45000');
    expect(proposal.scores[criterion.id]).toBe('7.5');
    back.stop();
  });

  it('refuses bad input with the reason, changing nothing', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    const mes = await proposalNamed(back, 'MES integration with the new ERP');
    const safety = await proposalNamed(back, 'Plant safety retrofit (machine guarding)');
    const revision = (await back.call('workbook/get-session', {})).current?.revision;
    expect((await rejection(back.call('proposal/update', { proposalId: erp.id, fields: { prerequisites: [mes.id] } }))).message).toBe(
      'That would make a dependency cycle: “ERP upgrade to cloud edition” needs “MES integration with the new ERP” needs “ERP upgrade to cloud edition”.',
    );
    expect((await rejection(back.call('proposal/update', { proposalId: safety.id, fields: { forced: 'out' } }))).message).toBe('A mandatory proposal cannot be forced out.');
    expect((await rejection(back.call('proposal/decide', { proposalId: safety.id, decision: 'rejected', reason: 'too dear' }))).message).toContain('Mandatory, so always funded');
    expect((await rejection(back.call('proposal/set-flows', { proposalId: erp.id, flows: [{ kind: 'capex', year: 9, amount: '1' }] }))).message).toBe("Year 10 is past the proposals' horizon of 5 years.");
    expect((await rejection(back.call('proposal/set-flows', { proposalId: erp.id, flows: [{ kind: 'capex', year: 0, amount: '-5' }] }))).message).toContain('positive amounts');
    expect((await rejection(back.call('proposal/delete', { proposalId: erp.id }))).message).toContain('is needed by');
    expect((await rejection(back.call('proposal/set-weights', { weights: [{ criterionId: 1, weight: '-1' }] }))).message).toContain('cannot be negative');
    expect((await back.call('workbook/get-session', {})).current?.revision).toBe(revision);
    back.stop();
  });
});

describe('many proposals edited at once (the proposals sheet)', () => {
  it('writes fields, flows and scores of several proposals as one undo step', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    const warehouse = await proposalNamed(back, 'Warehouse automation (shuttle AS/RS)');
    const criterion = (await back.call('proposal/get-portfolio', {})).criteria[1];
    if (criterion === undefined) throw new Error('no criterion');
    const before = await back.call('proposal/get-portfolio', {});
    await back.call('proposal/edit-many', {
      label: 'paste 4 cells',
      edits: [
        { proposalId: erp.id, fields: { owner: 'Priya N.' }, flows: [{ kind: 'capex', year: 2, amount: '12500.25' }] },
        { proposalId: warehouse.id, scores: [{ criterionId: criterion.id, score: '9' }], fields: { usefulLife: 12 } },
      ],
    });
    expect(await proposalNamed(back, 'ERP upgrade to cloud edition')).toMatchObject({ owner: 'Priya N.' });
    expect((await proposalNamed(back, 'ERP upgrade to cloud edition')).flows.capex[2]).toBe('12500.25');
    expect(await proposalNamed(back, 'Warehouse automation (shuttle AS/RS)')).toMatchObject({ usefulLife: 12, scores: { [criterion.id]: '9' } });
    // One undo takes every part back.
    await back.call('sheet/undo', {});
    const after = await back.call('proposal/get-portfolio', {});
    expect(after.proposals).toEqual(before.proposals);
    back.stop();
  });

  it('refuses the whole edit when one part is wrong, naming it, and writes nothing', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    const mes = await proposalNamed(back, 'MES integration with the new ERP');
    const before = await back.call('proposal/get-portfolio', {});
    const error = await rejection(
      back.call('proposal/edit-many', {
        label: 'paste 2 cells',
        edits: [
          { proposalId: mes.id, fields: { owner: 'Somebody' } },
          // The ERP upgrade needing the MES integration, which needs the ERP upgrade: a cycle.
          { proposalId: erp.id, fields: { prerequisites: [mes.id] } },
        ],
      }),
    );
    expect(error.message).toContain('dependency cycle');
    expect(error.where).toBe('edits.1.prerequisites');
    expect((await back.call('proposal/get-portfolio', {})).proposals).toEqual(before.proposals);
    back.stop();
  });
});

describe('from decision to budget', () => {
  it('funding writes the costs into the budget as linked lines; un-funding removes them; undo covers both', async () => {
    const back = startBack(tempFolder());
    const warehouse = await proposalNamed(back, 'Warehouse automation (shuttle AS/RS)');
    const linesBefore = (await back.call('sheet/get-sheet', {})).lines.length;
    await back.call('proposal/decide', { proposalId: warehouse.id, decision: 'funded', reason: 'Approved by the board' });
    const sheet = await back.call('sheet/get-sheet', {});
    const added = sheet.lines.filter((line) => line.description.startsWith('Warehouse automation (shuttle AS/RS)'));
    expect(added.map((line) => line.description)).toEqual(['Warehouse automation (shuttle AS/RS) (capital)']);
    // The sample budget is FY2027 only: year 1's 650,000 capital, spread over its twelve months to the cent.
    const capital = added[0]?.values ?? [];
    expect(capital.reduce((sum, value) => sum + Math.round(Number(value ?? 0) * 100), 0)).toBe(65_000_000);
    expect(capital[0]).toBe('54166.67');
    // Operating costs start in FY2028, outside this budget: no operating line.
    expect(sheet.lines).toHaveLength(linesBefore + 1);
    await back.call('proposal/decide', { proposalId: warehouse.id, decision: 'deferred', reason: 'Vendor delay' });
    expect((await back.call('sheet/get-sheet', {})).lines).toHaveLength(linesBefore);
    await back.call('sheet/undo', {});
    expect((await back.call('sheet/get-sheet', {})).lines).toHaveLength(linesBefore + 1);
    await back.call('sheet/undo', {});
    expect((await back.call('sheet/get-sheet', {})).lines).toHaveLength(linesBefore);
    expect((await proposalNamed(back, 'Warehouse automation (shuttle AS/RS)')).status).toBe('proposed');
    back.stop();
  });

  it('optimizes the sample portfolio to its proven optimum over the API', async () => {
    const back = startBack(tempFolder());
    const outcome = await back.call('proposal/optimize', { objective: 'npv' });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.choice.status).toBe('optimal');
    expect(outcome.choice.gap).toBe('0');
    const safety = await proposalNamed(back, 'Plant safety retrofit (machine guarding)');
    expect(outcome.choice.chosen).toContain(safety.id);
    expect(outcome.choice.reasons[safety.id]).toBe('In: mandatory.');
    // Every year's capital stays within its cap, checked in decimals.
    for (const year of outcome.choice.capital) if (year.cap !== null) expect(Number(year.used)).toBeLessThanOrEqual(Number(year.cap));
    back.stop();
  });
});

describe('funded lines keep their proposal', () => {
  it('a funded line deleted and brought back by undo still goes when the funding is taken back', async () => {
    const back = startBack(tempFolder());
    const warehouse = await proposalNamed(back, 'Warehouse automation (shuttle AS/RS)');
    const linesBefore = (await back.call('sheet/get-sheet', {})).lines.length;
    await back.call('proposal/decide', { proposalId: warehouse.id, decision: 'funded', reason: 'Approved' });
    const line = (await back.call('sheet/get-sheet', {})).lines.find((candidate) => candidate.description === 'Warehouse automation (shuttle AS/RS) (capital)');
    if (line === undefined) throw new Error('no funded line');
    await back.call('sheet/delete-line', { lineId: line.id });
    await back.call('sheet/undo', {});
    await back.call('proposal/decide', { proposalId: warehouse.id, decision: 'deferred', reason: 'Vendor delay' });
    expect((await back.call('sheet/get-sheet', {})).lines).toHaveLength(linesBefore);
    back.stop();
  });

  it('refuses to delete a funded proposal until its funding is taken back, saying so', async () => {
    const back = startBack(tempFolder());
    const led = await proposalNamed(back, 'LED lighting retrofit');
    await back.call('proposal/decide', { proposalId: led.id, decision: 'funded', reason: 'Quick payback' });
    const refusal = await rejection(back.call('proposal/delete', { proposalId: led.id }));
    expect(refusal.message).toBe('“LED lighting retrofit” has 1 budget line from its funding. Take the funding back first (reopen, defer or reject it), so they go too.');
    back.stop();
  });

  it('books operating costs on an account that is not a header', async () => {
    const back = startBack(tempFolder());
    const erp = await proposalNamed(back, 'ERP upgrade to cloud edition');
    await back.call('proposal/decide', { proposalId: erp.id, decision: 'funded', reason: 'Support ends in 2028' });
    const sheet = await back.call('sheet/get-sheet', {});
    const operating = sheet.lines.find((line) => line.description === 'ERP upgrade to cloud edition (operating)');
    const account = sheet.accounts.find((candidate) => candidate.id === operating?.accountId);
    expect(account?.type).toBe('opex');
    expect(sheet.accounts.some((candidate) => candidate.parentId === account?.id)).toBe(false);
    back.stop();
  });
});
