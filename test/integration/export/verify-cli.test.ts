import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVerify } from '../../../electron/verify-cli';
import { startBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('npm run verify -- FILE', () => {
  it('says OK with who approved, NOT VERIFIED with the reason, and usage without a file', async () => {
    const back = startBack(tempFolder());
    await back.call('app/set-user-name', { userName: 'Ana Controller' });
    await back.call('version/set-status', { action: 'submit' });
    await back.call('version/set-status', { action: 'approve' });
    const { path } = await back.call('export/xlsx', { fileName: 'approved.xlsx' });
    const printed: string[] = [];
    expect(await runVerify([path], (line) => printed.push(line))).toBe(0);
    expect(printed.join('\n')).toMatch(/^OK: .*approved “Budget FY2027” .*\nApproved by Ana Controller at \d{4}-/);

    const draft = startBack(tempFolder());
    const unstamped = (await draft.call('export/xlsx', { fileName: 'draft.xlsx' })).path;
    const other: string[] = [];
    expect(await runVerify([unstamped], (line) => other.push(line))).toBe(1);
    expect(other.join('\n')).toContain('NOT VERIFIED');
    copyFileSync(path, join(back.dataDir, 'copy.xlsx'));
    expect(await runVerify([join(back.dataDir, 'copy.xlsx')], () => undefined)).toBe(0);
    expect(await runVerify([], () => undefined)).toBe(2);
    back.stop();
    draft.stop();
  });
});
