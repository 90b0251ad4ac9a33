import { createHash } from 'node:crypto';
import { canonicalContent, type ApprovalStamp, type StampedLine } from '../../shared/export/approval-stamp';
import type { BudgetTable } from '../../shared/export/budget-table';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The stamp of a table's content, or null when its version is not approved. */
export function stampOf(table: BudgetTable): ApprovalStamp | null {
  if (table.version.status !== 'approved' || table.approval === null) return null;
  const meta = { workbook: table.workbookName, version: table.version.name, approvedBy: table.approval.actor, approvedAt: table.approval.at };
  return { ...meta, sha256: sha256Hex(canonicalContent(meta, table.periods.map((period) => period.label), table.lines.map(stampedLine))) };
}

export function stampedLine(line: BudgetTable['lines'][number]): StampedLine {
  return { department: line.department, accountCode: line.accountCode, description: line.description, values: line.values };
}
