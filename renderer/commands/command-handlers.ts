import { COMMAND_IDS, HELP_URL, type CommandId, type CommandState, type CommandStates } from '../../shared/commands/command-table';
import { APPROVAL_TRANSITIONS, type ApprovalAction } from '../../shared/domain/approval';
import type { SheetView } from '../../shared/sheet/sheet-view';
import type { Grouping } from '../../shared/sheet/sheet-groups';
import { selectedLineIds } from '../goals/TagLinesDialog';
import { useDialogStore, type DialogRequest } from '../state/dialog-store';
import type { WorkbookPage } from '../state/sheet-place';
import { useSheetStore } from '../state/sheet-store';
import { useShellStore } from '../state/shell-store';
import { useDisplayStore } from '../state/display-store';
import { useWorkbookStore } from '../state/workbook-store';
import { usePortfolioStore } from '../state/portfolio-store';
import { useProposalsUiStore } from '../state/proposals-ui-store';
import type { ProposalStatus } from '../../shared/domain/proposal';
import { decisionRefusal } from '../../shared/portfolio/decision-rules';
import { budgetCursor, lineUnderCursor } from './budget-cursor';
import { commandActions } from './command-actions';
import { showError } from '../state/notice-store';

/**
 * What each command of the table does here, and when it can: `unavailable` answers null when the
 * command can run, or the reason it cannot (shown as the tooltip and beside the menu item).
 */
export interface CommandHandler {
  unavailable?(context: CommandContext): string | null;
  checked?(context: CommandContext): boolean;
  label?(context: CommandContext): string | undefined;
  run(context: CommandContext): void | Promise<void>;
}

/** A snapshot of what commands depend on, read from the stores. */
export interface CommandContext {
  workbookOpen: boolean;
  /** why the open workbook can only be read (its file or folder is read-only), null when it can be changed */
  readOnly: string | null;
  view: SheetView | null;
  page: WorkbookPage;
  history: { undo: string | null; redo: string | null };
  /** writes still on their way: an undo pressed now waits for them, so it is offered */
  writesPending: boolean;
  grouping: Grouping;
  showQuarters: boolean;
  showYears: boolean;
  commentsOpen: boolean;
  dark: boolean;
  sheetCents: boolean;
  proposalCount: number | null;
}

export function commandContext(): CommandContext {
  const sheet = useSheetStore.getState();
  const shell = useShellStore.getState();
  const portfolio = usePortfolioStore.getState().portfolio;
  return {
    workbookOpen: useWorkbookStore.getState().session?.current != null,
    readOnly: useWorkbookStore.getState().session?.readOnlyReason ?? null,
    view: sheet.view,
    page: shell.page,
    history: sheet.history,
    writesPending: sheet.pendingWrites > 0,
    grouping: sheet.grouping,
    showQuarters: sheet.showQuarters,
    showYears: sheet.showYears,
    commentsOpen: shell.commentsOpen,
    dark: shell.dark,
    sheetCents: useDisplayStore.getState().sheetCents,
    proposalCount: portfolio === null ? null : portfolio.proposals.length,
  };
}

// Reasons, each a sentence the user can act on.
const noWorkbook = (context: CommandContext): string | null => (context.workbookOpen ? null : 'No workbook is open');
const noSheet = (context: CommandContext): string | null => noWorkbook(context) ?? (context.view === null ? 'The sheet is still opening' : null);
const notOnSheet = (context: CommandContext): string | null => noSheet(context) ?? (context.page !== 'budget' ? 'Only on the budget sheet (View › Budget)' : null);

/** Why the version's values and lines cannot change, or null when they can. */
export function lockedReason(view: SheetView): string | null {
  const version = view.model.version;
  if (version.status !== 'approved') return null;
  return `“${version.name}” is approved: reopen it to change it`;
}

/**
 * Why lines, departments and accounts cannot change, or null when they can. They are shared by
 * every version of the plan year, so the back locks them while any of those versions is approved.
 */
export function structureLockedReason(view: SheetView): string | null {
  const own = lockedReason(view);
  if (own !== null) return own;
  const approved = view.model.versions.find((version) => version.status === 'approved');
  return approved === undefined ? null : `“${approved.name}” is approved: lines are shared by every version, so they stay as they are until it is reopened`;
}

/** Values of the version on screen can change. */
const sheetEditable = (context: CommandContext): string | null => notOnSheet(context) ?? (context.view === null ? null : lockedReason(context.view));
/** Lines (shared by all versions) can be added, moved and deleted. */
const structureEditable = (context: CommandContext): string | null => notOnSheet(context) ?? (context.view === null ? null : structureLockedReason(context.view));
const lineValuesEditable = (context: CommandContext): string | null => sheetEditable(context) ?? (lineUnderCursor() === null ? 'Put the cursor on a budget line first' : null);
const lineEditable = (context: CommandContext): string | null => structureEditable(context) ?? (lineUnderCursor() === null ? 'Put the cursor on a budget line first' : null);
const lineChosen = (context: CommandContext): string | null => notOnSheet(context) ?? (lineUnderCursor() === null ? 'Put the cursor on a budget line first' : null);
const onProposals = (context: CommandContext): string | null => noWorkbook(context) ?? (context.page !== 'proposals' ? 'Only in the proposals (View › Proposals)' : null);

const openDialog = (request: DialogRequest) => useDialogStore.getState().open(request);
const showPage = (page: WorkbookPage) => useShellStore.getState().setPage(page);

function pageCommand(page: WorkbookPage): CommandHandler {
  return { unavailable: noSheet, checked: (context) => context.page === page, run: () => showPage(page) };
}

function groupingCommand(grouping: Grouping): CommandHandler {
  return { unavailable: notOnSheet, checked: (context) => context.grouping === grouping, run: () => useSheetStore.getState().setGrouping(grouping) };
}

function approvalCommand(action: ApprovalAction): CommandHandler {
  return {
    unavailable: (context) => {
      const missing = noSheet(context);
      if (missing !== null || context.view === null) return missing;
      const transition = APPROVAL_TRANSITIONS[action];
      const status = context.view.model.version.status;
      return status === transition.from ? null : `Only for a ${transition.from} version; this one is ${status}`;
    },
    run: () => openDialog({ id: 'approval', action }),
  };
}

/** A decision on the selected proposal: refused with the shared rule's reason before any reason is asked for. */
function decisionCommand(decision: ProposalStatus): CommandHandler {
  const selected = () => {
    const { portfolio, selectedId } = usePortfolioStore.getState();
    return portfolio?.proposals.find((proposal) => proposal.id === selectedId) ?? null;
  };
  return {
    unavailable: (context) => {
      const missing = onProposals(context);
      if (missing !== null) return missing;
      const proposal = selected();
      return proposal === null ? 'Select a proposal first' : decisionRefusal(proposal, decision);
    },
    run: () => {
      const proposal = selected();
      if (proposal !== null) useProposalsUiStore.getState().set({ deciding: { proposalId: proposal.id, decision } });
    },
  };
}

const grid = commandActions;

export const COMMAND_HANDLERS: Record<CommandId, CommandHandler> = {
  'file.new': { run: () => void useWorkbookStore.getState().showDialog('new') },
  'file.open': { run: () => void useWorkbookStore.getState().showDialog('open') },
  'file.save-as': { unavailable: noWorkbook, run: () => void useWorkbookStore.getState().showDialog('save-as') },
  'file.close': { unavailable: noWorkbook, run: () => void useWorkbookStore.getState().closeFile() },
  'file.import': { unavailable: (context) => noSheet(context) ?? (context.view === null ? null : lockedReason(context.view)), run: () => openDialog({ id: 'import' }) },
  'file.export': { unavailable: noSheet, run: () => openDialog({ id: 'export' }) },
  'file.verify': { run: () => openDialog({ id: 'verify' }) },
  'file.packages': { unavailable: noSheet, run: () => openDialog({ id: 'packages' }) },
  'file.report': { unavailable: noSheet, run: () => openDialog({ id: 'report' }) },
  'app.user-name': { run: () => openDialog({ id: 'user-name' }) },
  'app.workbook-settings': { unavailable: noWorkbook, run: () => openDialog({ id: 'workbook-settings' }) },
  'app.quit': { run: () => undefined },

  'edit.undo': {
    unavailable: (context) => noSheet(context) ?? (context.history.undo === null && !context.writesPending ? 'Nothing to undo' : null),
    label: (context) => (context.history.undo === null ? undefined : `Undo ${context.history.undo}`),
    run: () => void useSheetStore.getState().undo(),
  },
  'edit.redo': {
    unavailable: (context) => noSheet(context) ?? (context.history.redo === null ? 'Nothing to redo' : null),
    label: (context) => (context.history.redo === null ? undefined : `Redo ${context.history.redo}`),
    run: () => void useSheetStore.getState().redo(),
  },
  'edit.cut': { unavailable: () => grid.unavailable('cut'), run: () => grid.run('cut') },
  'edit.copy': { unavailable: () => grid.unavailable('copy'), run: () => grid.run('copy') },
  'edit.paste': { unavailable: () => grid.unavailable('paste'), run: () => grid.run('paste') },
  'edit.clear': { unavailable: () => grid.unavailable('clear'), run: () => grid.run('clear') },
  'edit.select-all': { unavailable: () => grid.unavailable('selectAll'), run: () => grid.run('selectAll') },
  'edit.fill-down': { unavailable: () => grid.unavailable('fillDown'), run: () => grid.run('fillDown') },
  'edit.fill-right': { unavailable: () => grid.unavailable('fillRight'), run: () => grid.run('fillRight') },
  'edit.find': { unavailable: (context) => noSheet(context) ?? grid.findUnavailable(context.page), run: (context) => grid.find('open', context.page) },
  'edit.find-next': { unavailable: (context) => noSheet(context) ?? grid.findUnavailable(context.page), run: (context) => grid.find('next', context.page) },
  'edit.find-previous': { unavailable: (context) => noSheet(context) ?? grid.findUnavailable(context.page), run: (context) => grid.find('previous', context.page) },
  'edit.filter': { unavailable: (context) => noSheet(context) ?? grid.findUnavailable(context.page), checked: () => grid.filterOn(), run: (context) => grid.find('filter', context.page) },
  'edit.comment': {
    unavailable: lineChosen,
    label: () => (budgetCursor()?.period === null ? 'Comment on the line…' : undefined),
    run: () => {
      const row = lineUnderCursor();
      if (row !== null) openDialog({ id: 'comment', row, period: budgetCursor()?.period ?? null });
    },
  },
  'edit.history': { unavailable: noSheet, run: () => openDialog({ id: 'audit', scope: {} }) },

  'view.budget': pageCommand('budget'),
  'view.compare': pageCommand('compare'),
  'view.proposals': pageCommand('proposals'),
  'view.dashboard': pageCommand('dashboard'),
  'view.goals': pageCommand('goals'),
  'view.group-department': groupingCommand('department'),
  'view.group-account': groupingCommand('account'),
  'view.group-none': groupingCommand('none'),
  'view.quarters': { unavailable: notOnSheet, checked: (context) => context.showQuarters, run: (context) => useSheetStore.getState().setTotalColumns({ showQuarters: !context.showQuarters }) },
  'view.years': {
    unavailable: (context) => notOnSheet(context) ?? (context.view !== null && context.view.model.periods.length <= 12 ? 'The workbook covers one year' : null),
    checked: (context) => context.showYears,
    run: (context) => useSheetStore.getState().setTotalColumns({ showYears: !context.showYears }),
  },
  'view.comments': { unavailable: notOnSheet, checked: (context) => context.commentsOpen, run: (context) => useShellStore.getState().setCommentsOpen(!context.commentsOpen) },
  'view.display': { run: () => openDialog({ id: 'display' }) },
  'view.cents': { unavailable: notOnSheet, checked: (context) => context.sheetCents, run: (context) => useDisplayStore.getState().setDisplay({ sheetCents: !context.sheetCents }) },
  'view.dark': { checked: (context) => context.dark, run: (context) => useShellStore.getState().setDark(!context.dark) },

  'data.add-line': {
    unavailable: structureEditable,
    run: () => {
      // The new line starts where the cursor is: its department and account.
      const row = lineUnderCursor();
      openDialog({ id: 'add-line', departmentId: row?.line.departmentId ?? null, accountId: row?.line.accountId ?? null });
    },
  },
  'data.delete-line': { unavailable: lineEditable, run: () => withLine((row) => openDialog({ id: 'delete-line', row })) },
  'data.move-line': { unavailable: lineEditable, run: () => withLine((row) => openDialog({ id: 'move-line', row })) },
  'data.move-up': { unavailable: lineEditable, run: () => withLine((row) => void useSheetStore.getState().moveLine(row.line.id, 'up')) },
  'data.move-down': { unavailable: lineEditable, run: () => withLine((row) => void useSheetStore.getState().moveLine(row.line.id, 'down')) },
  'data.spread': { unavailable: lineValuesEditable, run: () => withLine((row) => openDialog({ id: 'spread', row })) },
  'data.adjust': { unavailable: sheetEditable, run: () => openDialog({ id: 'adjust' }) },
  'data.tag-goal': {
    unavailable: lineChosen,
    run: (context) => {
      const cursor = budgetCursor();
      if (cursor?.row.kind === 'line' && context.view !== null) openDialog({ id: 'tag-lines', lineIds: selectedLineIds(context.view, cursor.row, cursor.rowIndex) });
    },
  },
  'data.dimensions': { unavailable: noSheet, run: () => openDialog({ id: 'dimensions' }) },
  'data.versions': { unavailable: noSheet, run: () => openDialog({ id: 'versions' }) },
  'data.version-picker': { unavailable: noSheet, run: () => document.getElementById('version-picker')?.focus() },
  'data.submit': approvalCommand('submit'),
  'data.approve': approvalCommand('approve'),
  'data.return': approvalCommand('return'),
  'data.reopen': approvalCommand('reopen'),

  'proposals.add': { unavailable: noWorkbook, run: () => grid.proposals('add') },
  'proposals.session': {
    unavailable: (context) => noWorkbook(context) ?? (context.proposalCount === 0 ? 'There are no proposals yet' : null),
    run: () => grid.proposals('session'),
  },
  'proposals.layout-ranking': { unavailable: onProposals, checked: () => grid.proposalsLayout() === 'ranking', run: () => grid.proposals('layout-ranking') },
  'proposals.layout-sheet': { unavailable: onProposals, checked: () => grid.proposalsLayout() === 'sheet', run: () => grid.proposals('layout-sheet') },
  'proposals.optimize': {
    unavailable: (context) => noWorkbook(context) ?? (context.proposalCount === 0 ? 'There are no proposals to choose from' : null),
    run: () => grid.proposals('optimize'),
  },
  'proposals.frontier': {
    unavailable: (context) => noWorkbook(context) ?? (context.proposalCount === 0 ? 'There are no proposals to choose from' : null),
    run: () => grid.proposals('frontier'),
  },
  'proposals.minimums': { unavailable: noWorkbook, run: () => grid.proposals('minimums') },
  'proposals.fund': decisionCommand('funded'),
  'proposals.defer': decisionCommand('deferred'),
  'proposals.reject': decisionCommand('rejected'),
  'proposals.reopen': decisionCommand('proposed'),

  'window.minimize': { run: () => undefined },
  'window.zoom': { run: () => undefined },
  'window.full-screen': {
    checked: () => document.fullscreenElement !== null,
    run: () => void (document.fullscreenElement === null ? document.documentElement.requestFullscreen() : document.exitFullscreen()).catch(() => undefined),
  },

  'help.shortcuts': { run: () => openDialog({ id: 'shortcuts' }) },
  'help.guide': { run: () => void window.open(HELP_URL, '_blank', 'noopener') },
  'help.about': { run: () => openDialog({ id: 'about' }) },
};

function withLine(action: (row: NonNullable<ReturnType<typeof lineUnderCursor>>) => void): void {
  const row = lineUnderCursor();
  if (row !== null) action(row);
}

/**
 * What a read-only workbook still allows: reading, finding, exporting, printing, saving a copy,
 * other files, the views and help. Every other command changes the workbook, and a command added
 * later is one too unless it is named here, so none slips through enabled.
 */
const READ_ONLY_ALLOWED: ReadonlySet<string> = new Set([
  'file.new', 'file.open', 'file.save-as', 'file.close', 'file.export', 'file.verify', 'file.packages', 'file.report',
  'app.user-name', 'app.quit',
  'edit.copy', 'edit.select-all', 'edit.find', 'edit.find-next', 'edit.find-previous', 'edit.filter', 'edit.history',
  'data.version-picker', 'proposals.layout-ranking', 'proposals.layout-sheet', 'proposals.optimize', 'proposals.frontier',
]);
const READ_ONLY_ALLOWED_MENUS = ['view.', 'window.', 'help.'];

/** Why a command cannot run on a read-only workbook, or null when it can (or the workbook can be changed). */
export function readOnlyCommandReason(id: CommandId, context: CommandContext): string | null {
  if (context.readOnly === null || READ_ONLY_ALLOWED.has(id) || READ_ONLY_ALLOWED_MENUS.some((menu) => id.startsWith(menu))) return null;
  // Short enough to be read beside a menu item: “The folder is read-only: save a copy to change it”.
  return `${context.readOnly.charAt(0).toUpperCase()}${context.readOnly.slice(1)}: save a copy to change it`;
}

/** Why a command cannot run now, or null when it can. */
function unavailableReason(id: CommandId, context: CommandContext): string | null {
  return readOnlyCommandReason(id, context) ?? COMMAND_HANDLERS[id].unavailable?.(context) ?? null;
}

/** The state of one command now: enabled or why not, checked, its label of the moment. */
export function commandState(id: CommandId, context: CommandContext): CommandState {
  const handler = COMMAND_HANDLERS[id];
  const reason = unavailableReason(id, context);
  const state: CommandState = { enabled: reason === null };
  if (reason !== null) state.reason = reason;
  if (handler.checked !== undefined) state.checked = handler.checked(context);
  const label = handler.label?.(context);
  if (label !== undefined) state.label = label;
  return state;
}

export function commandStates(context: CommandContext): CommandStates {
  const states: CommandStates = {};
  for (const id of COMMAND_IDS) states[id] = commandState(id, context);
  return states;
}

/** Runs a command if it can run now; answers the reason when it cannot. */
export function runCommand(id: CommandId): string | null {
  const context = commandContext();
  const reason = unavailableReason(id, context);
  if (reason !== null) return reason;
  void Promise.resolve(COMMAND_HANDLERS[id].run(context)).catch((error: unknown) => showError(error));
  return null;
}
