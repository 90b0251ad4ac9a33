import type { ShortcutSpec } from './shortcut';

/**
 * Every user command, defined once. The toolbar, the context menus, the key bindings, the
 * in-app menu bar, Electron's native menu and the tooltips all read this table; what a command
 * does and when it is enabled live with the renderer (renderer/commands/), keyed by the same id.
 */

export const MENUS = ['file', 'edit', 'view', 'data', 'proposals', 'window', 'help'] as const;
export type MenuId = (typeof MENUS)[number];
export const MENU_LABELS: Record<MenuId, string> = { file: 'File', edit: 'Edit', view: 'View', data: 'Data', proposals: 'Proposals', window: 'Window', help: 'Help' };

export interface CommandDefinition {
  label: string;
  /** the tooltip: what the command does, in a sentence */
  description: string;
  menu: MenuId;
  /** commands of a menu are grouped in sections, drawn with separators between them */
  section: number;
  shortcut?: ShortcutSpec;
  /** a command that is on or off (a check mark) or one of a set (a radio dot) */
  toggle?: 'check' | 'radio';
  /** shown in the toolbar: the everyday commands only */
  toolbar?: boolean;
  /**
   * In Electron's native menu, the item takes this role, so the system does what it does best
   * (cut, copy and paste reach text fields and the grid's own clipboard events; quit and minimize
   * are the window manager's). In the in-app menu the renderer runs the command itself.
   */
  electronRole?: 'cut' | 'copy' | 'paste' | 'selectAll' | 'minimize' | 'zoom' | 'togglefullscreen' | 'quit' | 'about' | 'hide' | 'hideOthers' | 'unhide' | 'close';
  /** only where it means something: quitting and minimizing belong to Electron */
  only?: 'electron';
  /** on a Mac, the item moves to the app menu (About, Settings, Quit) */
  macAppMenu?: boolean;
}

const mod = (key: string, extra: { shift?: boolean; alt?: boolean } = {}) => ({ all: { key, mod: true, ...extra } });

export const COMMANDS = {
  // File
  'file.new': { label: 'New workbook…', description: 'Create a new workbook with the standard departments and chart of accounts', menu: 'file', section: 0, shortcut: { all: { key: 'n', mod: true }, browser: { key: 'n', mod: true, alt: true } } },
  'file.open': { label: 'Open…', description: 'Open a workbook file', menu: 'file', section: 0, shortcut: mod('o') },
  'file.save-as': { label: 'Save as…', description: 'Copy the workbook to a new file and continue there (every change is already saved)', menu: 'file', section: 0, shortcut: mod('s', { shift: true }) },
  'file.close': { label: 'Close workbook', description: 'Close the workbook (every change is already saved)', menu: 'file', section: 0 },
  'file.import': { label: 'Import…', description: 'Import budget values or actuals from CSV or Excel', menu: 'file', section: 1, shortcut: mod('i') },
  'file.export': { label: 'Export…', description: 'Export the version to Excel or CSV', menu: 'file', section: 1, shortcut: mod('x', { shift: true }), toolbar: true },
  'file.verify': { label: 'Verify an exported file…', description: 'Check that an exported file is unchanged since Tandem wrote it', menu: 'file', section: 1 },
  'file.packages': { label: 'Department packages…', description: 'Send a department’s lines out to draft offline, and merge them back', menu: 'file', section: 1 },
  'file.report': { label: 'Report…', description: 'The version as a printed report (PDF)', menu: 'file', section: 1, shortcut: mod('p') },
  'app.user-name': { label: 'Your name…', description: 'The name Tandem records with every change, decision, comment and approval you make', menu: 'file', section: 2, macAppMenu: true },
  'app.workbook-settings': { label: 'Workbook settings…', description: 'Rules this workbook keeps, such as who may approve a version', menu: 'file', section: 2 },
  'app.quit': { label: 'Quit Tandem', description: 'Close Tandem once every change is written', menu: 'file', section: 3, electronRole: 'quit', only: 'electron', macAppMenu: true, shortcut: { all: { key: 'q', mod: true } } },

  // Edit
  'edit.undo': { label: 'Undo', description: 'Undo the last change to the workbook', menu: 'edit', section: 0, shortcut: mod('z'), toolbar: true },
  'edit.redo': { label: 'Redo', description: 'Redo the change just undone', menu: 'edit', section: 0, shortcut: { all: { key: 'y', mod: true }, mac: { key: 'z', mod: true, shift: true } }, toolbar: true },
  'edit.cut': { label: 'Cut', description: 'Copy the selected cells and clear them', menu: 'edit', section: 1, shortcut: mod('x'), electronRole: 'cut' },
  'edit.copy': { label: 'Copy', description: 'Copy the selected cells (they paste into Excel as a table)', menu: 'edit', section: 1, shortcut: mod('c'), electronRole: 'copy' },
  'edit.paste': { label: 'Paste', description: 'Paste cells from Tandem or a spreadsheet at the cursor', menu: 'edit', section: 1, shortcut: mod('v'), electronRole: 'paste' },
  'edit.clear': { label: 'Clear', description: 'Clear the selected cells', menu: 'edit', section: 1, shortcut: { all: { key: 'Delete' } } },
  'edit.select-all': { label: 'Select all', description: 'Select every cell of the sheet', menu: 'edit', section: 1, shortcut: mod('a') },
  'edit.fill-down': { label: 'Fill down', description: 'Copy the top row of the selection into the rows below it', menu: 'edit', section: 2, shortcut: mod('d') },
  'edit.fill-right': { label: 'Fill right', description: 'Copy the first month of the selection into the months to its right', menu: 'edit', section: 2, shortcut: mod('r') },
  'edit.find': { label: 'Find…', description: 'Find lines by name, department, account, comment or amount', menu: 'edit', section: 3, shortcut: mod('f'), toolbar: true },
  'edit.find-next': { label: 'Find next', description: 'Go to the next match', menu: 'edit', section: 3, shortcut: { all: { key: 'F3' } } },
  'edit.find-previous': { label: 'Find previous', description: 'Go to the previous match', menu: 'edit', section: 3, shortcut: { all: { key: 'F3', shift: true } } },
  'edit.filter': { label: 'Show only matching lines', description: 'Hide the lines that do not match the search; subtotals say that they are filtered', menu: 'edit', section: 3, toggle: 'check', shortcut: mod('f', { shift: true }) },
  'edit.comment': { label: 'Comment on the cell…', description: 'Add a comment to the cell under the cursor', menu: 'edit', section: 4, shortcut: { all: { key: 'F2', shift: true } } },
  'edit.history': { label: 'History…', description: 'Who changed what and when: the workbook’s audit trail', menu: 'edit', section: 4, shortcut: mod('h', { shift: true }) },

  // View
  'view.budget': { label: 'Budget', description: 'The budget sheet', menu: 'view', section: 0, toggle: 'radio', shortcut: mod('1') },
  'view.compare': { label: 'Compare', description: 'Two versions side by side: variance and variance %', menu: 'view', section: 0, toggle: 'radio', shortcut: mod('2') },
  'view.proposals': { label: 'Proposals', description: 'Investment proposals and the funding line', menu: 'view', section: 0, toggle: 'radio', shortcut: mod('3') },
  'view.dashboard': { label: 'Dashboard', description: 'KPIs against their targets, and the year in charts', menu: 'view', section: 0, toggle: 'radio', shortcut: mod('4') },
  'view.goals': { label: 'Goals', description: 'Strategic goals: the money, proposals and KPIs behind each', menu: 'view', section: 0, toggle: 'radio', shortcut: mod('5') },
  'view.group-department': { label: 'Group by department', description: 'Group the sheet’s lines by department, with subtotals', menu: 'view', section: 1, toggle: 'radio' },
  'view.group-account': { label: 'Group by account', description: 'Group the sheet’s lines by account type and account, with subtotals', menu: 'view', section: 1, toggle: 'radio' },
  'view.group-none': { label: 'No grouping', description: 'One list of lines, without subtotals', menu: 'view', section: 1, toggle: 'radio' },
  'view.quarters': { label: 'Quarter totals', description: 'Show or hide a total column after each quarter', menu: 'view', section: 2, toggle: 'check' },
  'view.years': { label: 'Year totals', description: 'Show or hide a total column after each fiscal year', menu: 'view', section: 2, toggle: 'check' },
  'view.cents': { label: 'Cents in the sheet', description: 'Show the sheet’s amounts with cents, or in whole units so that the year fits the window; the formula bar, the status bar and files stay exact', menu: 'view', section: 2, toggle: 'check' },
  'view.comments': { label: 'Comments panel', description: 'Show the comments of this version beside the sheet', menu: 'view', section: 2, toggle: 'check' },
  'view.display': { label: 'Number format…', description: 'How amounts look: negatives, zeros, separators, cents in the sheet', menu: 'view', section: 3 },
  'view.dark': { label: 'Dark theme', description: 'Switch between the light and the dark theme', menu: 'view', section: 3, toggle: 'check' },

  // Data
  'data.add-line': { label: 'Add line…', description: 'Add a budget line (it proposes the department and account of the line under the cursor)', menu: 'data', section: 0, shortcut: mod('l', { shift: true }), toolbar: true },
  'data.delete-line': { label: 'Delete line…', description: 'Delete the line under the cursor', menu: 'data', section: 0, shortcut: mod('k', { shift: true }) },
  'data.move-line': { label: 'Move to another department or account…', description: 'Move the line under the cursor to another department or account', menu: 'data', section: 0 },
  'data.move-up': { label: 'Move line up', description: 'Move the line under the cursor up within its group', menu: 'data', section: 0, shortcut: { all: { key: 'ArrowUp', alt: true, shift: true } } },
  'data.move-down': { label: 'Move line down', description: 'Move the line under the cursor down within its group', menu: 'data', section: 0, shortcut: { all: { key: 'ArrowDown', alt: true, shift: true } } },
  'data.spread': { label: 'Spread an amount…', description: 'Spread a full-year amount over the months of the line under the cursor', menu: 'data', section: 1, shortcut: mod('e', { shift: true }), toolbar: true },
  'data.adjust': { label: 'Adjust (what if)…', description: 'Move a department’s or an account’s months by a percentage or an amount, or bring another version’s values in', menu: 'data', section: 1 },
  'data.tag-goal': { label: 'Tag with goal…', description: 'Tag the selected lines with a strategic goal', menu: 'data', section: 1 },
  'data.dimensions': { label: 'Departments and accounts…', description: 'Add, rename, move and delete departments and accounts', menu: 'data', section: 2 },
  'data.versions': { label: 'Versions…', description: 'Create, copy, rename, roll forward and delete versions', menu: 'data', section: 2, shortcut: mod('v', { shift: true }) },
  'data.version-picker': { label: 'Go to the version picker', description: 'Move the keyboard to the version picker', menu: 'data', section: 2, shortcut: { all: { key: 'v', alt: true } } },
  'data.submit': { label: 'Submit for approval…', description: 'Send this version to the approver', menu: 'data', section: 3 },
  'data.approve': { label: 'Approve…', description: 'Approve this version: it is locked against changes', menu: 'data', section: 3 },
  'data.return': { label: 'Send back…', description: 'Return this version to its authors with a reason', menu: 'data', section: 3 },
  'data.reopen': { label: 'Reopen…', description: 'Reopen an approved version for changes, with a reason', menu: 'data', section: 3 },

  // Proposals
  'proposals.add': { label: 'Add proposal…', description: 'Add an investment proposal', menu: 'proposals', section: 0 },
  'proposals.session': { label: 'Session mode', description: 'Full-screen view for the prioritization meeting', menu: 'proposals', section: 0 },
  'proposals.layout-ranking': { label: 'Ranking', description: 'Ranked proposals with their metrics and the funding line', menu: 'proposals', section: 1, toggle: 'radio' },
  'proposals.layout-sheet': { label: 'Inputs sheet', description: 'Every proposal’s inputs as a sheet: type, paste, fill and clear as in the budget', menu: 'proposals', section: 1, toggle: 'radio' },
  'proposals.optimize': { label: 'Optimize the portfolio', description: 'Choose the proposals that give the most value within the capital caps', menu: 'proposals', section: 2 },
  'proposals.frontier': { label: 'Efficient frontier…', description: 'The best value for each level of capital', menu: 'proposals', section: 2 },
  'proposals.minimums': { label: 'Department minimums…', description: 'The least capital each department must receive', menu: 'proposals', section: 2 },
  // One key on a proposal in the ranking, the sheet's status column or the session; each asks for the reason.
  'proposals.fund': { label: 'Fund proposal…', description: 'Fund the selected proposal: its costs go into the budget, on the accounts and months you choose', menu: 'proposals', section: 3, shortcut: { all: { key: 'f' } } },
  'proposals.defer': { label: 'Defer proposal…', description: 'Defer the selected proposal to a later round, with the reason', menu: 'proposals', section: 3, shortcut: { all: { key: 'd' } } },
  'proposals.reject': { label: 'Reject proposal…', description: 'Reject the selected proposal, with the reason', menu: 'proposals', section: 3, shortcut: { all: { key: 'r' } } },
  'proposals.reopen': { label: 'Reopen proposal…', description: 'Return the selected proposal to open (a funding taken back leaves the budget)', menu: 'proposals', section: 3, shortcut: { all: { key: 'p' } } },

  // Window
  'window.minimize': { label: 'Minimize', description: 'Minimize the window', menu: 'window', section: 0, electronRole: 'minimize', only: 'electron', shortcut: { all: { key: 'm', mod: true } } },
  'window.zoom': { label: 'Zoom', description: 'Fill the screen with the window', menu: 'window', section: 0, electronRole: 'zoom', only: 'electron' },
  'window.full-screen': { label: 'Full screen', description: 'Use the whole screen for Tandem', menu: 'window', section: 0, electronRole: 'togglefullscreen', shortcut: { all: { key: 'F11' }, mac: { key: 'f', mod: true, alt: true } } },

  // Help
  'help.shortcuts': { label: 'Keyboard shortcuts', description: 'Every command and its shortcut', menu: 'help', section: 0, shortcut: mod('/') },
  'help.guide': { label: 'Tandem help', description: 'The user guide, in your browser', menu: 'help', section: 0 },
  'help.about': { label: 'About Tandem', description: 'Version and licence', menu: 'help', section: 1, macAppMenu: true },
} as const satisfies Record<string, CommandDefinition>;

export type CommandId = keyof typeof COMMANDS;

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

export function commandDefinition(id: CommandId): CommandDefinition {
  return COMMANDS[id];
}

/** Whether a command exists where the renderer runs (quitting and minimizing belong to Electron). */
export function availableOn(id: CommandId, host: 'electron' | 'browser'): boolean {
  const only = (COMMANDS[id] as CommandDefinition).only;
  return only === undefined || only === host;
}

/** The commands of a menu in order, split into its sections (separators go between them). */
export function menuSections(menu: MenuId, include: (id: CommandId) => boolean = () => true): CommandId[][] {
  const sections = new Map<number, CommandId[]>();
  for (const id of COMMAND_IDS) {
    const definition: CommandDefinition = COMMANDS[id];
    if (definition.menu !== menu || !include(id)) continue;
    sections.set(definition.section, [...(sections.get(definition.section) ?? []), id]);
  }
  return [...sections.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
}

/** What the renderer reports of a command, so that every menu shows it in step. */
export interface CommandState {
  enabled: boolean;
  /** why it is not enabled: shown as the tooltip, and beside the item in the in-app menu */
  reason?: string;
  /** for toggles: whether it is on */
  checked?: boolean;
  /** a label that says more than the table's (Undo “Paste 12 cells”) */
  label?: string;
}

export type CommandStates = Partial<Record<CommandId, CommandState>>;

/** The help pages Tandem may open in the system browser, and no others. */
export const HELP_HOSTS = ['help.tandem.app'] as const;
export const HELP_URL = 'https://help.tandem.app/';
