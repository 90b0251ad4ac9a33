import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { HistoryReceipt } from '../../shared/api/sheet-api';
import type { EditHistory, NextStep } from './edit-history';
import type { Direction, EditStep } from './edit-steps';
import { SheetPatchReader } from './sheet-patch-reader';
import type { WorkbookStore } from './workbook-store';

/** What undo and redo need of their workbook: the history, the lock a step asks for, and the revision bump with its audit record. */
export interface UndoRedoContext {
  readonly db: Database.Database;
  /** the whole workbook: the patch of a structure step is read through it (SheetPatchReader) */
  readonly workbook: WorkbookStore;
  readonly edits: Pick<EditHistory, 'peek' | 'apply' | 'state'>;
  /** refuses a step that would change an approved version */
  requireStepUnlocked(step: EditStep, what: string): void;
  /** bumps the revision and writes the audit record of the step replayed, in its direction */
  bumpRevision(actor: string, action: string, label: string, detail: unknown, audit: { step: EditStep; direction: Direction }): number;
}

/** Undo and redo of the workbook's one history, across versions, each in one transaction. */
export class UndoRedo {
  constructor(private readonly context: UndoRedoContext) {}

  private get db(): Database.Database {
    return this.context.db;
  }

  private get workbook(): WorkbookStore {
    return this.context.workbook;
  }

  /**
   * Undoes (or redoes) the workbook's next step, in one transaction. The history is one for the
   * workbook, across versions; the answer lists the cells of `shownVersionId` the step changed.
   */
  stepHistory(direction: 'undo' | 'redo', shownVersionId: number, actor: string): HistoryReceipt {
    return this.db
      .transaction((): HistoryReceipt => {
        // The receipt is shaped for the version on screen: one that does not exist is refused before any step is replayed.
        this.workbook.versionRow(shownVersionId);
        const next = this.context.edits.peek(direction);
        if (next === null) {
          throw new ApiError('invalid-input', direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
        }
        this.context.requireStepUnlocked(next.step, `${direction === 'undo' ? 'undoing' : 'redoing'} “${next.label}” is`);
        this.replayNamed(direction, next);
        const applied = next;
        const revision = this.context.bumpRevision(actor, `sheet/${direction}`, `${direction} ${applied.label}`, { label: applied.label }, { step: applied.step, direction: direction === 'undo' ? 'backward' : 'forward' });
        const versionId = shownVersionId;
        // A forecast shows another version's cells in its closed months: a step on those asks for a reload.
        const shown = this.workbook.versions().find((version) => version.id === shownVersionId);
        const closed = shown === undefined ? null : this.workbook.actualsFor(shown);
        const touchesClosed = closed !== null && applied.step.kind === 'cells' && applied.step.changes.some((change) => change.versionId === closed.id && change.period < closed.months);
        const cells = touchesClosed ? null :
          applied.step.kind === 'cells'
            ? applied.step.changes
                .filter((change) => change.versionId === versionId && (closed === null || change.period >= closed.months))
                .map((change) => ({ lineId: change.lineId, period: change.period, value: direction === 'undo' ? change.before : change.after }))
            : null;
        // A structure step answers with what it changed in the version shown (null: the sheet is read again).
        const patch = cells === null ? new SheetPatchReader(this.workbook).patchOf(applied.step, direction === 'undo' ? 'backward' : 'forward', shownVersionId) : null;
        return { revision, label: applied.label, cells, patch, history: this.context.edits.state() };
      })
      .immediate();
  }

  /** Applies the undo or redo step `peek` gave; a deleted version whose name was taken since cannot come back under it. */
  private replayNamed(direction: 'undo' | 'redo', next: NextStep): void {
    try {
      this.context.edits.apply(next, direction);
    } catch (error) {
      if (error instanceof Error && error.message.includes('versions.name')) {
        throw new ApiError('invalid-input', `Cannot ${direction} “${next.label}”: it would bring back a version whose name another version now has. Rename that version first.`);
      }
      throw error;
    }
  }
}
