import { describe, expect, it } from 'vitest';
import { clearWrites, fillWrites, pasteWrites } from '../../../../renderer/selection/cell-range';
import { inputColumns, proposalEdits, proposalSheetCells } from '../../../../renderer/proposals/proposal-sheet';
import { proposalFixture } from '../../../helpers/proposal';

const columns = inputColumns({
  departments: [
    { id: 1, name: 'Sales', parentId: null },
    { id: 2, name: 'Operations', parentId: null },
  ],
  criteria: [{ id: 7, name: 'Urgency', weight: '1' }],
  years: 3,
  firstYearLabel: 'FY2027',
  currency: 'USD',
  proposalTitles: () => [
    { id: 11, title: 'Forklifts' },
    { id: 12, title: 'Portal' },
    { id: 13, title: 'Racks, shelving and bins' },
  ],
});
const column = (id: string) => columns.findIndex((candidate) => candidate.id === id);
const rows = [
  proposalFixture(11, { capex: ['100', '0', '0'] }, { title: 'Forklifts', departmentId: 2, risk: 'high', scores: { 7: '4' } }),
  proposalFixture(12, { capex: ['0', '50.5', '0'] }, { title: 'Portal' }),
];
const cells = proposalSheetCells(rows, columns);

describe('the proposals sheet', () => {
  it('has the fields, a score per criterion and each flow by year, headed by fiscal year', () => {
    expect(columns.map((candidate) => candidate.id)).toEqual([
      'title', 'owner', 'department', 'category', 'goal', 'status', 'risk', 'usefulLife', 'mandatory', 'prerequisites', 'score-7',
      'capex-0', 'capex-1', 'capex-2', 'opex-0', 'opex-1', 'opex-2', 'benefit-0', 'benefit-1', 'benefit-2',
    ]);
    expect(columns[column('capex-2')]?.header).toBe('FY2029');
    expect(cells.value(0, column('department'))).toBe('Operations');
    // Zero years are empty cells: Ctrl+arrows and fills treat them as a spreadsheet treats blanks.
    expect(cells.value(0, column('capex-1'))).toBeNull();
    expect(cells.isWritable(0, column('status'))).toBe(false);
  });

  it('turns a pasted block into one edit per proposal, exact amounts and names read', () => {
    const plan = pasteWrites(cells, { anchor: { row: 0, column: column('capex-0') }, focus: { row: 0, column: column('capex-0') } }, [
      ['1,250.50', '', '7'],
      ['0', '2k', ''],
    ]);
    if (!plan.ok) throw new Error(plan.message);
    const edits = proposalEdits(plan.writes, rows, columns);
    expect(edits).toEqual({
      ok: true,
      edits: [
        { proposalId: 11, flows: [{ kind: 'capex', year: 0, amount: '1250.5' }, { kind: 'capex', year: 2, amount: '7' }] },
        { proposalId: 12, flows: [{ kind: 'capex', year: 0, amount: '0' }, { kind: 'capex', year: 1, amount: '2000' }] },
      ],
    });
  });

  it('refuses the whole change at the first bad cell, naming the proposal and the column', () => {
    const bad = (id: string, text: string | null, row = 0) => proposalEdits([{ row, column: column(id), value: text }], rows, columns);
    expect(bad('department', 'Marketing')).toMatchObject({ ok: false, where: 'Forklifts, Department', message: expect.stringContaining('no department “Marketing”') });
    expect(bad('score-7', '11')).toMatchObject({ ok: false, where: 'Forklifts, Scores (0–10) Urgency' });
    expect(bad('capex-1', '-5', 1)).toMatchObject({ ok: false, where: 'Portal, Capital cost FY2028', message: expect.stringContaining('positive amounts') });
    expect(bad('title', null)).toMatchObject({ ok: false, message: expect.stringContaining('needs a title') });
    expect(bad('status', 'funded')).toMatchObject({ ok: false, message: expect.stringContaining('set by decisions') });
    const mixed = proposalEdits(
      [
        { row: 1, column: column('owner'), value: 'Dana' },
        { row: 0, column: column('usefulLife'), value: '0' },
      ],
      rows,
      columns,
    );
    expect(mixed.ok).toBe(false);
  });

  it('clears and fills only cells that take typing: a fill down over the status passes it by', () => {
    const range = { anchor: { row: 0, column: column('status') }, focus: { row: 1, column: column('usefulLife') } };
    expect(fillWrites(cells, range, 'down').map((write) => columns[write.column]?.id)).toEqual(['risk']);
    const cleared = clearWrites(cells, { anchor: { row: 0, column: column('capex-0') }, focus: { row: 1, column: column('capex-2') } });
    expect(proposalEdits(cleared, rows, columns)).toEqual({
      ok: true,
      edits: [
        { proposalId: 11, flows: [{ kind: 'capex', year: 0, amount: '0' }] },
        { proposalId: 12, flows: [{ kind: 'capex', year: 1, amount: '0' }] },
      ],
    });
  });
});

describe('pasting a block', () => {
  it('is refused whole when it runs past the last proposal or column', () => {
    const plan = pasteWrites(cells, { anchor: { row: 1, column: column('benefit-2') }, focus: { row: 1, column: column('benefit-2') } }, [['1', '2'], ['3', '4']]);
    expect(plan).toEqual({ ok: false, message: 'The pasted block is 2 × 2 cells; from here there is room for 1 × 1. Nothing was pasted.' });
  });

  it('fills a selected range with a single value', () => {
    const plan = pasteWrites(cells, { anchor: { row: 0, column: column('opex-0') }, focus: { row: 1, column: column('opex-1') } }, [['9']]);
    expect(plan.ok && plan.writes).toHaveLength(4);
  });

});

describe('prerequisites on the sheet', () => {
  it('shows prerequisites by title, comma-separated, and reads a pasted list back by title, commas in a title included', () => {
    const needing = [proposalFixture(14, { capex: ['1', '0', '0'] }, { title: 'Scanners', prerequisites: [12, 13] })];
    const prerequisites = column('prerequisites');
    expect(proposalSheetCells(needing, columns).value(0, prerequisites)).toBe('Portal, Racks, shelving and bins');
    const typed = (text: string | null) => proposalEdits([{ row: 0, column: prerequisites, value: text }], needing, columns);
    expect(typed('forklifts,  racks, shelving and bins')).toEqual({ ok: true, edits: [{ proposalId: 14, fields: { prerequisites: [11, 13] } }] });
    expect(typed(null)).toEqual({ ok: true, edits: [{ proposalId: 14, fields: { prerequisites: [] } }] });
    expect(typed('Portal, Hangar')).toMatchObject({ ok: false, where: 'Scanners, Prerequisites', message: 'Nothing was changed. There is no proposal “Hangar”. Name prerequisites by their titles, separated by commas.' });
  });
});

describe('reading pasted prerequisite titles that share their first words', () => {
  const sheetWith = (titles: { id: number; title: string }[]) => {
    const sharing = inputColumns({ departments: [], criteria: [], years: 1, firstYearLabel: 'FY2027', currency: 'USD', proposalTitles: () => titles });
    const at = sharing.findIndex((candidate) => candidate.id === 'prerequisites');
    const needing = [proposalFixture(40, { capex: ['1'] }, { title: 'Scanners' })];
    return (text: string) => proposalEdits([{ row: 0, column: at, value: text }], needing, sharing);
  };
  const typed = sheetWith([
    { id: 21, title: 'Racks' },
    { id: 22, title: 'Racks, shelving and bins' },
    { id: 23, title: 'Shelving and bins' },
    { id: 24, title: 'Portal' },
  ]);

  it('takes the longest title that fits, so a short title does not shadow a longer one it begins', () => {
    expect(typed('Racks, shelving and bins, Portal')).toEqual({ ok: true, edits: [{ proposalId: 40, fields: { prerequisites: [22, 24] } }] });
    expect(typed('Portal, Racks, shelving and bins')).toEqual({ ok: true, edits: [{ proposalId: 40, fields: { prerequisites: [24, 22] } }] });
    expect(typed('Portal, racks')).toEqual({ ok: true, edits: [{ proposalId: 40, fields: { prerequisites: [24, 21] } }] });
  });

  it('ignores blank entries between commas and names the first entry that is no proposal', () => {
    expect(typed('Portal,, Racks,')).toEqual({ ok: true, edits: [{ proposalId: 40, fields: { prerequisites: [24, 21] } }] });
    expect(typed('Racks, shelving and bins, Hangar, Portal')).toMatchObject({ ok: false, message: 'Nothing was changed. There is no proposal “Hangar”. Name prerequisites by their titles, separated by commas.' });
  });

  it('refuses a list that reads two ways with as many titles, naming the cell, the text and both readings', () => {
    const compass = sheetWith([
      { id: 31, title: 'North, South' },
      { id: 32, title: 'South, East' },
      { id: 33, title: 'North' },
      { id: 34, title: 'East' },
    ]);
    expect(compass('North, South, East')).toEqual({
      ok: false,
      where: 'Scanners, Prerequisites',
      message: 'Nothing was changed. “North, South, East” can be read as “North, South” and “East” or as “North” and “South, East”. Rename one of these proposals, or pick the prerequisites in the proposal\'s detail panel.',
    });
    expect(compass('North, South')).toEqual({ ok: true, edits: [{ proposalId: 40, fields: { prerequisites: [31] } }] });
  });

  it('refuses a title that two proposals share, naming it', () => {
    const twins = sheetWith([
      { id: 51, title: 'Portal' },
      { id: 52, title: 'portal ' },
    ]);
    expect(twins('Portal')).toMatchObject({ ok: false, where: 'Scanners, Prerequisites', message: 'Nothing was changed. 2 proposals are titled “Portal”: rename one, or pick the prerequisites in the proposal\'s detail panel.' });
  });
});
