import { colorSchemeDark, themeQuartz } from 'ag-grid-community';

const base = themeQuartz.withParams({
  fontFamily: ['Inter Variable', 'system-ui', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  wrapperBorderRadius: 0,
  borderRadius: 2,
  cellHorizontalPadding: 10,
  accentColor: '#2f6fde',
});

/** The sheet's look: Quartz, denser, in the app's font; a light and a dark variant. */
export const lightGridTheme = base.withParams({ backgroundColor: '#ffffff', foregroundColor: '#1d2330', headerBackgroundColor: '#f4f6f9' });
export const darkGridTheme = base.withPart(colorSchemeDark).withParams({ backgroundColor: '#171b22', headerBackgroundColor: '#1f242d' });
