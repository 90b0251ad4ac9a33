import ExcelJS from 'exceljs';

/** An XLSX whose only sheet has `rows` data rows (one cell each) under a header: for the row limit. */
export async function writeHugeXlsx(path: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Huge');
  sheet.addRow(['Amount']).commit();
  for (let row = 0; row < rows; row += 1) sheet.addRow([row]).commit();
  sheet.commit();
  await workbook.commit();
}
