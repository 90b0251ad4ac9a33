import { describe, expect, it } from 'vitest';
import { isAllowedExternal } from '../../../../electron/shell/external-links';
import { HELP_URL } from '../../../../shared/commands/command-table';

describe('which links open in the system browser', () => {
  it('allows the help pages over https', () => {
    expect(isAllowedExternal(HELP_URL)).toBe(true);
    expect(isAllowedExternal('https://help.tandem.app/guide/approvals#reopen')).toBe(true);
    expect(isAllowedExternal('https://HELP.tandem.app/')).toBe(true);
  });

  it('refuses any other https site, however close its name', () => {
    expect(isAllowedExternal('https://example.com/')).toBe(false);
    expect(isAllowedExternal('https://help.tandem.app.evil.com/')).toBe(false);
    expect(isAllowedExternal('https://evilhelp.tandem.app/')).toBe(false);
    expect(isAllowedExternal('https://tandem.app/')).toBe(false);
  });

  it('refuses other schemes, credentials, other ports and what is not a URL', () => {
    expect(isAllowedExternal('http://help.tandem.app/')).toBe(false);
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternal('ms-msdt:/id PCWDiagnostic')).toBe(false);
    expect(isAllowedExternal('https://user:pw@help.tandem.app/')).toBe(false);
    expect(isAllowedExternal('https://help.tandem.app:8443/')).toBe(false);
    expect(isAllowedExternal('help.tandem.app')).toBe(false);
    expect(isAllowedExternal('')).toBe(false);
  });
});
