import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | null = null;

/**
 * ExcelJS, loaded on the first XLSX export, import or check rather than when the back starts:
 * requiring it took 0.4 to 0.8 s of every start (a CPU profile of the browser host), for a
 * feature most sessions never use.
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then((module) => module.default);
  return loaded;
}
