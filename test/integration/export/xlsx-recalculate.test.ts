import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** The workbook part of an XLSX file, read from the zip itself (not through a spreadsheet library). */
async function workbookXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const part = zip.file('xl/workbook.xml');
  if (part === null) throw new Error(`${path} has no xl/workbook.xml`);
  return part.async('string');
}

async function approve(back: TestBack): Promise<void> {
  await back.call('version/set-status', { action: 'submit' });
  await back.call('version/set-status', { action: 'approve' });
}

describe('an XLSX export, recalculated on opening', () => {
  it('carries the “recalculate on load” flag in xl/workbook.xml, once', async () => {
    const back = startBack(tempFolder());
    const { path } = await back.call('export/xlsx', { fileName: 'budget.xlsx' });
    const xml = await workbookXml(path);
    expect(xml).toMatch(/<calcPr\b[^>]*\bfullCalcOnLoad="1"/);
    expect(xml.match(/<calcPr\b/g)).toHaveLength(1);
    back.stop();
  });

  it('keeps the flag in an approved version’s sealed file, which still verifies', async () => {
    const back = startBack(tempFolder());
    await approve(back);
    const answer = await back.call('export/xlsx', { fileName: 'approved.xlsx' });
    expect(await workbookXml(answer.path)).toMatch(/<calcPr\b[^>]*\bfullCalcOnLoad="1"/);
    expect(await back.call('export/verify', { path: 'approved.xlsx' })).toMatchObject({ ok: true, sha256: answer.sha256 });
    back.stop();
  });
});
