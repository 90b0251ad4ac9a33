import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, MENUS, menuSections, type CommandDefinition, type CommandId } from '../../../../shared/commands/command-table';
import { sameShortcut, shortcutFor, type Host, type Platform } from '../../../../shared/commands/shortcut';

const definitionOf = (id: CommandId): CommandDefinition => COMMANDS[id];
const PLATFORMS: Platform[] = ['mac', 'windows', 'linux'];
const HOSTS: Host[] = ['electron', 'browser'];

describe('the command table', () => {
  it('gives no two commands the same shortcut, on any platform and host', () => {
    for (const platform of PLATFORMS) {
      for (const host of HOSTS) {
        const taken: { id: CommandId; shortcut: NonNullable<ReturnType<typeof shortcutFor>> }[] = [];
        for (const id of COMMAND_IDS) {
          const shortcut = shortcutFor(definitionOf(id).shortcut, platform, host);
          if (shortcut === null) continue;
          const clash = taken.find((other) => sameShortcut(other.shortcut, shortcut));
          expect(clash?.id, `${id} and ${clash?.id} share a shortcut on ${platform} in ${host}`).toBeUndefined();
          taken.push({ id, shortcut });
        }
      }
    }
  });

  it('puts every command in exactly one menu, in a section of it', () => {
    const inMenus = MENUS.flatMap((menu) => menuSections(menu).flat());
    expect([...inMenus].sort()).toEqual([...COMMAND_IDS].sort());
    expect(new Set(inMenus).size).toBe(inMenus.length);
  });

  it('keeps the toolbar to the everyday commands, at most eight', () => {
    const toolbar = COMMAND_IDS.filter((id) => definitionOf(id).toolbar === true);
    expect(toolbar.length).toBeGreaterThan(0);
    expect(toolbar.length).toBeLessThanOrEqual(8);
  });

  it('leaves the browser’s own Ctrl+N alone in the browser host, and uses it in Electron', () => {
    const spec = definitionOf('file.new').shortcut;
    expect(shortcutFor(spec, 'windows', 'electron')).toEqual({ key: 'n', mod: true });
    expect(shortcutFor(spec, 'windows', 'browser')).toEqual({ key: 'n', mod: true, alt: true });
  });

  it('redoes with Cmd+Shift+Z on a Mac and Ctrl+Y elsewhere', () => {
    const spec = definitionOf('edit.redo').shortcut;
    expect(shortcutFor(spec, 'mac', 'electron')).toEqual({ key: 'z', mod: true, shift: true });
    expect(shortcutFor(spec, 'linux', 'electron')).toEqual({ key: 'y', mod: true });
  });

  it('describes every command in a sentence and labels it', () => {
    for (const id of COMMAND_IDS) {
      expect(definitionOf(id).label.trim(), id).not.toBe('');
      expect(definitionOf(id).description.length, id).toBeGreaterThan(10);
    }
  });
});
