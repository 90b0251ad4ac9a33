/**
 * The cells of the first table in clipboard HTML (what a web page, Word or some spreadsheets
 * put on the clipboard), row by row as their text; null when the HTML holds no table. Used
 * when the clipboard has no plain text. A cell's colspan repeats nothing: it counts once, as
 * spreadsheets paste merged cells.
 */
export function htmlTableRows(html: string): string[][] | null {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const table = document.querySelector('table');
  if (table === null) return null;
  return [...table.querySelectorAll('tr')].map((row) => [...row.querySelectorAll('td, th')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()));
}
