import { APPROVAL_TRANSITIONS, type ApprovalAction } from '../../shared/domain/approval';
import { api } from '../api/client';
import { showError, useNoticeStore } from './notice-store';
import { enqueue, shownVersion, useSheetStore } from './sheet-store';

/**
 * The shown version's approval: each move saved with the user's name (set first when it
 * changed), then the sheet reloaded so the lock and the banner follow. Resolves to whether
 * it was saved; a refusal is shown with the reason.
 */
export const approvalActions = {
  async setStatus(action: ApprovalAction, reason: string, userName: string | null): Promise<boolean> {
    try {
      await enqueue(async () => {
        if (userName !== null) await api.call('app/set-user-name', { userName });
        const receipt = await api.call('version/set-status', { versionId: shownVersion(), action, reason });
        useSheetStore.setState({ revision: receipt.revision, history: receipt.history });
        await useSheetStore.getState().load();
        const done = APPROVAL_TRANSITIONS[action];
        useNoticeStore.getState().show({ tone: 'info', message: `${done.label}: “${receipt.version.name}” is now ${receipt.version.status}.` });
      });
      return true;
    } catch (error) {
      showError(error, 'Approval');
      return false;
    }
  },
  userName: () => api.call('app/get-user', {}),
};
