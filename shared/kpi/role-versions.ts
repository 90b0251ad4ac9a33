import type { VersionSummary } from '../domain/workbook';
import type { VersionRole } from './kpi-engine';

/** The versions KPIs read for each kind: the plan, the actuals and the latest estimate (null: none). */
export type RoleVersions = Record<VersionRole, number | null>;

/** The versions a newcomer expects: the first budget, the plan year's actuals, the newest forecast. */
export function defaultRoleVersions(versions: readonly VersionSummary[]): RoleVersions {
  const budget = versions.find((version) => version.kind === 'budget') ?? null;
  const actual = versions.find((version) => version.kind === 'actuals') ?? null;
  const forecast = [...versions].reverse().find((version) => version.kind === 'forecast') ?? null;
  return { budget: budget?.id ?? null, actual: actual?.id ?? null, forecast: forecast?.id ?? null };
}
