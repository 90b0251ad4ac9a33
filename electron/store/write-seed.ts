import type Database from 'better-sqlite3';
import type { WorkbookSeed } from './workbook-seed';
import { seedGoalId, writeGoalSeed, writeKpiSeed } from './write-kpi-seed';

/** Writes a new workbook's content (settings, dimensions, lines, versions, proposals, comments) inside the creating transaction. */
export function writeSeed(db: Database.Database, seed: WorkbookSeed, actor: string): void {
  const setSetting = db.prepare('INSERT INTO workbook_settings (key, value) VALUES (?, ?)');
  const settings: Record<string, string> = {
    name: seed.name,
    currency: seed.currency,
    fiscal_start_year: String(seed.calendar.startYear),
    fiscal_start_month: String(seed.calendar.startMonth),
    period_count: String(seed.calendar.periodCount),
    revision: '0',
  };
  for (const [key, value] of Object.entries(settings)) setSetting.run(key, value);
  const now = new Date().toISOString();
  const versionId = Number(db.prepare("INSERT INTO versions (name, kind, created_at, owner) VALUES (?, 'budget', ?, ?)").run(seed.versionName, now, actor).lastInsertRowid);
  const departmentIds = new Map<string, number>();
  const insertDepartment = db.prepare('INSERT INTO departments (name, sort_order, parent_id) VALUES (?, ?, ?)');
  seed.departments.forEach((department, index) =>
    departmentIds.set(department.name, Number(insertDepartment.run(department.name, department.sortOrder ?? (index + 1) * 10, null).lastInsertRowid)),
  );
  const setDepartmentParent = db.prepare('UPDATE departments SET parent_id = ? WHERE id = ?');
  for (const department of seed.departments) {
    if (department.parent === undefined) continue;
    const parentId = departmentIds.get(department.parent);
    if (parentId === undefined) throw new Error(`Seed department "${department.name}" names an unknown parent (${department.parent}).`);
    setDepartmentParent.run(parentId, departmentIds.get(department.name));
  }
  const accountIds = new Map<string, number>();
  const insertAccount = db.prepare('INSERT INTO accounts (code, name, type, sort_order, unit) VALUES (?, ?, ?, ?, ?)');
  seed.accounts.forEach((account, index) =>
    accountIds.set(
      account.code,
      Number(insertAccount.run(account.code, account.name, account.type, index + 1, account.unit ?? (account.type === 'driver' ? 'number' : 'currency')).lastInsertRowid),
    ),
  );
  const setAccountParent = db.prepare('UPDATE accounts SET parent_id = ? WHERE id = ?');
  for (const account of seed.accounts) {
    if (account.parent === undefined) continue;
    const parentId = accountIds.get(account.parent);
    if (parentId === undefined) throw new Error(`Seed account ${account.code} names an unknown parent account (${account.parent}).`);
    setAccountParent.run(parentId, accountIds.get(account.code));
  }
  const insertProfile = db.prepare('INSERT INTO seasonality_profiles (name, weights) VALUES (?, ?)');
  for (const profile of seed.profiles ?? []) insertProfile.run(profile.name, JSON.stringify(profile.weights));
  const goalIds = writeGoalSeed(db, seed.goals ?? []);
  const insertLine = db.prepare('INSERT INTO budget_lines (department_id, account_id, description, sort_order, formula, goal_id) VALUES (?, ?, ?, ?, ?, ?)');
  const insertCell = db.prepare('INSERT INTO cell_values (line_id, version_id, period, amount) VALUES (?, ?, ?, ?)');
  const lineIds = new Map<string, number>();
  seed.lines.forEach((line, index) => {
    const departmentId = departmentIds.get(line.department);
    const accountId = accountIds.get(line.accountCode);
    if (departmentId === undefined || accountId === undefined) {
      throw new Error(`Seed line "${line.description}" names an unknown department or account (${line.department}, ${line.accountCode}).`);
    }
    const lineId = Number(insertLine.run(departmentId, accountId, line.description, index + 1, line.formula ?? null, seedGoalId(goalIds, line.goal, `line "${line.description}"`)).lastInsertRowid);
    lineIds.set(line.description, lineId);
    line.values.forEach((amount, period) => {
      if (amount !== null) insertCell.run(lineId, versionId, period, amount);
    });
  });
  if (seed.priorYear !== undefined) {
    const priorId = Number(
      db.prepare("INSERT INTO versions (name, kind, created_at, period_offset) VALUES (?, 'actuals', ?, -12)").run(seed.priorYear.versionName, now).lastInsertRowid,
    );
    for (const line of seed.priorYear.lines) {
      const lineId = lineIds.get(line.description);
      if (lineId === undefined) throw new Error(`Seed actuals name an unknown line (${line.description}).`);
      line.values.forEach((amount, period) => {
        if (amount !== null) insertCell.run(lineId, priorId, period, amount);
      });
    }
  }
  const versionIds = new Map([[seed.versionName, versionId]]);
  for (const version of seed.versions ?? []) {
    const id = Number(
      db
        .prepare('INSERT INTO versions (name, kind, created_at, owner, based_on, closed_through) VALUES (?, ?, ?, ?, ?, ?)')
        .run(version.name, version.kind, now, actor, version.basedOn === undefined ? null : (versionIds.get(version.basedOn) ?? null), version.kind === 'forecast' ? (seed.actualsThrough ?? null) : null).lastInsertRowid,
    );
    versionIds.set(version.name, id);
    const formulaLines = new Set(seed.lines.filter((line) => line.formula !== null && line.formula !== undefined).map((line) => line.description));
    for (const line of version.lines) {
      const lineId = lineIds.get(line.description);
      if (lineId === undefined) throw new Error(`Seed version ${version.name} names an unknown line (${line.description}).`);
      // A plan's formula lines compute their months; actuals record them.
      if (version.kind !== 'actuals' && formulaLines.has(line.description)) continue;
      line.values.forEach((amount, period) => {
        if (amount !== null) insertCell.run(lineId, id, period, amount);
      });
    }
  }
  if (seed.actualsThrough !== undefined) setSetting.run('actuals_through', String(seed.actualsThrough));
  if (seed.portfolio !== undefined) writePortfolioSeed(db, seed.portfolio, departmentIds, goalIds);
  if (seed.kpis !== undefined) writeKpiSeed(db, seed.kpis, departmentIds, goalIds);
  const insertComment = db.prepare('INSERT INTO comments (line_id, version_id, period, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const comment of seed.comments ?? []) {
    const lineId = lineIds.get(comment.line);
    if (lineId === undefined) throw new Error(`Seed comment names an unknown line (${comment.line}).`);
    insertComment.run(lineId, versionId, comment.period, comment.text, comment.author, now);
  }
  db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(
    now,
    actor,
    'workbook/create-file',
    JSON.stringify({ name: seed.name, lines: seed.lines.length }),
  );
}

function writePortfolioSeed(db: Database.Database, portfolio: NonNullable<WorkbookSeed['portfolio']>, departmentIds: ReadonlyMap<string, number>, goalIds: ReadonlyMap<string, number>): void {
  const insertCriterion = db.prepare('INSERT INTO criteria (name, weight, sort_order) VALUES (?, ?, ?)');
  const criterionIds = portfolio.criteria.map((criterion, index) => Number(insertCriterion.run(criterion.name, criterion.weight, index + 1).lastInsertRowid));
  const insertProposal = db.prepare(
    'INSERT INTO proposals (title, owner, department_id, category, goal_id, description, useful_life, risk, mandatory, exclusive_group, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFlow = db.prepare('INSERT INTO proposal_flows (proposal_id, kind, year, amount) VALUES (?, ?, ?, ?)');
  const insertScore = db.prepare('INSERT INTO proposal_scores (proposal_id, criterion_id, score) VALUES (?, ?, ?)');
  const proposalIds = new Map<string, number>();
  portfolio.proposals.forEach((proposal, index) => {
    const departmentId = departmentIds.get(proposal.department);
    if (departmentId === undefined) throw new Error(`Seed proposal "${proposal.title}" names an unknown department (${proposal.department}).`);
    const id = Number(
      insertProposal.run(proposal.title, proposal.owner, departmentId, proposal.category, seedGoalId(goalIds, proposal.goal, `proposal "${proposal.title}"`), proposal.description, proposal.usefulLife, proposal.risk, proposal.mandatory === true ? 1 : 0, proposal.exclusiveGroup ?? null, index + 1)
        .lastInsertRowid,
    );
    proposalIds.set(proposal.title, id);
    for (const [kind, amounts] of [['capex', proposal.capex], ['opex', proposal.opex], ['benefit', proposal.benefit]] as const) {
      amounts.forEach((amount, year) => {
        if (amount !== '0') insertFlow.run(id, kind, year, amount);
      });
    }
    proposal.scores.forEach((score, criterion) => insertScore.run(id, criterionIds[criterion], String(score)));
  });
  const insertPrerequisite = db.prepare('INSERT INTO proposal_prerequisites (proposal_id, prerequisite_id) VALUES (?, ?)');
  for (const proposal of portfolio.proposals) {
    for (const title of proposal.prerequisites ?? []) {
      const needed = proposalIds.get(title);
      if (needed === undefined) throw new Error(`Seed proposal "${proposal.title}" depends on an unknown proposal (${title}).`);
      insertPrerequisite.run(proposalIds.get(proposal.title), needed);
    }
  }
  db.prepare("UPDATE workbook_settings SET value = ? WHERE key = 'capital_caps'").run(JSON.stringify(portfolio.capitalCaps));
}
