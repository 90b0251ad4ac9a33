import { describe, expect, it, vi } from 'vitest';
import { COMMAND_IDS, COMMANDS, MENU_LABELS, type CommandDefinition, type CommandId, type CommandStates } from '../../../../shared/commands/command-table';
import { electronAccelerator, shortcutFor, type Platform } from '../../../../shared/commands/shortcut';
import { acceleratorFor, flattenMenu, inNativeMenu, menuTemplate, type MenuItemTemplate } from '../../../../electron/shell/menu-template';

const PLATFORMS: Platform[] = ['mac', 'windows', 'linux'];
const definition = (id: CommandId): CommandDefinition => COMMANDS[id];
const itemsOf = (template: MenuItemTemplate[]) => flattenMenu(template);
const commandItem = (template: MenuItemTemplate[], id: CommandId) => itemsOf(template).find((item) => item.id === id);
const noSend = () => undefined;

describe('the native menu template', () => {
  for (const platform of PLATFORMS) {
    it(`lists every command exactly once on ${platform} (Zoom only where the system has it)`, () => {
      const template = menuTemplate(platform, {}, noSend);
      const ids = itemsOf(template).flatMap((item) => (item.id === undefined ? [] : [item.id]));
      expect(new Set(ids).size).toBe(ids.length);
      const expected = COMMAND_IDS.filter((id) => inNativeMenu(id, platform));
      expect([...ids].sort()).toEqual([...expected].sort());
      if (platform === 'mac') expect(expected).toEqual(COMMAND_IDS);
      else expect(COMMAND_IDS.filter((id) => !expected.includes(id))).toEqual(['window.zoom']);
    });

    it(`shows the table's shortcut as each item's accelerator on ${platform}`, () => {
      const template = menuTemplate(platform, {}, noSend);
      for (const id of COMMAND_IDS.filter((command) => inNativeMenu(command, platform))) {
        const shortcut = shortcutFor(definition(id).shortcut, platform, 'electron');
        expect(commandItem(template, id)?.accelerator, id).toBe(shortcut === null ? undefined : electronAccelerator(shortcut));
      }
    });

    it(`gives no two items the same accelerator on ${platform}`, () => {
      const accelerators = itemsOf(menuTemplate(platform, {}, noSend)).flatMap((item) => (item.accelerator === undefined ? [] : [item.accelerator.replace('CmdOrCtrl', platform === 'mac' ? 'Command' : 'Ctrl').toLowerCase()]));
      const repeated = accelerators.filter((accelerator, index) => accelerators.indexOf(accelerator) !== index);
      expect(repeated).toEqual([]);
      expect(accelerators.length).toBeGreaterThan(20);
    });
  }

  it('has File, Edit, View, Data, Proposals, Window and Help in that order, with the mnemonic on Windows and Linux', () => {
    expect(menuTemplate('windows', {}, noSend).map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Data', '&Proposals', '&Window', '&Help']);
    expect(menuTemplate('mac', {}, noSend).map((menu) => menu.label)).toEqual(['Tandem', ...Object.values(MENU_LABELS)]);
  });

  it('puts the accelerator CmdOrCtrl+Shift+L on Add line, and F3 on Find next', () => {
    const template = menuTemplate('windows', {}, noSend);
    expect(commandItem(template, 'data.add-line')?.accelerator).toBe('CmdOrCtrl+Shift+L');
    expect(commandItem(template, 'edit.find-next')?.accelerator).toBe('F3');
    expect(acceleratorFor('edit.redo', 'mac')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorFor('edit.redo', 'windows')).toBe('CmdOrCtrl+Y');
  });

  it('gives a Mac an app menu with About, Your name…, Services, Hide, Hide others, Show all and Quit, and takes them out of File and Help', () => {
    const [appMenu, file, , , , , window, help] = menuTemplate('mac', {}, noSend);
    const labels = (appMenu?.submenu ?? []).map((item) => (item.type === 'separator' ? '—' : item.label));
    expect(labels).toEqual(['About Tandem', '—', 'Your name…', '—', 'Services', '—', 'Hide Tandem', 'Hide Others', 'Show All', '—', 'Quit Tandem']);
    expect((appMenu?.submenu ?? []).map((item) => item.role).filter((role) => role !== undefined)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    const fileIds = (file?.submenu ?? []).map((item) => item.id);
    expect(fileIds).not.toContain('app.quit');
    expect(fileIds).not.toContain('app.user-name');
    expect((help?.submenu ?? []).map((item) => item.id)).not.toContain('help.about');
    expect(window?.role).toBe('window');
    expect(help?.role).toBe('help');
    // The system's Open Recent, right after Open…
    const openAt = fileIds.indexOf('file.open');
    expect(file?.submenu?.[openAt + 1]?.role).toBe('recentDocuments');
  });

  it('keeps Quit in File and About in Help on Windows and Linux, with no macOS-only roles', () => {
    for (const platform of ['windows', 'linux'] as const) {
      const template = menuTemplate(platform, {}, noSend);
      expect(template[0]?.submenu?.map((item) => item.id)).toContain('app.quit');
      expect(template[6]?.submenu?.map((item) => item.id)).toContain('help.about');
      const roles = itemsOf(template).map((item) => item.role);
      for (const macOnly of ['services', 'hide', 'hideOthers', 'unhide', 'zoom', 'recentDocuments', 'window', 'help']) expect(roles).not.toContain(macOnly);
    }
  });

  it('lets roles do what the system does (cut, copy, paste, quit, minimize) and sends every other command to the page', () => {
    const send = vi.fn();
    const template = menuTemplate('linux', {}, send);
    for (const id of ['edit.cut', 'edit.copy', 'edit.paste', 'app.quit', 'window.minimize', 'window.full-screen'] as const) {
      const item = commandItem(template, id);
      expect(item?.role, id).toBe(definition(id).electronRole);
      expect(item?.click, id).toBeUndefined();
    }
    commandItem(template, 'data.spread')?.click?.(null, null, {});
    expect(send).toHaveBeenCalledWith('data.spread');
  });

  it('on Windows and Linux shows a page command’s accelerator without registering it, so the page keeps Delete, F2 and arrows', () => {
    for (const platform of ['windows', 'linux'] as const) {
      const template = menuTemplate(platform, {}, noSend);
      for (const item of itemsOf(template).filter((candidate) => candidate.id !== undefined && candidate.accelerator !== undefined)) {
        expect(item.registerAccelerator, item.id).toBe(item.role === undefined ? false : undefined);
      }
    }
  });

  it('ignores a click that came from an accelerator (the page’s key bindings ran the command already) on every platform', () => {
    for (const platform of PLATFORMS) {
      const send = vi.fn();
      const item = commandItem(menuTemplate(platform, { 'edit.clear': { enabled: true } }, send), 'edit.clear');
      item?.click?.(null, null, { triggeredByAccelerator: true });
      expect(send).not.toHaveBeenCalled();
      item?.click?.(null, null, { triggeredByAccelerator: false });
      expect(send).toHaveBeenCalledTimes(1);
    }
  });

  it('disables a command the page has not spoken of yet, except the system’s roles and help', () => {
    const template = menuTemplate('windows', {}, noSend);
    expect(commandItem(template, 'data.add-line')?.enabled).toBe(false);
    expect(commandItem(template, 'file.open')?.enabled).toBe(false);
    expect(commandItem(template, 'help.guide')?.enabled).toBe(true);
    expect(commandItem(template, 'help.about')?.enabled).toBe(true);
    expect(commandItem(template, 'edit.copy')?.enabled).toBeUndefined();
    expect(commandItem(template, 'app.quit')?.enabled).toBeUndefined();
  });

  it('follows the states: enabled, disabled with its reason, checked, and a label that says more', () => {
    const states: CommandStates = {
      'data.add-line': { enabled: false, reason: 'The version is approved: reopen it to change it.' },
      'data.spread': { enabled: true },
      'view.quarters': { enabled: true, checked: true },
      'view.budget': { enabled: true, checked: false },
      'edit.undo': { enabled: true, label: 'Undo “Paste 12 cells”' },
      'edit.paste': { enabled: false },
    };
    const template = menuTemplate('mac', states, noSend);
    expect(commandItem(template, 'data.add-line')).toMatchObject({ enabled: false, toolTip: 'The version is approved: reopen it to change it.' });
    expect(commandItem(template, 'data.spread')).toMatchObject({ enabled: true, toolTip: definition('data.spread').description });
    expect(commandItem(template, 'view.quarters')).toMatchObject({ type: 'checkbox', checked: true });
    expect(commandItem(template, 'view.budget')).toMatchObject({ type: 'radio', checked: false });
    expect(commandItem(template, 'edit.undo')?.label).toBe('Undo “Paste 12 cells”');
    expect(commandItem(template, 'edit.paste')?.enabled).toBe(false);
  });

  it('separates the sections of a menu, never with a separator first, last or twice', () => {
    for (const platform of PLATFORMS) {
      for (const menu of menuTemplate(platform, {}, noSend)) {
        const types = (menu.submenu ?? []).map((item) => item.type === 'separator');
        expect(types[0], menu.label).not.toBe(true);
        expect(types[types.length - 1], menu.label).not.toBe(true);
        expect(types.some((separator, index) => separator && types[index + 1] === true), menu.label).toBe(false);
      }
    }
  });
});
