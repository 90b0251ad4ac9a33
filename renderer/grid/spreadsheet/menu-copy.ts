import { showError } from '../../state/notice-store';

/** A selection as the clipboard takes it: tab-separated text and an HTML table. */
export interface CopiedCells {
  text: string;
  html: string;
}

/** Set while a menu's Copy runs the browser's copy command: the grid answers the copy event without having the focus. */
let menuCopy: CopiedCells | null = null;

/**
 * A menu's Copy: the browser's copy command fires the copy event the grid answers (text and
 * HTML) through `answerMenuCopy`; where it is refused (no user gesture), the asynchronous
 * clipboard takes both forms.
 */
export function copyThroughMenu(content: CopiedCells): void {
  menuCopy = content;
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  const answered = menuCopy === null;
  menuCopy = null;
  if (copied && answered) return;
  const item = new ClipboardItem({ 'text/plain': new Blob([content.text], { type: 'text/plain' }), 'text/html': new Blob([content.html], { type: 'text/html' }) });
  navigator.clipboard.write([item]).catch(() => showError(new Error('The clipboard refused the copy: press Ctrl+C (⌘C on a Mac) in the sheet instead.')));
}

/** Fills a copy event with the menu's content when a menu's Copy fired it; true when it did. */
export function answerMenuCopy(event: ClipboardEvent): boolean {
  if (menuCopy === null || event.clipboardData === null) return false;
  event.preventDefault();
  event.clipboardData.setData('text/plain', menuCopy.text);
  event.clipboardData.setData('text/html', menuCopy.html);
  menuCopy = null;
  return true;
}
