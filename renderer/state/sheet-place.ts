/** The parts of a workbook the app shows, one at a time, from the tabs beside the workbook's name. */
export type WorkbookPage = 'budget' | 'compare' | 'proposals' | 'dashboard' | 'goals';

/** Where a number comes from in the sheet: the version (null: the one open), the line, and the month. */
export interface SheetPlace {
  versionId: number | null;
  lineId: number;
  period: number;
}

/** What a view that clicks through to the sheet and the proposals is given. */
export interface ClickThrough {
  onShowInSheet(place: SheetPlace): void;
  onShowProposals(): void;
}
