import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { DimensionStore } from '../../../electron/store/dimension-store';
import type { EditStep } from '../../../electron/store/edit-steps';
import { LineWrites } from '../../../electron/store/line-writes';
import { startBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

interface Commit {
  step: EditStep;
  label: string;
  action: string;
  /** whether the write's transaction was open when the commit ran */
  inTransaction: boolean;
  /** the line rows in the file at the moment of the commit */
  lineCount: number;
}

/**
 * LineWrites over a real workbook file, behind its narrow context: the workbook's own reads and
 * lock check, and a commit path that records what it is handed instead of bumping the revision.
 */
function lineWritesScene() {
  const back = startBack(tempFolder());
  const store = back.session.requireStore();
  const db = store.database;
  const commits: Commit[] = [];
  const countLines = () => db.prepare<[], number>('SELECT COUNT(*) FROM budget_lines').pluck().get() as number;
  const writes = new LineWrites({
    db,
    workbook: store,
    dimensions: new DimensionStore(store),
    commit: (step, label, _actor, action) => {
      commits.push({ step, label, action, inTransaction: db.inTransaction, lineCount: countLines() });
      return 1000 + commits.length;
    },
    revision: () => store.info().revision,
  });
  const sheet = store.sheet(store.defaultVersionId());
  const sortOrders = () => db.prepare<[], { id: number; sort_order: number }>('SELECT id, sort_order FROM budget_lines ORDER BY id').all();
  return { back, store, writes, commits, sheet, countLines, sortOrders };
}

function refusalOf(write: () => unknown): ApiError {
  try {
    write();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('The write was taken.');
}

describe('line writes behind their context', () => {
  it('a new line is in the file when the commit runs, inside the write’s transaction, and the receipt carries the commit’s revision', () => {
    const { back, writes, commits, sheet, countLines } = lineWritesScene();
    const first = sheet.lines[0];
    if (first === undefined) throw new Error('The sample workbook has lines.');
    const before = countLines();
    const receipt = writes.addLine(first.departmentId, first.accountId, 'Test line', 'Test User');
    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatchObject({ label: 'add line “Test line”', action: 'sheet/add-line', inTransaction: true, lineCount: before + 1 });
    expect(commits[0]?.step).toMatchObject({ kind: 'add-line', line: { id: receipt.line.id, description: 'Test line' } });
    expect(receipt.revision).toBe(1001);
    expect(receipt.line.values).toHaveLength(sheet.periods.length);
    back.stop();
  });

  it('a move past the end of its group is refused before anything is written or committed', () => {
    const { back, writes, commits, sheet, sortOrders } = lineWritesScene();
    const groupFirst = sheet.lines.find((line) => sheet.lines.find((other) => other.departmentId === line.departmentId && other.accountId === line.accountId) === line);
    if (groupFirst === undefined) throw new Error('The sample workbook has lines.');
    const before = sortOrders();
    const error = refusalOf(() => writes.moveLine(groupFirst.id, 'up', 'Test User'));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('already the first line of its account');
    expect(commits).toEqual([]);
    expect(sortOrders()).toEqual(before);
    back.stop();
  });

  it('a rename to the name a line has answers the revision as it stands and commits nothing', () => {
    const { back, store, writes, commits, sheet } = lineWritesScene();
    const line = sheet.lines[0];
    if (line === undefined) throw new Error('The sample workbook has lines.');
    const receipt = writes.renameLine(line.id, line.description, 'Test User');
    expect(receipt.revision).toBe(store.info().revision);
    expect(commits).toEqual([]);
    back.stop();
  });

  it('a line that does not exist is refused, naming its id, and nothing is committed', () => {
    const { back, writes, commits, countLines } = lineWritesScene();
    const before = countLines();
    const error = refusalOf(() => writes.deleteLine(987654, 'Test User'));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('Budget line 987654');
    expect(commits).toEqual([]);
    expect(countLines()).toBe(before);
    back.stop();
  });
});
