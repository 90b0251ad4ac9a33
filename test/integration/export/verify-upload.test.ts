import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_VERIFY_UPLOAD_BYTES } from '../../../shared/api/export-api';
import { startBack, type TestBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** A file as the browser uploads it: its name and its bytes in base64. */
const upload = (name: string, bytes: Buffer) => ({ name, base64: bytes.toString('base64') });

async function approvedBack(): Promise<TestBack> {
  const back = startBack(tempFolder());
  await back.call('app/set-user-name', { userName: 'Ana Controller' });
  await back.call('version/set-status', { action: 'submit' });
  await back.call('version/set-status', { action: 'approve' });
  return back;
}

/** The same bytes with one amount changed: 1 more in the first amount field that has a digit to change. */
function tamperedCsv(bytes: Buffer): Buffer {
  const text = bytes.toString('utf8');
  const changed = text.replace(/,(\d)(\d*\.?\d*)\r\n/, (_match, first: string, rest: string) => `,${(Number(first) + 1) % 10}${rest}\r\n`);
  expect(changed).not.toBe(text);
  return Buffer.from(changed, 'utf8');
}

describe('export/verify-upload: verifying files the user uploads, as verifying a path does', () => {
  it('verifies an uploaded approved XLSX and refuses a copy with one byte changed, with the reason', async () => {
    const back = await approvedBack();
    const { path } = await back.call('export/xlsx', { fileName: 'approved.xlsx' });
    const bytes = readFileSync(path);
    expect(await back.call('export/verify-upload', { files: [upload('approved.xlsx', bytes)] })).toMatchObject({ ok: true, approvedBy: 'Ana Controller', version: 'Budget FY2027' });
    const tampered = Buffer.from(bytes);
    const middle = Math.floor(tampered.length / 2);
    tampered.writeUInt8(tampered.readUInt8(middle) ^ 0x01, middle);
    const answer = await back.call('export/verify-upload', { files: [upload('approved (1).xlsx', tampered)] });
    expect(answer).toMatchObject({ ok: false, reason: expect.stringMatching(/changed|does not match/) });
    back.stop();
  });

  it('verifies an uploaded CSV with its .approval.json, in either order, and refuses a changed amount', async () => {
    const back = await approvedBack();
    const { path } = await back.call('export/csv', { fileName: 'approved.csv' });
    const csv = readFileSync(path);
    const stamp = readFileSync(`${path}.approval.json`);
    expect(await back.call('export/verify-upload', { files: [upload('approved.csv', csv), upload('approved.csv.approval.json', stamp)] })).toMatchObject({ ok: true, approvedBy: 'Ana Controller' });
    expect(await back.call('export/verify-upload', { files: [upload('approved.csv.approval.json', stamp), upload('approved.csv', csv)] })).toMatchObject({ ok: true });
    expect(await back.call('export/verify-upload', { files: [upload('approved.csv', tamperedCsv(csv)), upload('approved.csv.approval.json', stamp)] })).toEqual({
      ok: false,
      reason: expect.stringContaining('changed after the export'),
    });
    back.stop();
  });

  it('asks for the approval stamp when a CSV comes alone, and for the CSV when the stamp comes alone', async () => {
    const back = await approvedBack();
    const { path } = await back.call('export/csv', { fileName: 'approved.csv' });
    expect(await back.call('export/verify-upload', { files: [upload('approved.csv', readFileSync(path))] })).toEqual({ ok: false, reason: expect.stringContaining('approved.csv.approval.json') });
    expect(await back.call('export/verify-upload', { files: [upload('approved.csv.approval.json', readFileSync(`${path}.approval.json`))] })).toEqual({
      ok: false,
      reason: expect.stringContaining('Give the CSV too'),
    });
    back.stop();
  });

  it('refuses files that are not Tandem exports, a damaged stamp and a second file beside an XLSX, naming the file', async () => {
    const back = await approvedBack();
    const { path } = await back.call('export/xlsx', { fileName: 'approved.xlsx' });
    const xlsx = readFileSync(path);
    expect(await back.call('export/verify-upload', { files: [upload('notes.txt', Buffer.from('hello'))] })).toEqual({ ok: false, reason: expect.stringContaining('notes.txt') });
    expect(await back.call('export/verify-upload', { files: [upload('approved.xlsx', xlsx), upload('approved.csv', Buffer.from('a,b\r\n'))] })).toEqual({
      ok: false,
      reason: expect.stringContaining('An XLSX carries its stamp inside'),
    });
    expect(await back.call('export/verify-upload', { files: [upload('b.csv', Buffer.from('a,b\r\n')), upload('b.csv.approval.json', Buffer.from('{not json'))] })).toEqual({
      ok: false,
      reason: expect.stringContaining('b.csv.approval.json is damaged'),
    });
    back.stop();
  });

  it('refuses malformed uploads before reading them: no file, three files, bytes that are not base64, a NUL in a name, more than the size limit', async () => {
    const back = await approvedBack();
    const refusal = async (input: unknown) => {
      const response = await back.raw('export/verify-upload', input);
      expect(response.ok).toBe(false);
      return response.ok ? '' : `${response.error.code}: ${response.error.message}`;
    };
    expect(await refusal({ files: [] })).toMatch(/^invalid-input: .*Choose the file/);
    const one = upload('a.csv', Buffer.from('x'));
    expect(await refusal({ files: [one, one, one] })).toMatch(/at most two files/);
    expect(await refusal({ files: [{ name: 'a.xlsx', base64: 'not base64!' }] })).toMatch(/not base64/);
    expect(await refusal({ files: [{ name: 'a\u0000.xlsx', base64: 'AAAA' }] })).toMatch(/files.0.name: .*U\+0000 \(NUL\)/);
    const half = 'A'.repeat(Math.ceil(MAX_VERIFY_UPLOAD_BYTES / 3) * 2 + 4);
    expect(await refusal({ files: [{ name: 'a.csv', base64: half }, { name: 'a.csv.approval.json', base64: half }] })).toMatch(/MB/);
    back.stop();
  });
});
