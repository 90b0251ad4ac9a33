import { describe, expect, it } from 'vitest';
import { renameReference } from '../../../../shared/formula/rename-reference';

describe('renaming a line in formulas', () => {
  it('follows the new name, in brackets where it needs them', () => {
    expect(renameReference('Headcount * 8500', 'Headcount', 'Engineering headcount')).toBe('[Engineering headcount] * 8500');
    expect(renameReference('[Sales engineers] + prev([sales engineers])', 'Sales Engineers', 'SE')).toBe('SE + prev(SE)');
  });

  it('leaves formulas that do not mention the line as they were written', () => {
    expect(renameReference('Revenue*32%', 'Headcount', 'HC')).toBe('Revenue*32%');
  });

  it('renames bracketed mentions in a formula that does not parse', () => {
    expect(renameReference('[Headcount] * * 2', 'Headcount', 'HC')).toBe('[HC] * * 2');
  });
});
