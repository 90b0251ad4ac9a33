/** Where an import goes: a version of the plan year (a budget, a forecast, this year's actuals…), or last year's actuals (which Spread “like last year” follows). */
export type ImportTarget = { kind: 'version'; versionId: number } | { kind: 'prior-year' };

/** How an import target reads in a label: “Actuals FY2027”, “last year’s actuals”. */
export function importTargetLabel(target: ImportTarget, versionName: string | null): string {
  return target.kind === 'prior-year' ? 'last year’s actuals' : `“${versionName ?? `version ${target.versionId}`}”`;
}
