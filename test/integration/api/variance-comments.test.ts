import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function idOf(back: TestBack, name: string): Promise<number> {
  const version = (await back.call('version/list', {})).versions.find((candidate) => candidate.name === name);
  if (version === undefined) throw new Error(`no version ${name}`);
  return version.id;
}

describe('variance comments', () => {
  it('belong to a row, a span and a pair of versions, are undo steps, and are refused for a version against itself', async () => {
    const back = startBack(tempFolder());
    await back.call('app/set-user-name', { userName: 'Fran Finance' });
    const budget = await idOf(back, 'Budget FY2027');
    const actuals = await idOf(back, 'Actuals FY2027');
    const forecast = await idOf(back, 'Q3 forecast');
    const added = await back.call('compare/add-comment', { baseVersionId: budget, comparisonVersionId: actuals, rowKey: 'operating-income', span: 'ytd', text: ' OEM launch slipped to March. ' });
    expect(added.comment).toMatchObject({ rowKey: 'operating-income', span: 'ytd', text: 'OEM launch slipped to March.', author: 'Fran Finance' });
    expect((await back.call('compare/list-comments', { baseVersionId: budget, comparisonVersionId: actuals })).comments).toHaveLength(1);
    // Another pair, or the same pair the other way round, has its own comments.
    expect((await back.call('compare/list-comments', { baseVersionId: budget, comparisonVersionId: forecast })).comments).toHaveLength(0);
    expect((await back.call('compare/list-comments', { baseVersionId: actuals, comparisonVersionId: budget })).comments).toHaveLength(0);
    expect((await back.call('audit/list', { kinds: ['comment'] })).entries[0]?.label).toBe('explain a variance of “Actuals FY2027” against “Budget FY2027”');
    await back.call('sheet/undo', { versionId: budget });
    expect((await back.call('compare/list-comments', { baseVersionId: budget, comparisonVersionId: actuals })).comments).toHaveLength(0);
    await back.call('sheet/redo', { versionId: budget });
    const [comment] = (await back.call('compare/list-comments', { baseVersionId: budget, comparisonVersionId: actuals })).comments;
    await back.call('compare/delete-comment', { commentId: comment?.id ?? 0 });
    expect((await rejection(back.call('compare/add-comment', { baseVersionId: budget, comparisonVersionId: budget, rowKey: '1', span: 'm0', text: 'x' }))).message).toContain('two different versions');
    expect((await back.raw('compare/add-comment', { baseVersionId: budget, comparisonVersionId: actuals, rowKey: 'DROP TABLE', span: 'm0', text: 'x' })).ok).toBe(false);
    // Comments stay open on an approved budget.
    await back.call('version/set-status', { versionId: budget, action: 'submit' });
    await back.call('version/set-status', { versionId: budget, action: 'approve' });
    await back.call('compare/add-comment', { baseVersionId: budget, comparisonVersionId: actuals, rowKey: 'total-cogs', span: 'm8', text: 'Supplier price rise.' });
    back.stop();
  });
});
