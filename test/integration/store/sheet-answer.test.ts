import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedOfCompactSheet } from '../../../shared/sheet/make-sheet-seed';
import { VersionStore } from '../../../electron/store/version-store';
import { WorkbookStore } from '../../../electron/store/workbook-store';
import { sampleWorkbookSeed } from '../../../electron/sample/sample-workbook';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

function openSample(): { store: WorkbookStore; path: string } {
  const path = join(tempFolder(), 'kept.tandem');
  WorkbookStore.create(path, sampleWorkbookSeed({ lineCount: 40, calendar: { startYear: 2027, startMonth: 1, periodCount: 12 }, name: 'Kept' }), 'Test').close();
  return { store: WorkbookStore.open(path), path };
}

describe('the sheet answer the store keeps until the file changes', () => {
  it('is the same frozen answer when nothing was written, and equals a fresh read', () => {
    const { store } = openSample();
    try {
      const versionId = store.defaultVersionId();
      const first = store.sheetAnswer(versionId);
      expect(store.sheetAnswer(versionId)).toBe(first);
      expect(Object.isFrozen(first) && Object.isFrozen(first.lines) && Object.isFrozen(first.lines.values) && Object.isFrozen(first.workbook)).toBe(true);
      // The sheet as read, with the seed made from it (see SheetSeed).
      const fresh = store.compactSheet(versionId);
      expect(first).toEqual({ ...fresh, seed: seedOfCompactSheet(fresh) });
      expect(Object.isFrozen(first.seed)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('is read again after a cell edit, an undo and a comment, each showing the change', () => {
    const { store } = openSample();
    try {
      const versionId = store.defaultVersionId();
      const before = store.sheetAnswer(versionId);
      const lineId = before.lines.ids[0] ?? 0;
      store.setCells(versionId, [{ lineId, period: 2, value: '98765.43' }], 'edit', 'Test');
      const edited = store.sheetAnswer(versionId);
      expect(edited).not.toBe(before);
      expect(edited.lines.values[0]?.split(';')[2]).toBe('98765.43');
      expect(edited.workbook.revision).toBe(before.workbook.revision + 1);
      store.stepHistory('undo', versionId, 'Test');
      const undone = store.sheetAnswer(versionId);
      expect(undone.lines.values[0]).toBe(before.lines.values[0]);
      expect(undone.history.redo).not.toBeNull();
      store.addComment(versionId, lineId, 1, 'Kept answers must follow comments', 'Test');
      expect(store.sheetAnswer(versionId).comments.map((comment) => comment.text)).toContain('Kept answers must follow comments');
    } finally {
      store.close();
    }
  });

  it('is read again when another connection wrote to the file', () => {
    const { store, path } = openSample();
    try {
      const versionId = store.defaultVersionId();
      expect(store.sheetAnswer(versionId).workbook.name).toBe('Kept');
      const other = new Database(path);
      try {
        other.prepare("UPDATE workbook_settings SET value = 'Renamed elsewhere' WHERE key = 'name'").run();
      } finally {
        other.close();
      }
      expect(store.sheetAnswer(versionId).workbook.name).toBe('Renamed elsewhere');
    } finally {
      store.close();
    }
  });

  it('keeps one version only: asking for another reads that one', () => {
    const { store } = openSample();
    try {
      const versionId = store.defaultVersionId();
      const copy = new VersionStore(store).create({ name: 'Second', kind: 'budget', copyFrom: versionId }, 'Test').version;
      const second = store.sheetAnswer(copy.id);
      expect(second.version.id).toBe(copy.id);
      expect(store.sheetAnswer(versionId).version.id).toBe(versionId);
      expect(store.sheetAnswer(copy.id)).not.toBe(second);
    } finally {
      store.close();
    }
  });
});
