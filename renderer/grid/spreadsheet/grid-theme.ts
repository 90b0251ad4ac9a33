import { colorSchemeDark, themeQuartz } from 'ag-grid-community';

const base = themeQuartz.withParams({
  fontFamily: ['Inter Variable', 'system-ui', 'sans-serif'],
  // Dense, as a spreadsheet: at 12 px, twelve months of whole-unit amounts and the Line column fit 1,440 px.
  fontSize: 12,
  headerFontSize: 12,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  wrapperBorderRadius: 0,
  borderRadius: 2,
  cellHorizontalPadding: 6,
  accentColor: '#2f6fde',
});

/** The sheet's look: Quartz, denser, in the app's font; a light and a dark variant. */
export const lightGridTheme = base.withParams({ backgroundColor: '#ffffff', foregroundColor: '#1d2330', headerBackgroundColor: '#f4f6f9' });
export const darkGridTheme = base.withPart(colorSchemeDark).withParams({ backgroundColor: '#171b22', headerBackgroundColor: '#1f242d' });
