import { COMMAND_IDS, COMMANDS, type CommandDefinition, type CommandId, type CommandStates } from '../../shared/commands/command-table';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { ApprovalControl } from '../approval/ApprovalControl';
import { commandTooltip } from '../commands/command-keys';
import { useSheetStore } from '../state/sheet-store';
import { VersionPicker } from '../versions/VersionPicker';

const PAGE_COMMANDS = ['view.budget', 'view.compare', 'view.proposals', 'view.dashboard', 'view.goals'] as const satisfies readonly CommandId[];
/** The everyday commands, editing first, then the sheet's, then the file's: the rest live in the menus. */
const TOOLBAR_MENUS = ['edit', 'data', 'file'] as const;
const TOOLBAR_COMMANDS = TOOLBAR_MENUS.flatMap((menu) => COMMAND_IDS.filter((id) => (COMMANDS[id] as CommandDefinition).toolbar === true && COMMANDS[id].menu === menu));
const SHORT_LABELS: Partial<Record<CommandId, string>> = { 'data.spread': 'Spread…', 'edit.find': 'Find' };

/** A toolbar button for a command: its label, its tooltip with the shortcut, disabled with the reason. */
export function CommandButton({ id, states, onRun, label, className }: { id: CommandId; states: CommandStates; onRun: (id: CommandId) => void; label?: string; className?: string }) {
  const state = states[id];
  return (
    <button type="button" className={className} data-command={id} disabled={state?.enabled !== true} title={commandTooltip(id, state?.reason, state?.label)} onClick={() => onRun(id)}>
      {label ?? SHORT_LABELS[id] ?? COMMANDS[id].label}
    </button>
  );
}

/** The version and its approval, the views, and the everyday commands: one calm row. */
export function Toolbar({ workbookName, model, states, onRun }: { workbookName: string | null; model: SheetView['model'] | null; states: CommandStates; onRun: (id: CommandId) => void }) {
  const openVersion = useSheetStore((state) => state.openVersion);
  return (
    <header className="toolbar">
      {model !== null && <VersionPicker versions={model.versions} versionId={model.version.id} onOpen={(versionId) => void openVersion(versionId)} onManage={() => onRun('data.versions')} />}
      {/* Through the command table, so an approval step is refused with its reason (a read-only workbook) as in the menus. */}
      {model !== null && (
        <ApprovalControl
          version={model.version}
          onAction={(action) => onRun(`data.${action}`)}
          refusal={(action) => (states[`data.${action}`]?.enabled === false ? (states[`data.${action}`]?.reason ?? 'Not available now') : null)}
        />
      )}
      {workbookName !== null && (
        <div className="page-tabs" role="tablist" aria-label="Workbook part">
          {PAGE_COMMANDS.map((id) => (
            <button key={id} type="button" role="tab" aria-selected={states[id]?.checked === true} disabled={states[id]?.enabled !== true} onClick={() => onRun(id)} title={commandTooltip(id, states[id]?.reason)}>
              {COMMANDS[id].label}
            </button>
          ))}
        </div>
      )}
      <span className="toolbar-spring" />
      <nav className="toolbar-actions" aria-label="Everyday commands">
        {TOOLBAR_COMMANDS.map((id, index) => (
          <span key={id} className="toolbar-slot">
            {index > 0 && COMMANDS[id].menu !== COMMANDS[TOOLBAR_COMMANDS[index - 1] ?? id].menu && <span className="toolbar-separator" />}
            <CommandButton id={id} states={states} onRun={onRun} />
          </span>
        ))}
      </nav>
    </header>
  );
}
