import { COMMANDS, type CommandId, type CommandState, type CommandStates } from '../../shared/commands/command-table';

const MAX_TEXT = 300;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined;
}

/**
 * The command states the renderer sent, as main may trust them: known command ids only, each
 * with a boolean `enabled`, and short texts. Anything else is dropped, never thrown at: a bad
 * entry leaves that one command as it was (disabled until it is said again).
 */
export function parseCommandStates(input: unknown): CommandStates {
  const states: CommandStates = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return states;
  for (const [id, value] of Object.entries(input)) {
    if (!Object.hasOwn(COMMANDS, id) || typeof value !== 'object' || value === null) continue;
    const raw = value as Record<string, unknown>;
    if (typeof raw.enabled !== 'boolean') continue;
    const state: CommandState = { enabled: raw.enabled };
    const reason = text(raw.reason);
    const label = text(raw.label);
    if (reason !== undefined) state.reason = reason;
    if (label !== undefined && label.trim() !== '') state.label = label;
    if (typeof raw.checked === 'boolean') state.checked = raw.checked;
    states[id as CommandId] = state;
  }
  return states;
}
