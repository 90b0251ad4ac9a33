/** Where an import goes: the budget version the sheet shows, or last year's actuals (which Spread “like last year” follows). */
export const IMPORT_TARGETS = ['budget', 'actuals'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
