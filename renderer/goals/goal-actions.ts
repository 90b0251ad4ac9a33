import type { ApiInput } from '../../shared/api/contract';
import type { GoalUsage } from '../../shared/domain/kpi';
import { api } from '../api/client';
import type { KpiWrite } from '../state/kpi-store';
import { enqueue, useSheetStore } from '../state/sheet-store';

export type GoalWrite = Extract<KpiWrite, `goal/${string}`>;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A goal write in the app's one write queue, then the sheet read again: its lines carry their
 * tags, the toolbar's Undo names the step, and the new revision makes the goals view (and the
 * dashboard) read the goals, KPIs and proposals again.
 * Answers null when saved, else the back's sentence, for the dialog to show where the user looks.
 */
export async function saveGoalChange<Name extends GoalWrite>(name: Name, input: ApiInput<Name>): Promise<string | null> {
  try {
    await enqueue(async () => {
      await api.call(name, input);
      await useSheetStore.getState().load();
    });
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

/** What uses a goal, read before a delete is confirmed; a refusal (the goal is gone) is the answer's message. */
export async function goalUsage(goalId: number): Promise<{ ok: true; usage: GoalUsage } | { ok: false; message: string }> {
  try {
    return { ok: true, usage: await enqueue(() => api.call('goal/usage', { goalId })) };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** “Goal “X” is used by 3 budget lines, 1 proposal and 2 KPIs” */
export function usageSentence(name: string, usage: GoalUsage): string {
  return `Goal “${name}” is used by ${plural(usage.lines, 'budget line', 'budget lines')}, ${plural(usage.proposals, 'proposal', 'proposals')} and ${plural(usage.kpis, 'KPI', 'KPIs')}`;
}
