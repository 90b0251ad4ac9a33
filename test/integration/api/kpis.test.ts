import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../shared/api/contract';
import type { Kpi } from '../../../shared/domain/kpi';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

type KpiFields = ApiInput<'kpi/create'>;

/** A sound new KPI on the sample: freight as a share of cost of goods sold. */
const freightShare = (changes: Partial<KpiFields> = {}): KpiFields => ({
  name: 'Freight share of COGS',
  description: 'Inbound freight against all cost of goods sold.',
  definition: 'account([5200]) / cogs()',
  unit: 'percent',
  direction: 'lower',
  departmentId: null,
  goalId: null,
  thresholds: { kind: 'percent', onTrackWithin: '5', offTrackBeyond: '15' },
  targets: [{ span: 'year', index: 0, value: '0.03' }],
  ...changes,
});

async function kpiNamed(back: TestBack, name: string): Promise<Kpi> {
  const kpi = (await back.call('kpi/list', {})).kpis.find((candidate) => candidate.name === name);
  if (kpi === undefined) throw new Error(`no KPI “${name}”`);
  return kpi;
}

/** What a refused call must leave as it was: the KPIs, their values, the goals, the revision and the undo history. */
async function everything(back: TestBack) {
  const sheet = await back.call('sheet/get-sheet', {});
  return { book: await back.call('kpi/list', {}), revision: sheet.workbook.revision, history: sheet.history };
}

describe('KPIs: create, change and delete, each one undo step', () => {
  it('a new KPI is listed last with its fields made canonical; undo takes it away and redo brings it back', async () => {
    const back = startBack(tempFolder());
    const before = (await back.call('kpi/list', {})).kpis;
    const created = await back.call('kpi/create', freightShare({ thresholds: { kind: 'percent', onTrackWithin: '5.0', offTrackBeyond: '15.50' }, targets: [{ span: 'year', index: 0, value: '0.030' }] }));
    expect(created.history.undo).toBe('add KPI “Freight share of COGS”');
    expect(created.kpi).toMatchObject({ name: 'Freight share of COGS', definition: 'account([5200]) / cogs()', thresholds: { kind: 'percent', onTrackWithin: '5', offTrackBeyond: '15.5' }, targets: [{ span: 'year', index: 0, value: '0.03' }] });
    const listed = (await back.call('kpi/list', {})).kpis;
    expect(listed.map((kpi) => kpi.name)).toEqual([...before.map((kpi) => kpi.name), 'Freight share of COGS']);
    await back.call('sheet/undo', {});
    expect((await back.call('kpi/list', {})).kpis).toEqual(before);
    await back.call('sheet/redo', {});
    expect((await back.call('kpi/list', {})).kpis).toEqual(listed);
    back.stop();
  });

  it('a change is one undo step that restores every field; the audit trail records it with who made it', async () => {
    const back = startBack(tempFolder());
    await back.call('app/set-user-name', { userName: 'Ana Controller' });
    const margin = await kpiNamed(back, 'Gross margin %');
    const { id, sortOrder: _sortOrder, ...fields } = margin;
    const changed = await back.call('kpi/update', { ...fields, kpiId: id, direction: 'higher', targets: [{ span: 'year', index: 0, value: '0.66' }], thresholds: { kind: 'amount', onTrackWithin: '0.01', offTrackBeyond: '0.03' } });
    expect(changed.history.undo).toBe('change KPI “Gross margin %”');
    expect(changed.kpi.targets).toEqual([{ span: 'year', index: 0, value: '0.66' }]);
    const audit = await back.call('audit/list', { text: 'Gross margin %' });
    expect(audit.entries.map((entry) => [entry.actor, entry.subject, entry.after])).toEqual(
      expect.arrayContaining([
        ['Ana Controller', 'KPI “Gross margin %”: targets', '[{"span":"year","index":0,"value":"0.66"}]'],
        ['Ana Controller', 'KPI “Gross margin %”: thresholds', '{"kind":"amount","onTrackWithin":"0.01","offTrackBeyond":"0.03"}'],
      ]),
    );
    await back.call('sheet/undo', {});
    expect(await kpiNamed(back, 'Gross margin %')).toEqual(margin);
    back.stop();
  });

  it('renaming a KPI takes the definitions that use it along, in the same undo step', async () => {
    const back = startBack(tempFolder());
    const days = await kpiNamed(back, 'Days sales outstanding');
    const cycle = await kpiNamed(back, 'Cash conversion cycle');
    const { id, sortOrder: _sortOrder, ...fields } = days;
    const renamed = await back.call('kpi/update', { ...fields, kpiId: id, name: 'DSO' });
    expect(renamed.history.undo).toBe('rename KPI “Days sales outstanding” to “DSO”');
    expect((await kpiNamed(back, 'Cash conversion cycle')).definition).toBe('kpi(DSO) + kpi([Days inventory outstanding]) - kpi([Days payables outstanding])');
    await back.call('sheet/undo', {});
    expect(await kpiNamed(back, 'Cash conversion cycle')).toEqual(cycle);
    expect(await kpiNamed(back, 'Days sales outstanding')).toEqual(days);
    back.stop();
  });

  it('renaming a line takes the definitions that name it along, in the line’s undo step', async () => {
    const back = startBack(tempFolder());
    const days = await kpiNamed(back, 'Days sales outstanding');
    const line = (await back.call('sheet/get-sheet', {})).lines.find((candidate) => candidate.description === 'Accounts receivable');
    if (line === undefined) throw new Error('no receivables line');
    await back.call('sheet/rename-line', { lineId: line.id, description: 'Trade receivables' });
    expect((await kpiNamed(back, 'Days sales outstanding')).definition).toBe('month([Trade receivables]) / revenue() * days()');
    const audit = await back.call('audit/list', { text: 'Trade receivables' });
    expect(audit.entries.some((entry) => entry.subject === 'KPI “Days sales outstanding”: definition' && entry.after === 'month([Trade receivables]) / revenue() * days()')).toBe(true);
    await back.call('sheet/undo', {});
    expect(await kpiNamed(back, 'Days sales outstanding')).toEqual(days);
    back.stop();
  });

  it('a line renamed leaves an account of the same name alone', async () => {
    const back = startBack(tempFolder());
    const sheet = await back.call('sheet/get-sheet', {});
    const travel = sheet.accounts.find((account) => account.name === 'Travel');
    const sales = sheet.departments.find((department) => department.name === 'Sales');
    if (travel === undefined || sales === undefined) throw new Error('no Travel account or Sales department');
    const { line } = await back.call('sheet/add-line', { departmentId: sales.id, accountId: travel.id, description: 'Travel' });
    await back.call('kpi/create', freightShare({ name: 'Travel share', definition: 'line([Travel]) / account([Travel])' }));
    await back.call('sheet/rename-line', { lineId: line.id, description: 'Travel — Sales' });
    expect((await kpiNamed(back, 'Travel share')).definition).toBe('line([Travel — Sales]) / account(Travel)');
    back.stop();
  });

  it('renaming a department or an account takes the definitions that name it along; undo puts them back', async () => {
    const back = startBack(tempFolder());
    const sheet = await back.call('sheet/get-sheet', {});
    const sales = sheet.departments.find((department) => department.name === 'Sales');
    const travel = sheet.accounts.find((account) => account.name === 'Travel');
    if (sales === undefined || travel === undefined) throw new Error('no Sales department or Travel account');
    await back.call('kpi/create', freightShare({ name: 'Sales travel share', definition: 'dept([Sales], account([Travel])) / opex()' }));
    await back.call('dimension/rename-department', { departmentId: sales.id, name: 'Sales & Service' });
    await back.call('dimension/rename-account', { accountId: travel.id, name: 'Travel & meals' });
    expect((await kpiNamed(back, 'Sales travel share')).definition).toBe('dept([Sales & Service], account([Travel & meals])) / opex()');
    await back.call('sheet/undo', {});
    await back.call('sheet/undo', {});
    expect((await kpiNamed(back, 'Sales travel share')).definition).toBe('dept([Sales], account([Travel])) / opex()');
    back.stop();
  });

  it('a department that owns a KPI is not deleted: the message says to give it another owner', async () => {
    const back = startBack(tempFolder());
    const { departmentId } = await back.call('dimension/add-department', { name: 'Customer success', parentId: null });
    await back.call('kpi/create', freightShare({ departmentId }));
    const error = await rejection(back.call('dimension/delete-department', { departmentId }));
    expect(error.message).toBe('“Customer success” owns 1 KPI. Give it another owner first.');
    back.stop();
  });

  it('deleting a KPI takes its entered values with it, and undo brings both back', async () => {
    const back = startBack(tempFolder());
    const before = await back.call('kpi/list', {});
    const csat = await kpiNamed(back, 'Customer satisfaction (CSAT)');
    const deleted = await back.call('kpi/delete', { kpiId: csat.id });
    expect(deleted.history.undo).toBe('delete KPI “Customer satisfaction (CSAT)”');
    const after = await back.call('kpi/list', {});
    expect(after.kpis.some((kpi) => kpi.id === csat.id)).toBe(false);
    expect(after.inputs).toEqual([]);
    await back.call('sheet/undo', {});
    expect(await back.call('kpi/list', {})).toEqual(before);
    back.stop();
  });

  it('a KPI that another uses is not deleted: the message names who uses it', async () => {
    const back = startBack(tempFolder());
    const before = await everything(back);
    const days = await kpiNamed(back, 'Days inventory outstanding');
    const error = await rejection(back.call('kpi/delete', { kpiId: days.id }));
    expect(error.message).toBe('KPI “Days inventory outstanding” is used by “Cash conversion cycle”: change that definition first.');
    expect(await everything(back)).toEqual(before);
    back.stop();
  });

  it('an approved budget does not lock KPIs: they measure it, they are not part of it', async () => {
    const back = startBack(tempFolder());
    await back.call('version/set-status', { action: 'submit' });
    await back.call('version/set-status', { action: 'approve' });
    await back.call('kpi/create', freightShare());
    const csat = await kpiNamed(back, 'Customer satisfaction (CSAT)');
    await back.call('kpi/enter-value', { kpiId: csat.id, period: 9, value: '4.4' });
    await back.call('sheet/undo', {});
    await back.call('sheet/undo', {});
    expect((await back.call('kpi/list', {})).kpis.some((kpi) => kpi.name === 'Freight share of COGS')).toBe(false);
    back.stop();
  });
});

describe('KPIs: bad input is refused, naming the KPI, and changes nothing', () => {
  const refusals: { case: string; fields: Partial<KpiFields>; message: string }[] = [
    { case: 'a definition that does not parse', fields: { definition: '(revenue() - cogs()' }, message: 'KPI “Freight share of COGS”: ' },
    { case: 'a definition that names a missing line', fields: { definition: '[Snow removal] / revenue()' }, message: 'KPI “Freight share of COGS”: there is no line named “Snow removal”.' },
    { case: 'a definition that names a missing account', fields: { definition: 'account([7777]) / revenue()' }, message: 'KPI “Freight share of COGS”: there is no account “7777” (give its code or its name).' },
    { case: 'a definition that names a missing KPI', fields: { definition: 'kpi([Net promoter score]) / 10' }, message: 'KPI “Freight share of COGS”: there is no KPI named “Net promoter score”.' },
    {
      case: 'thresholds that overlap',
      fields: { thresholds: { kind: 'percent', onTrackWithin: '10', offTrackBeyond: '5' } },
      message: 'KPI “Freight share of COGS”: “off track beyond” (5) is below “on track within” (10): the two thresholds overlap.',
    },
    {
      case: 'a negative threshold',
      fields: { thresholds: { kind: 'amount', onTrackWithin: '-1', offTrackBeyond: '5' } },
      message: 'KPI “Freight share of COGS”: thresholds measure how far short of the target it falls, in the direction that is bad for it, so they are 0 or more (a negative one would contradict the direction).',
    },
    { case: 'a percentage threshold over 1000%', fields: { thresholds: { kind: 'percent', onTrackWithin: '5', offTrackBeyond: '1500' } }, message: 'KPI “Freight share of COGS”: a threshold as a percentage of the target is at most 1000%; 1500% is more.' },
    { case: 'a monthly target after the last month', fields: { targets: [{ span: 'month', index: 12, value: '0.03' }] }, message: 'KPI “Freight share of COGS”: a target for month 13 is outside this workbook\'s calendar, which has 12 months.' },
    { case: 'a quarterly target after the last quarter', fields: { targets: [{ span: 'quarter', index: 4, value: '0.03' }] }, message: 'KPI “Freight share of COGS”: a target for quarter 5 is outside this workbook\'s calendar, which has 4 quarters.' },
    { case: 'a yearly target after the plan year', fields: { targets: [{ span: 'year', index: 1, value: '0.03' }] }, message: 'KPI “Freight share of COGS”: a target for year 2 is outside this workbook\'s calendar, which has 1 year.' },
    {
      case: 'two targets for the same month',
      fields: { targets: [{ span: 'month', index: 2, value: '0.03' }, { span: 'month', index: 2, value: '0.04' }] },
      message: 'KPI “Freight share of COGS” has two targets for Mar 2027: keep one.',
    },
    { case: 'a name another KPI has (in other letters)', fields: { name: 'gross MARGIN %' }, message: 'There is already a KPI named “Gross margin %”. Choose another name.' },
    { case: 'an owner department that does not exist', fields: { departmentId: 999 }, message: 'KPI “Freight share of COGS”: department 999 does not exist in this workbook.' },
    { case: 'a goal that does not exist', fields: { goalId: 999 }, message: 'Goal 999 does not exist in this workbook (it may have been deleted).' },
  ];

  it.each(refusals)('refuses $case', async ({ fields, message }) => {
    const back = startBack(tempFolder());
    const before = await everything(back);
    const error = await rejection(back.call('kpi/create', freightShare(fields)));
    expect(error.message.startsWith(message)).toBe(true);
    expect(await everything(back)).toEqual(before);
    back.stop();
  });

  it('refuses a change that would make a KPI loop back to itself through another, naming the loop', async () => {
    const back = startBack(tempFolder());
    const before = await everything(back);
    const days = await kpiNamed(back, 'Days sales outstanding');
    const { id, sortOrder: _sortOrder, ...fields } = days;
    const error = await rejection(back.call('kpi/update', { ...fields, kpiId: id, definition: 'kpi([Cash conversion cycle]) / 2' }));
    expect(error.message).toBe('KPI “Days sales outstanding” refers back to itself: Days sales outstanding → Cash conversion cycle → Days sales outstanding.');
    expect(await everything(back)).toEqual(before);
    back.stop();
  });

  it('refuses a rename to another KPI’s name, naming the clash', async () => {
    const back = startBack(tempFolder());
    const before = await everything(back);
    const { id, sortOrder: _sortOrder, ...fields } = await kpiNamed(back, 'Days sales outstanding');
    const error = await rejection(back.call('kpi/update', { ...fields, kpiId: id, name: 'Cash Conversion Cycle' }));
    expect([error.code, error.message]).toEqual(['already-exists', 'There is already a KPI named “Cash conversion cycle”. Choose another name.']);
    expect(await everything(back)).toEqual(before);
    back.stop();
  });
});

describe('entered values of input KPIs', () => {
  it('records the value with who entered it and when, as one undo step that undo clears', async () => {
    const back = startBack(tempFolder());
    await back.call('app/set-user-name', { userName: 'Dana Whitfield' });
    const csat = await kpiNamed(back, 'Customer satisfaction (CSAT)');
    const start = new Date().toISOString();
    const entered = await back.call('kpi/enter-value', { kpiId: csat.id, period: 9, value: '4.40' });
    expect(entered.history.undo).toBe('enter Customer satisfaction (CSAT) for Oct 2027');
    expect(entered.input).toEqual({ kpiId: csat.id, period: 9, value: '4.4', enteredBy: 'Dana Whitfield', enteredAt: expect.any(String) });
    expect(entered.input !== null && entered.input.enteredAt >= start && entered.input.enteredAt <= new Date().toISOString()).toBe(true);
    expect((await back.call('kpi/list', {})).inputs.find((input) => input.period === 9)).toEqual(entered.input);
    const audit = await back.call('audit/list', { text: 'Customer satisfaction' });
    expect(audit.entries[0]).toMatchObject({ actor: 'Dana Whitfield', period: 9, subject: 'KPI “Customer satisfaction (CSAT)”', before: null, after: '4.4' });
    await back.call('sheet/undo', {});
    expect((await back.call('kpi/list', {})).inputs.some((input) => input.period === 9)).toBe(false);
    back.stop();
  });

  it('clears a value with null, and undo brings back the value with its first author', async () => {
    const back = startBack(tempFolder());
    const csat = await kpiNamed(back, 'Customer satisfaction (CSAT)');
    const march = (await back.call('kpi/list', {})).inputs.find((input) => input.kpiId === csat.id && input.period === 2);
    expect(march).toMatchObject({ value: '4.4', enteredBy: 'Dana Whitfield' });
    const cleared = await back.call('kpi/enter-value', { kpiId: csat.id, period: 2, value: null });
    expect([cleared.input, cleared.history.undo]).toEqual([null, 'clear Customer satisfaction (CSAT) for Mar 2027']);
    await back.call('sheet/undo', {});
    expect((await back.call('kpi/list', {})).inputs.find((input) => input.kpiId === csat.id && input.period === 2)).toEqual(march);
    back.stop();
  });

  it('refuses a value for a computed KPI and for a month outside the calendar, changing nothing', async () => {
    const back = startBack(tempFolder());
    const before = await everything(back);
    const margin = await kpiNamed(back, 'Gross margin %');
    const computed = await rejection(back.call('kpi/enter-value', { kpiId: margin.id, period: 0, value: '0.6' }));
    expect(computed.message).toBe('KPI “Gross margin %” is computed from its definition; only input KPIs take entered values.');
    const csat = await kpiNamed(back, 'Customer satisfaction (CSAT)');
    const outside = await rejection(back.call('kpi/enter-value', { kpiId: csat.id, period: 12, value: '4.5' }));
    expect(outside.message).toBe("KPI “Customer satisfaction (CSAT)”: month 13 is outside this workbook's calendar (12 months).");
    expect(await everything(back)).toEqual(before);
    back.stop();
  });
});
