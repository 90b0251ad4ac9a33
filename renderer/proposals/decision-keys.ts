import type { CommandId } from '../../shared/commands/command-table';
import { runCommand } from '../commands/command-handlers';
import { commandShortcutLabel, isCommandKey } from '../commands/command-keys';
import { showNote } from '../state/notice-store';

/** The one-key decisions on a proposal, from the command table (F fund, D defer, R reject, P reopen). */
export const DECISION_COMMANDS = ['proposals.fund', 'proposals.defer', 'proposals.reject', 'proposals.reopen'] as const satisfies readonly CommandId[];

/** The decision command a key press is, if it is one. */
export function decisionCommandOf(event: KeyboardEvent): CommandId | undefined {
  return DECISION_COMMANDS.find((id) => isCommandKey(event, id));
}

/**
 * Runs a decision on the selected proposal: it asks for the reason, or, when the decision cannot
 * be taken (a second F on a funded proposal, D on a mandatory one), says why and asks nothing.
 */
export function runDecision(id: CommandId): void {
  const reason = runCommand(id);
  if (reason !== null) showNote(reason);
}

const VERBS: Record<(typeof DECISION_COMMANDS)[number], string> = { 'proposals.fund': 'fund', 'proposals.defer': 'defer', 'proposals.reject': 'reject', 'proposals.reopen': 'reopen' };

/** "F fund, D defer, R reject, P reopen", read from the table. */
export function decisionKeysHint(): string {
  return DECISION_COMMANDS.map((id) => `${commandShortcutLabel(id)} ${VERBS[id]}`).join(', ');
}
