import { initialSchema } from './001-initial-schema';
import { editHistory } from './002-edit-history';
import { lineFormulas } from './003-line-formulas';
import { comments } from './004-comments';
import { hierarchiesAndReferences } from './005-hierarchies-and-references';
import { proposals } from './006-proposals';
import { proposalLines } from './007-proposal-lines';
import { approvalAndAudit } from './008-approval-and-audit';
import { versions } from './009-versions';
import { kpisAndGoals } from './010-kpis-and-goals';
import { proposalFundingPlacement } from './011-proposal-funding-placement';
import { proposalPrerequisites } from './012-proposal-prerequisites';
import { compactAuditCells } from './013-compact-audit-cells';
import type { Migration } from './migration';

/** Every schema step in order. Append only; each version is one more than the last. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, editHistory, lineFormulas, comments, hierarchiesAndReferences, proposals, proposalLines, approvalAndAudit, versions, kpisAndGoals, proposalFundingPlacement, proposalPrerequisites, compactAuditCells];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : (MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0);

export function checkRegistry(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.description}" has version ${migration.version}; expected ${index + 1}.`);
    }
  });
}
checkRegistry(MIGRATIONS);
