import { COMMAND_IDS, COMMANDS, type CommandDefinition, type CommandId, type CommandStates } from '../../shared/commands/command-table';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { ApprovalControl } from '../approval/ApprovalControl';
import { commandTooltip } from '../commands/command-keys';
import { useDialogStore } from '../state/dialog-store';
import { useSheetStore } from '../state/sheet-store';
import { VersionPicker } from '../versions/VersionPicker';

const PAGE_COMMANDS = ['view.budget', 'view.compare', 'view.proposals', 'view.dashboard', 'view.goals'] as const satisfies readonly CommandId[];
/** The everyday commands, in the table's order: the rest live in the menus. */
const TOOLBAR_COMMANDS = COMMAND_IDS.filter((id) => (COMMANDS[id] as CommandDefinition).toolbar === true);
const SHORT_LABELS: Partial<Record<CommandId, string>> = { 'data.spread': 'Spread…', 'edit.find': 'Find' };

/** A toolbar button for a command: its label, its tooltip with the shortcut, disabled with the reason. */
export function CommandButton({ id, states, onRun, label, className }: { id: CommandId; states: CommandStates; onRun: (id: CommandId) => void; label?: string; className?: string }) {
  const state = states[id];
  return (
    <button type="button" className={className} data-command={id} disabled={state?.enabled !== true} title={commandTooltip(id, state?.reason)} onClick={() => onRun(id)}>
      {label ?? SHORT_LABELS[id] ?? COMMANDS[id].label}
    </button>
  );
}

/** The workbook's name, its version and approval, the views, and the everyday commands. */
export function Toolbar({ workbookName, view, states, onRun }: { workbookName: string | null; view: SheetView | null; states: CommandStates; onRun: (id: CommandId) => void }) {
  const openVersion = useSheetStore((state) => state.openVersion);
  const open = useDialogStore((state) => state.open);
  return (
    <header className="toolbar">
      <span className="workbook-name" data-testid="workbook-name" title={workbookName ?? undefined}>
        {workbookName ?? ''}
      </span>
      {view !== null && <VersionPicker versions={view.model.versions} versionId={view.model.version.id} onOpen={(versionId) => void openVersion(versionId)} onManage={() => onRun('data.versions')} />}
      {view !== null && <ApprovalControl version={view.model.version} onAction={(action) => open({ id: 'approval', action })} />}
      {workbookName !== null && (
        <div className="page-tabs" role="tablist" aria-label="Workbook part">
          {PAGE_COMMANDS.map((id) => (
            <button key={id} type="button" role="tab" aria-selected={states[id]?.checked === true} disabled={states[id]?.enabled !== true} onClick={() => onRun(id)} title={commandTooltip(id, states[id]?.reason)}>
              {COMMANDS[id].label}
            </button>
          ))}
        </div>
      )}
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
