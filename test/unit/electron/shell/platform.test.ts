import { describe, expect, it } from 'vitest';
import { platformOf } from '../../../../electron/shell/platform';

describe('the platform the command table is drawn for', () => {
  it('is mac for darwin, windows for win32, and linux otherwise', () => {
    expect(platformOf('darwin')).toBe('mac');
    expect(platformOf('win32')).toBe('windows');
    expect(platformOf('linux')).toBe('linux');
    expect(platformOf('freebsd')).toBe('linux');
  });
});
