import { create } from 'zustand';
import type { AppUser, ApprovalRules } from '../../shared/api/approval-api';
import { APPROVAL_TRANSITIONS, type ApprovalAction } from '../../shared/domain/approval';
import { api } from '../api/client';
import { useNoticeStore } from './notice-store';
import { enqueue, shownVersion, useSheetStore } from './sheet-store';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface UserState {
  /** who the back records as acting; null until it has answered */
  user: AppUser | null;
  /** asks the back who is acting (once at start, and again when asked) */
  load(): Promise<AppUser>;
  /** sets the name recorded from now on; resolves to the back's refusal, or null once saved */
  setName(name: string): Promise<string | null>;
}

/** Who is acting: the name the back records with every change, decision, comment and approval. */
export const useUserStore = create<UserState>((set, get) => ({
  user: null,
  load: async () => {
    const user = await api.call('app/get-user', {});
    set({ user });
    return user;
  },
  setName: async (name) => {
    try {
      const { userName } = await api.call('app/set-user-name', { userName: name });
      set({ user: { userName, isSet: true, suggestion: get().user?.suggestion ?? '' } });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  },
}));

/**
 * The shown version's approval: each move saved under the user's name (set first when they
 * had none), then the sheet reloaded so the lock and the banner follow. Resolves to the back's
 * refusal (an approval by the submitter where the workbook forbids it, a missing reason), or
 * null once saved.
 */
export const approvalActions = {
  async setStatus(action: ApprovalAction, reason: string, userName: string | null): Promise<string | null> {
    try {
      await enqueue(async () => {
        if (userName !== null) {
          const refused = await useUserStore.getState().setName(userName);
          if (refused !== null) throw new Error(refused);
        }
        const receipt = await api.call('version/set-status', { versionId: shownVersion(), action, reason });
        useSheetStore.setState({ revision: receipt.revision, history: receipt.history });
        await useSheetStore.getState().load();
        const done = APPROVAL_TRANSITIONS[action];
        useNoticeStore.getState().show({ tone: 'info', message: `${done.label}: “${receipt.version.name}” is now ${receipt.version.status}.` });
      });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  },
  /** the open workbook's rules about who may approve */
  rules: (): Promise<ApprovalRules> => api.call('approval/get-rules', {}),
  /** changes the rules (one undo step); resolves to the back's refusal, or null once saved */
  async setRules(rules: ApprovalRules): Promise<string | null> {
    try {
      await enqueue(async () => {
        const receipt = await api.call('approval/set-rules', rules);
        useSheetStore.setState({ revision: receipt.revision, history: receipt.history });
      });
      return null;
    } catch (error) {
      return messageOf(error);
    }
  },
};
