import type { AccountType, AccountUnit } from '../../shared/domain/workbook';
import { api } from '../api/client';
import { structureChange } from './sheet-store';

/**
 * Changes to the tree of departments, the chart of accounts, seasonality profiles, and where a
 * line sits in them: each saved as one undo step, then the sheet updated from the back's patch (profiles: read again). Each resolves to
 * whether it was saved; a refusal is shown to the user with the reason.
 */
export const dimensionActions = {
  addDepartment: (name: string, parentId: number | null = null) => structureChange((versionId) => api.call('dimension/add-department', { name, parentId, versionId })),
  /** With `withLines`, the department's lines go too (the user confirmed): one undo step. */
  deleteDepartment: (departmentId: number, withLines: boolean) => structureChange((versionId) => api.call('dimension/delete-department', { departmentId, withLines, versionId })),
  setDepartmentParent: (departmentId: number, parentId: number | null) => structureChange((versionId) => api.call('dimension/set-department-parent', { departmentId, parentId, versionId })),
  addAccount: (account: { code: string; name: string; type: AccountType; unit: AccountUnit; parentId: number | null }) =>
    structureChange((versionId) => api.call('dimension/add-account', { ...account, versionId })),
  setAccountParent: (accountId: number, parentId: number | null) => structureChange((versionId) => api.call('dimension/set-account-parent', { accountId, parentId, versionId })),
  deleteAccount: (accountId: number) => structureChange((versionId) => api.call('dimension/delete-account', { accountId, versionId })),
  addProfile: (name: string, weights: string[]) => structureChange(() => api.call('dimension/add-profile', { name, weights })),
  deleteProfile: (profileId: number) => structureChange(() => api.call('dimension/delete-profile', { profileId })),
  relocateLine: (lineId: number, departmentId: number, accountId: number, where?: string) =>
    structureChange((versionId) => api.call('sheet/relocate-line', { lineId, departmentId, accountId, versionId }), where),
};
