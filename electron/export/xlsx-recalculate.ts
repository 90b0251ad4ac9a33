import type ExcelJS from 'exceljs';

/** The one part of the zip that holds the workbook's calculation properties. */
const WORKBOOK_PART = /^\/?xl\/workbook\.xml$/;

/** The workbook part with `<calcPr fullCalcOnLoad="1"/>`: added to the calcPr there is, or written before `</workbook>`. */
export function withFullCalcOnLoad(xml: string): string {
  const calcPr = /<calcPr\b([^>]*?)\s*\/>/;
  const found = calcPr.exec(xml);
  if (found !== null) {
    const attributes = (found[1] ?? '').replace(/\s+fullCalcOnLoad="[^"]*"/, '');
    return xml.replace(calcPr, `<calcPr${attributes} fullCalcOnLoad="1"/>`);
  }
  if (!xml.includes('</workbook>')) throw new Error('The XLSX workbook part has no </workbook> to close: cannot mark it for recalculation.');
  return xml.replace('</workbook>', '<calcPr fullCalcOnLoad="1"/></workbook>');
}

interface ZipAppender {
  append(source: unknown, data: { name: string }): unknown;
}

/**
 * Makes a streaming writer's file ask spreadsheets to recalculate every formula on opening
 * (`<calcPr fullCalcOnLoad="1"/>` in xl/workbook.xml). ExcelJS's streaming WorkbookWriter
 * drops `calcProperties` when it writes that part, so the part is amended as it is handed to the
 * zip, before compression: the file is written once, and the approval seal made after it covers
 * the amended bytes. Returns a check to call after `commit()`: it throws when the part never
 * came by (an ExcelJS that writes it another way), rather than leave the flag silently out.
 */
export function recalculateOnLoad(workbook: ExcelJS.stream.xlsx.WorkbookWriter): () => void {
  const zip = (workbook as unknown as { zip?: ZipAppender }).zip;
  if (zip === undefined || typeof zip.append !== 'function') throw new Error('This ExcelJS streaming writer has no zip to amend: the “recalculate on load” flag cannot be set.');
  let amended = false;
  const append = zip.append.bind(zip);
  zip.append = (source, data) => {
    if (WORKBOOK_PART.test(data.name)) {
      if (typeof source !== 'string') throw new Error('ExcelJS handed the workbook part over as a stream: the “recalculate on load” flag cannot be set.');
      amended = true;
      return append(withFullCalcOnLoad(source), data);
    }
    return append(source, data);
  };
  return () => {
    if (!amended) throw new Error('The XLSX was written without its workbook part passing by: the “recalculate on load” flag is not in the file.');
  };
}
