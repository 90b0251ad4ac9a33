import { AUDIT_KIND_LABELS, type AuditEntry } from '../../shared/domain/audit';
import { csvRecord, DEFAULT_CSV, neutraliseUnlessNumber } from '../../shared/export/csv';

/** The audit trail as a CSV file (UTF-8 with a byte-order mark, so Excel reads accents right); every text cell neutralised. */
export function auditCsv(entries: readonly AuditEntry[], periodLabel: (period: number, versionId: number | null) => string): string {
  const header = ['When (UTC)', 'Who', 'Action', 'Kind', 'What', 'Month', 'Before', 'After'];
  // Amounts stay numbers ("-300" is not a formula); every other text is neutralised.
  const cell = neutraliseUnlessNumber;
  const rows = entries.map((entry) =>
    [entry.at, entry.actor, entry.label, AUDIT_KIND_LABELS[entry.kind], entry.subject, entry.period === null ? '' : periodLabel(entry.period, entry.versionId), entry.before ?? '', entry.after ?? ''].map(cell),
  );
  return `\uFEFF${[header, ...rows].map((row) => csvRecord(row, DEFAULT_CSV)).join('')}`;
}
