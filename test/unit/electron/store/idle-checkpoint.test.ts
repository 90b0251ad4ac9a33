import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHECKPOINT_IDLE_MS, WAL_AUTOCHECKPOINT_PAGES } from '../../../../electron/store/idle-checkpoint';
import { WorkbookStore } from '../../../../electron/store/workbook-store';
import { sampleWorkbookSeed } from '../../../../electron/sample/sample-workbook';
import { fileHash } from '../../../helpers/file-hash';
import { useTempFolder } from '../../../helpers/temp-folder';

const tempFolder = useTempFolder();

function openSample(): { store: WorkbookStore; path: string; write(value: string): void } {
  const path = join(tempFolder(), 'sample.tandem');
  WorkbookStore.create(path, sampleWorkbookSeed(), 'test').close();
  const store = WorkbookStore.open(path);
  const versionId = store.defaultVersionId();
  const line = store.sheet(versionId).lines.find((candidate) => candidate.formula === null);
  if (line === undefined) throw new Error('the sample has no input line');
  return { store, path, write: (value) => store.setCells(versionId, [{ lineId: line.id, period: 0, value }], 'set 1 cell', 'test') };
}

describe('folding the WAL into the workbook file', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves the file to the WAL in a write and folds it in once the back has been idle', () => {
    const { store, path, write } = openSample();
    const before = fileHash(path);
    write('123.45');
    // The commit is durable in the WAL; the workbook file itself is not touched by it.
    expect(fileHash(path)).toBe(before);
    vi.advanceTimersByTime(CHECKPOINT_IDLE_MS);
    expect(fileHash(path)).not.toBe(before);
    store.close();
  });

  it('puts the fold off while writes keep coming', () => {
    const { store, path, write } = openSample();
    const before = fileHash(path);
    write('1');
    vi.advanceTimersByTime(CHECKPOINT_IDLE_MS - 1);
    write('2');
    vi.advanceTimersByTime(CHECKPOINT_IDLE_MS - 1);
    expect(fileHash(path)).toBe(before);
    vi.advanceTimersByTime(1);
    expect(fileHash(path)).not.toBe(before);
    store.close();
  });

  it('lets SQLite fold a WAL that never pauses only far above what one write adds', () => {
    const { store } = openSample();
    expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    store.close();
  });

  it('forgets a pending fold when the file is closed, which folds everything itself', () => {
    const { store, path, write } = openSample();
    write('7');
    store.close();
    const closed = fileHash(path);
    vi.advanceTimersByTime(CHECKPOINT_IDLE_MS);
    expect(fileHash(path)).toBe(closed);
    const reopened = WorkbookStore.open(path);
    const versionId = reopened.defaultVersionId();
    expect(reopened.sheet(versionId).lines.some((line) => line.values[0] === '7')).toBe(true);
    reopened.close();
  });
});
