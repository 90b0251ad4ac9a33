import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GoalStore } from '../../../../../electron/store/goal-store';
import { KpiStore } from '../../../../../electron/store/kpi-store';
import { ProposalStore } from '../../../../../electron/store/proposal-store';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { oldWorkbook } from '../../../../helpers/old-workbook';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** A version 9 workbook whose proposals name their goals in free text, as people typed them. */
function withFreeTextGoals(path: string): void {
  oldWorkbook(path, 9);
  const db = new Database(path);
  const insert = db.prepare("INSERT INTO proposals (id, title, goal, sort_order) VALUES (?, ?, ?, ?)");
  insert.run(1, 'Warehouse automation', 'Cost leadership', 1);
  insert.run(2, 'Packaging line', '  cost LEADERSHIP ', 2);
  insert.run(3, 'CPQ quoting', 'Growth', 3);
  insert.run(4, 'Laptop refresh', '', 4);
  insert.run(5, 'Fleet', '   ', 5);
  db.close();
}

describe('migration 10: strategic goals and KPIs', () => {
  it('turns each distinct free-text goal of the proposals into one goal (trimmed, in any letters) and points the proposals at it', () => {
    const path = join(tempFolder(), 'v9.tandem');
    withFreeTextGoals(path);
    const store = WorkbookStore.open(path);
    expect(new GoalStore(store).goals()).toEqual([
      { id: 1, name: 'Cost leadership', description: '', sortOrder: 1 },
      { id: 2, name: 'Growth', description: '', sortOrder: 2 },
    ]);
    const proposals = new ProposalStore(store).portfolio().proposals.map((proposal) => [proposal.title, proposal.goalId, proposal.goal]);
    expect(proposals).toEqual([
      ['Warehouse automation', 1, 'Cost leadership'],
      ['Packaging line', 1, 'Cost leadership'],
      ['CPQ quoting', 2, 'Growth'],
      ['Laptop refresh', null, ''],
      ['Fleet', null, ''],
    ]);
    // The workbook has no KPIs yet, and its lines no goal.
    expect(new KpiStore(store).book()).toEqual({ kpis: [], inputs: [], goals: new GoalStore(store).goals() });
    expect(store.sheet(1).lines.map((line) => [line.description, line.goalId, line.proposalId])).toEqual([['Customer visits', null, null]]);
    store.close();
    const db = new Database(path, { readonly: true });
    // The goal is a reference now: the old text column is emptied, so it cannot disagree with it.
    expect(db.prepare("SELECT COUNT(*) FROM proposals WHERE goal <> ''").pluck().get()).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(10);
    db.close();
  });

  it('an upgraded workbook takes goals and KPIs like a new one: a goal tags its line, a KPI reads it', () => {
    const path = join(tempFolder(), 'v9.tandem');
    oldWorkbook(path, 9);
    const store = WorkbookStore.open(path);
    const { goal } = new GoalStore(store).create({ name: 'Grow services revenue', description: '' }, 'test');
    new GoalStore(store).tagLines(goal.id, [1], 'test');
    const { kpi } = new KpiStore(store).create(
      {
        name: 'Visits per month',
        description: '',
        definition: '[Customer visits]',
        unit: 'money',
        direction: 'lower',
        departmentId: 1,
        goalId: goal.id,
        thresholds: { kind: 'amount', onTrackWithin: '100', offTrackBeyond: '500' },
        targets: [{ span: 'month', index: 0, value: '1200' }],
      },
      'test',
    );
    expect(kpi.definition).toBe('[Customer visits]');
    expect(store.sheet(1).lines[0]?.goalId).toBe(goal.id);
    store.close();
  });
});
