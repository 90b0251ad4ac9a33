import type { VersionContents } from '../../shared/api/version-api';
import type { VersionKind } from '../../shared/domain/workbook';
import { api } from '../api/client';
import { showError, useNoticeStore } from './notice-store';
import { enqueue, useSheetStore } from './sheet-store';

/** A version change saved in the write queue, then the sheet reloaded; a refusal is shown with its reason. */
async function saved(write: () => Promise<unknown>, where: string, after?: () => Promise<unknown>): Promise<boolean> {
  try {
    await enqueue(async () => {
      await write();
      await useSheetStore.getState().load();
    });
    if (after !== undefined) await after();
    return true;
  } catch (error) {
    showError(error, where);
    return false;
  }
}

/** The workbook's versions: create (empty or a copy), rename, delete, close a month, roll a forecast forward. */
export const versionActions = {
  async create(name: string, kind: VersionKind, copyFrom: number | null): Promise<boolean> {
    let createdId: number | null = null;
    return saved(
      async () => {
        createdId = (await api.call('version/create', { name, kind, copyFrom })).version.id;
      },
      'New version',
      async () => {
        // The new version is what the user wants to work on next.
        if (createdId !== null) await useSheetStore.getState().openVersion(createdId);
        useNoticeStore.getState().show({ tone: 'info', message: `Created “${name.trim()}”. One undo takes it back.` });
      },
    );
  },
  rename: (versionId: number, name: string) => saved(() => api.call('version/rename', { versionId, name }), 'Rename version'),
  async remove(versionId: number, name: string): Promise<boolean> {
    const done = await saved(() => api.call('version/delete', { versionId }), 'Delete version');
    if (done) useNoticeStore.getState().show({ tone: 'info', message: `Deleted “${name}”. Undo brings it back with everything it held.` });
    return done;
  },
  contents: (versionId: number): Promise<VersionContents> => api.call('version/contents', { versionId }),
  setActualsThrough: (period: number | null) => saved(() => api.call('version/set-actuals-through', { period }), 'Actuals through'),
  rollForward: (versionId: number) => saved(() => api.call('version/roll-forward', { versionId }), 'Roll forward'),
};

/** Which lines a scenario change takes: a department and an account (with those under them); null takes all. */
export interface ScenarioScope {
  departmentId: number | null;
  accountId: number | null;
}

const scopeOf = (scope: ScenarioScope) => ({
  ...(scope.departmentId === null ? {} : { departmentIds: [scope.departmentId] }),
  ...(scope.accountId === null ? {} : { accountIds: [scope.accountId] }),
});

/** Scenario work on the shown version: adjust a selection, or bring values from another version. */
export const scenarioActions = {
  async adjust(versionId: number, scope: ScenarioScope, periods: number[], adjustment: { kind: 'percent'; percent: string } | { kind: 'amount'; amount: string }): Promise<boolean> {
    let message = '';
    const done = await saved(async () => {
      const receipt = await api.call('version/adjust', { versionId, scope: scopeOf(scope), periods, adjustment });
      const skipped = receipt.skipped.formula + receipt.skipped.drivers;
      message =
        receipt.cellsChanged === 0
          ? 'Nothing changed: the chosen lines have no amounts in those months.'
          : `Adjusted ${receipt.cellsChanged.toLocaleString()} cells${receipt.rounded > 0 ? `; ${receipt.rounded} rounded half-even to the cent` : ''}${skipped > 0 ? `; ${skipped} formula or driver line${skipped === 1 ? '' : 's'} left as ${skipped === 1 ? 'it is' : 'they are'}` : ''}. One undo takes it back.`;
    }, 'Adjust');
    if (done) useNoticeStore.getState().show({ tone: 'info', message });
    return done;
  },
  async bring(fromVersionId: number, toVersionId: number, scope: ScenarioScope, periods: number[]): Promise<boolean> {
    let message = '';
    const done = await saved(async () => {
      const receipt = await api.call('version/copy-values', { fromVersionId, toVersionId, scope: scopeOf(scope), periods });
      message = receipt.cellsChanged === 0 ? 'Nothing changed: both versions already hold the same values there.' : `Brought ${receipt.cellsChanged.toLocaleString()} values in. One undo takes them back.`;
    }, 'Bring values');
    if (done) useNoticeStore.getState().show({ tone: 'info', message });
    return done;
  },
};
