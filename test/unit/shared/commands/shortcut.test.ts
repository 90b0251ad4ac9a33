import { describe, expect, it } from 'vitest';
import { electronAccelerator, matchesShortcut, shortcutLabel, type KeyPress } from '../../../../shared/commands/shortcut';

const press = (change: Partial<KeyPress>): KeyPress => ({ key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...change });

describe('a shortcut', () => {
  it('is written Ctrl+Shift+L on Windows and Linux and ⇧⌘L on a Mac', () => {
    expect(shortcutLabel({ key: 'l', mod: true, shift: true }, 'windows')).toBe('Ctrl+Shift+L');
    expect(shortcutLabel({ key: 'l', mod: true, shift: true }, 'mac')).toBe('⇧⌘L');
    expect(shortcutLabel({ key: 'F3', shift: true }, 'linux')).toBe('Shift+F3');
    expect(shortcutLabel({ key: 'ArrowUp', alt: true, shift: true }, 'windows')).toBe('Alt+Shift+↑');
  });

  it('becomes an Electron accelerator with CmdOrCtrl', () => {
    expect(electronAccelerator({ key: 'l', mod: true, shift: true })).toBe('CmdOrCtrl+Shift+L');
    expect(electronAccelerator({ key: 'ArrowDown', alt: true, shift: true })).toBe('Alt+Shift+Down');
    expect(electronAccelerator({ key: 'Delete' })).toBe('Delete');
  });

  it('matches letters by the physical key, whatever Shift or Alt make them type', () => {
    expect(matchesShortcut(press({ key: 'L', code: 'KeyL', ctrlKey: true, shiftKey: true }), { key: 'l', mod: true, shift: true }, 'windows')).toBe(true);
    expect(matchesShortcut(press({ key: '√', code: 'KeyV', altKey: true }), { key: 'v', alt: true }, 'mac')).toBe(true);
  });

  it('does not match with a modifier missing or extra', () => {
    const shortcut = { key: 'z', mod: true };
    expect(matchesShortcut(press({ key: 'z', code: 'KeyZ' }), shortcut, 'windows')).toBe(false);
    expect(matchesShortcut(press({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true }), shortcut, 'windows')).toBe(false);
    // Cmd is the Mac's modifier: Ctrl+Z there is not Undo.
    expect(matchesShortcut(press({ key: 'z', code: 'KeyZ', ctrlKey: true }), shortcut, 'mac')).toBe(false);
    expect(matchesShortcut(press({ key: 'z', code: 'KeyZ', metaKey: true }), shortcut, 'mac')).toBe(true);
  });

  it('matches named keys by their name', () => {
    expect(matchesShortcut(press({ key: 'F3', code: 'F3', shiftKey: true }), { key: 'F3', shift: true }, 'linux')).toBe(true);
    expect(matchesShortcut(press({ key: 'F3', code: 'F3' }), { key: 'F3', shift: true }, 'linux')).toBe(false);
  });
});
