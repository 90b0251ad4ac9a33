import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { startBack, type TestBack } from '../../helpers/back';
import { inProcessApi } from '../../helpers/in-process-api';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();
const running: TestBack[] = [];

afterEach(() => {
  for (const back of running.splice(0)) back.stop();
});

function start() {
  const back = startBack(tempFolder());
  running.push(back);
  return { back, client: inProcessApi(back) };
}

describe('the in-process test transport', () => {
  it('answers a call with plain data, as it would arrive over the wire', async () => {
    const { back, client } = start();
    const sheet = await client.call('sheet/get-sheet', { versionId: await back.budgetId() });
    expect(sheet.lines.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(sheet))).toEqual(sheet);
  });

  it('refuses an input the contract’s schema refuses, naming the field', async () => {
    const { client } = start();
    const error = await rejection(client.call('sheet/get-sheet', { versionId: -1 }));
    expect(error).toBeInstanceOf(ApiError);
    expect([error.code, error.where]).toEqual(['invalid-input', 'versionId']);
  });

  it('fails a call the back refuses with the ApiError the UI shows', async () => {
    const { back, client } = start();
    back.session.shutDown();
    const error = await rejection(client.call('version/list', {}));
    expect(error.code).toBe('no-workbook-open');
    expect(error.message).toMatch(/No workbook is open/);
  });

  it('brings the back’s events to listeners after the write, until they stop listening', async () => {
    const { back, client } = start();
    const heard: ApiEvent[] = [];
    const stop = client.onEvent((event) => heard.push(event));
    const sheet = await back.call('sheet/get-sheet', {});
    const line = sheet.lines.find((candidate) => candidate.formula === null);
    if (line === undefined) throw new Error('The sample has no entered line.');
    const receipt = await client.call('sheet/set-cells', { versionId: sheet.version.id, edits: [{ lineId: line.id, period: 0, value: '5' }], label: 'edit' });
    expect(heard).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual([{ name: 'workbook/changed', payload: { path: sheet.workbook.path, revision: receipt.revision } }]);

    stop();
    await client.call('sheet/set-cells', { versionId: sheet.version.id, edits: [{ lineId: line.id, period: 0, value: '6' }], label: 'edit' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toHaveLength(1);
  });
});
