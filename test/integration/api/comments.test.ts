import { describe, expect, it } from 'vitest';
import { startBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('comments through the API', () => {
  it('the sample comes with comments on lines and cells', async () => {
    const back = startBack(tempFolder());
    const sheet = await back.call('sheet/get-sheet', {});
    expect(sheet.comments.map((comment) => comment.period)).toEqual([null, 1, 3]);
    back.stop();
  });

  it('adds, keeps, deletes and undoes comments; deleting a line and undoing brings its comments back', async () => {
    const dataDir = tempFolder();
    const back = startBack(dataDir);
    const line = (await back.call('sheet/get-sheet', {})).lines[2];
    if (line === undefined) throw new Error('sample too small');
    const { comment } = await back.call('sheet/add-comment', { lineId: line.id, period: 4, text: '  Check with procurement  ' });
    expect(comment).toMatchObject({ lineId: line.id, period: 4, text: 'Check with procurement', author: back.session.settings.userName });
    back.stop();

    const reopened = startBack(dataDir);
    const countOf = async () => (await reopened.call('sheet/get-sheet', {})).comments.length;
    expect(await countOf()).toBe(4);
    await reopened.call('sheet/delete-line', { lineId: line.id });
    expect(await countOf()).toBe(3);
    await reopened.call('sheet/undo', {});
    expect(await countOf()).toBe(4);
    await reopened.call('sheet/delete-comment', { commentId: comment.id });
    expect(await countOf()).toBe(3);
    await reopened.call('sheet/undo', {});
    expect((await reopened.call('sheet/get-sheet', {})).comments.find((candidate) => candidate.id === comment.id)?.text).toBe('Check with procurement');
    await expect(reopened.call('sheet/add-comment', { lineId: line.id, period: null, text: '   ' })).rejects.toThrow('Write the comment');
    reopened.stop();
  });
});
