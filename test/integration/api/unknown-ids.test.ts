import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** What a refused call must leave as it was: the workbook's revision, its undo history and its proposals. */
async function stateOf(back: TestBack) {
  const session = await back.call('workbook/get-session', {});
  const portfolio = await back.call('proposal/get-portfolio', {});
  return { revision: session.current?.revision, proposals: portfolio.proposals, audit: (await back.call('audit/list', {})).entries.length };
}

describe('calls that name an id the workbook does not have', () => {
  it('editing many proposals, one of them unknown, is refused naming that id and its place, and nothing is written', async () => {
    const back = startBack(tempFolder());
    const [first] = (await back.call('proposal/get-portfolio', {})).proposals;
    if (first === undefined) throw new Error('the sample has proposals');
    const before = await stateOf(back);
    for (const unknown of [{ proposalId: 987654 }, { proposalId: 987654, fields: {} }, { proposalId: 987654, flows: [], scores: [] }]) {
      const error = await rejection(back.call('proposal/edit-many', { label: 'paste 1 cell', edits: [{ proposalId: first.id, fields: { owner: 'Somebody else' } }, unknown] }));
      expect(error.code).toBe('not-found');
      expect(error.message).toContain('Proposal 987654 does not exist');
      expect(error.where).toBe('edits.1.proposalId');
      expect(await stateOf(back)).toEqual(before);
    }
    back.stop();
  });

  it('listing the variance comments of a pair with an unknown version is refused naming the id, not answered with none', async () => {
    const back = startBack(tempFolder());
    const [budget] = (await back.call('version/list', {})).versions;
    if (budget === undefined) throw new Error('the sample has versions');
    const before = await stateOf(back);
    const base = await rejection(back.call('compare/list-comments', { baseVersionId: 424242, comparisonVersionId: budget.id }));
    expect(base).toMatchObject({ code: 'not-found', where: 'baseVersionId' });
    expect(base.message).toContain('Version 424242 does not exist');
    const comparison = await rejection(back.call('compare/list-comments', { baseVersionId: budget.id, comparisonVersionId: 434343 }));
    expect(comparison).toMatchObject({ code: 'not-found', where: 'comparisonVersionId' });
    expect(comparison.message).toContain('Version 434343 does not exist');
    expect(await stateOf(back)).toEqual(before);
    back.stop();
  });
});
