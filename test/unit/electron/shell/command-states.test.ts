import { describe, expect, it } from 'vitest';
import { parseCommandStates } from '../../../../electron/shell/command-states';

describe('the command states the page sends', () => {
  it('keeps known commands with a boolean enabled, and their reason, check and label', () => {
    expect(parseCommandStates({ 'data.add-line': { enabled: false, reason: 'approved' }, 'view.quarters': { enabled: true, checked: true }, 'edit.undo': { enabled: true, label: 'Undo paste' } })).toEqual({
      'data.add-line': { enabled: false, reason: 'approved' },
      'view.quarters': { enabled: true, checked: true },
      'edit.undo': { enabled: true, label: 'Undo paste' },
    });
  });

  it('drops unknown ids, missing or non-boolean enabled, and anything that is not an object', () => {
    expect(parseCommandStates({ 'no.such': { enabled: true }, 'data.spread': { enabled: 'yes' }, 'file.open': null })).toEqual({});
    const hostile = parseCommandStates(JSON.parse('{"__proto__": {"enabled": true}, "constructor": {"enabled": true}}'));
    expect(Object.keys(hostile)).toEqual([]);
    expect(Object.getPrototypeOf(hostile)).toBe(Object.prototype);
    expect(parseCommandStates(null)).toEqual({});
    expect(parseCommandStates([{ enabled: true }])).toEqual({});
    expect(parseCommandStates('file.open')).toEqual({});
  });

  it('cuts long texts and ignores texts of the wrong type', () => {
    const states = parseCommandStates({ 'data.spread': { enabled: false, reason: 'x'.repeat(1000), label: 42, checked: 'no' } });
    expect(states['data.spread']?.reason).toHaveLength(300);
    expect(states['data.spread']).not.toHaveProperty('label');
    expect(states['data.spread']).not.toHaveProperty('checked');
  });
});
