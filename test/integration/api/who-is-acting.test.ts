import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();
const loginName = userInfo().username;

async function sampleParts(back: TestBack) {
  const sheet = await back.call('sheet/get-sheet', {});
  const line = sheet.lines.find((candidate) => candidate.formula === null);
  const proposal = (await back.call('proposal/get-portfolio', {})).proposals[0];
  const csat = (await back.call('kpi/list', {})).kpis.find((kpi) => kpi.name === 'Customer satisfaction (CSAT)');
  if (line === undefined || proposal === undefined || csat === undefined) throw new Error('the sample lacks a line, a proposal or the CSAT KPI');
  return { sheet, line, proposal, csat };
}

/** Everything an actor-recording call could change: the revision, the audit trail, the versions and the files. */
async function footprint(back: TestBack) {
  const audit = await back.call('audit/list', { limit: 100_000 });
  const versions = await back.call('version/list', {});
  const info = (await back.call('workbook/get-session', {})).current;
  return { revision: info?.revision, audit: audit.total, versions: versions.versions.map((version) => [version.id, version.status]) };
}

describe('who is acting', () => {
  it('on a first start nobody is named: the login name is only suggested, and the sample is recorded as Tandem’s, never the login name', async () => {
    const back = startBack(tempFolder(), { userName: null });
    expect(await back.call('app/get-user', {})).toEqual({ userName: null, isSet: false, suggestion: loginName });
    const versions = (await back.call('version/list', {})).versions;
    expect(new Set(versions.map((version) => version.owner))).toEqual(new Set(['Tandem (sample)']));
    const path = back.session.state().current?.path ?? '';
    back.stop();
    // In the file itself: every actor and owner recorded by the seed.
    const db = new Database(path, { readonly: true });
    try {
      const recorded = db.prepare<[], string>("SELECT actor FROM audit_log UNION SELECT owner FROM versions WHERE owner <> '' UNION SELECT actor FROM version_events").pluck().all();
      expect(recorded).toEqual(['Tandem (sample)']);
    } finally {
      db.close();
    }
  });

  it('refuses every call that records who acted until a name is set, saying what to do, and changes nothing', async () => {
    const back = startBack(tempFolder(), { userName: null });
    const { line, proposal, csat } = await sampleParts(back);
    const budgetId = await back.budgetId();
    const before = await footprint(back);
    const calls = [
      back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '1' }], label: 'edit' }),
      back.call('sheet/add-comment', { lineId: line.id, period: 0, text: 'Check this' }),
      back.call('sheet/add-line', { departmentId: line.departmentId, accountId: line.accountId, description: 'New' }),
      back.call('proposal/decide', { proposalId: proposal.id, decision: 'funded', reason: 'Strong case' }),
      back.call('version/set-status', { action: 'submit' }),
      back.call('version/create', { name: 'Scenario B', kind: 'scenario', copyFrom: budgetId }),
      back.call('kpi/enter-value', { kpiId: csat.id, period: 9, value: '4.4' }),
      back.call('approval/set-rules', { approverMustDiffer: true }),
      back.call('export/xlsx', { fileName: 'nobody.xlsx' }),
      back.call('package/cut', { departmentId: line.departmentId, fileName: 'nobody-package' }),
      back.call('workbook/create-file', { path: 'Blank', name: 'Blank', sample: false }),
    ];
    for (const call of calls) {
      const error = await rejection(call);
      expect([error.code, error.message, error.where]).toEqual(['unauthorized', 'Tandem does not know your name yet: File › Your name… sets it. Nothing was changed.', 'userName']);
    }
    expect(await footprint(back)).toEqual(before);
    expect(existsSync(join(back.session.exportsFolder, 'nobody.xlsx'))).toBe(false);
    expect(existsSync(join(back.dataDir, 'workbooks', 'Blank.tandem'))).toBe(false);
    back.stop();
  });

  it('records the chosen name with every change, comment, decision, approval and KPI value, and keeps it in the app settings', async () => {
    const dataDir = tempFolder();
    const back = startBack(dataDir, { userName: null });
    expect(await back.call('app/set-user-name', { userName: '  Dana   Whitfield ' })).toEqual({ userName: 'Dana Whitfield' });
    expect(await back.call('app/get-user', {})).toEqual({ userName: 'Dana Whitfield', isSet: true, suggestion: loginName });
    const { line, proposal, csat } = await sampleParts(back);
    const since = (await back.call('audit/list', { limit: 100_000 })).total;
    await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '1' }], label: 'edit' });
    const { comment } = await back.call('sheet/add-comment', { lineId: line.id, period: 0, text: 'Check this' });
    await back.call('proposal/decide', { proposalId: proposal.id, decision: 'funded', reason: 'Strong case' });
    const { input } = await back.call('kpi/enter-value', { kpiId: csat.id, period: 9, value: '4.4' });
    await back.call('version/set-status', { action: 'submit' });
    const approved = await back.call('version/set-status', { action: 'approve' });
    expect(comment.author).toBe('Dana Whitfield');
    expect(input?.enteredBy).toBe('Dana Whitfield');
    expect(approved.version.events.map((event) => event.actor)).toEqual(['Dana Whitfield', 'Dana Whitfield']);
    const decisions = (await back.call('proposal/get-portfolio', {})).decisions.filter((decision) => decision.proposalId === proposal.id);
    expect(decisions.at(-1)?.actor).toBe('Dana Whitfield');
    const audit = await back.call('audit/list', { limit: 100_000 });
    const recent = audit.entries.slice(0, audit.total - since);
    expect(recent.length).toBeGreaterThanOrEqual(6);
    expect(new Set(recent.map((entry) => entry.actor))).toEqual(new Set(['Dana Whitfield']));
    expect(audit.entries.some((entry) => entry.actor === loginName)).toBe(false);
    back.stop();

    // The name is an app setting: the next start knows it.
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ userName: 'Dana Whitfield' });
    const again = startBack(dataDir, { userName: null });
    expect(await again.call('app/get-user', {})).toMatchObject({ userName: 'Dana Whitfield', isSet: true });
    again.stop();
  });

  it('refuses a blank name', async () => {
    const back = startBack(tempFolder(), { userName: null });
    const error = await rejection(back.call('app/set-user-name', { userName: '   ' }));
    expect(error.code).toBe('invalid-input');
    expect((await back.call('app/get-user', {})).isSet).toBe(false);
    back.stop();
  });
});

describe('separation of duties', () => {
  it('is off in a new workbook; turning it on is audited and one undo step', async () => {
    const back = startBack(tempFolder(), { userName: 'Ana Controller' });
    expect(await back.call('approval/get-rules', {})).toEqual({ approverMustDiffer: false });
    const set = await back.call('approval/set-rules', { approverMustDiffer: true });
    expect(set).toMatchObject({ approverMustDiffer: true, history: { undo: 'require another person to approve' } });
    expect(await back.call('approval/get-rules', {})).toEqual({ approverMustDiffer: true });
    const [entry] = (await back.call('audit/list', { kinds: ['setting'] })).entries;
    expect(entry).toMatchObject({ actor: 'Ana Controller', action: 'approval/set-rules', label: 'require another person to approve' });
    // Setting what is already set records nothing.
    const again = await back.call('approval/set-rules', { approverMustDiffer: true });
    expect(again.revision).toBe(set.revision);
    await back.call('sheet/undo', {});
    expect(await back.call('approval/get-rules', {})).toEqual({ approverMustDiffer: false });
    back.stop();
  });

  it('refuses the submitter’s approval with the reason and changes nothing; another person approves; the rule lives in the file', async () => {
    const dataDir = tempFolder();
    const back = startBack(dataDir, { userName: 'Dana Whitfield' });
    await back.call('approval/set-rules', { approverMustDiffer: true });
    await back.call('version/set-status', { action: 'submit' });
    const before = await footprint(back);
    await back.call('app/set-user-name', { userName: 'dana  whitfield' });
    for (const name of ['Dana Whitfield', 'dana  whitfield']) {
      await back.call('app/set-user-name', { userName: name });
      const error = await rejection(back.call('version/set-status', { action: 'approve' }));
      expect([error.code, error.message]).toEqual(['unauthorized', 'Dana Whitfield submitted this version; this workbook requires another person to approve it. It stays submitted.']);
    }
    expect(await footprint(back)).toEqual(before);
    back.stop();

    // Reopened, the file still holds the rule; another person approves.
    const reopened = startBack(dataDir);
    expect(await reopened.call('approval/get-rules', {})).toEqual({ approverMustDiffer: true });
    await reopened.call('app/set-user-name', { userName: 'Ben Ops' });
    const approved = await reopened.call('version/set-status', { action: 'approve' });
    expect(approved.version.events.map((event) => [event.action, event.actor])).toEqual([
      ['submit', 'Dana Whitfield'],
      ['approve', 'Ben Ops'],
    ]);
    reopened.stop();
  });

  it('without the rule, the submitter may approve', async () => {
    const back = startBack(tempFolder(), { userName: 'Dana Whitfield' });
    await back.call('approval/set-rules', { approverMustDiffer: true });
    await back.call('approval/set-rules', { approverMustDiffer: false });
    await back.call('version/set-status', { action: 'submit' });
    expect((await back.call('version/set-status', { action: 'approve' })).version.status).toBe('approved');
    back.stop();
  });
});
