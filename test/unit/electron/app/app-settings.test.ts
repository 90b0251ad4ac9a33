import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/errors';
import { AppSettings, NAME_REQUIRED } from '../../../../electron/app/app-settings';
import { useTempFolder } from '../../../helpers/temp-folder';

const tempFolder = useTempFolder();

function refusal(read: () => unknown): ApiError {
  try {
    read();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('no refusal');
}

describe('the user name in the app settings', () => {
  it('is not known on a first start: the actor getter refuses, naming what to do; the login name is only a suggestion', () => {
    const settings = new AppSettings(tempFolder());
    expect([settings.userNameIsSet, settings.userNameOrNull]).toEqual([false, null]);
    const error = refusal(() => settings.userName);
    expect([error.code, error.message, error.where]).toEqual(['unauthorized', NAME_REQUIRED, 'userName']);
    expect(NAME_REQUIRED).toContain('File › Your name…');
    expect(settings.suggestedUserName).toBe(userInfo().username);
  });

  it('keeps the chosen name, tidied, in settings.json for the next start', () => {
    const folder = tempFolder();
    const settings = new AppSettings(folder);
    expect(settings.setUserName('  Dana \t Whitfield ')).toBe('Dana Whitfield');
    expect(settings.userName).toBe('Dana Whitfield');
    expect(JSON.parse(readFileSync(join(folder, 'settings.json'), 'utf8'))).toMatchObject({ userName: 'Dana Whitfield' });
    expect(new AppSettings(folder).userName).toBe('Dana Whitfield');
  });

  it('refuses a blank name and keeps the one it had', () => {
    const settings = new AppSettings(tempFolder());
    settings.setUserName('Ana');
    expect(refusal(() => settings.setUserName('  ')).code).toBe('invalid-input');
    expect(settings.userName).toBe('Ana');
  });

  it('takes a blank name in the file as no name, without losing the other settings', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'settings.json'), JSON.stringify({ recentFiles: ['/a.tandem'], sampleOffered: true, userName: '   ' }));
    const settings = new AppSettings(folder);
    expect(settings.userNameIsSet).toBe(false);
    expect(settings.recentFiles).toEqual(['/a.tandem']);
  });
});
