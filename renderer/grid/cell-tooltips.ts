import type { GridApi, IRowNode } from 'ag-grid-community';

/** What a cell's tooltip says for its row's data; undefined for none. */
export type CellTooltip<Row> = (row: Row | undefined) => string | undefined;

/** A column's tooltips, in its definition's `context`: its cells' (from their row) and its header's. */
export interface TooltipContext<Row> {
  cellTooltip: CellTooltip<Row>;
  headerTooltip?: string;
}

/**
 * A column's tooltips, put in its definition's `context` instead of AG Grid's
 * `tooltipValueGetter` and `headerTooltip`: AG Grid's tooltips set up a tooltip manager (a bean
 * and its listeners) on every cell it draws, a fifth of a new cell's cost, paid again for every
 * row drawn by a scroll or a jump to a new line (issue 14). `showCellTooltips` shows these with
 * one set of listeners for the whole grid: the same tooltip, in the same place, after the same delays.
 */
export function cellTooltipContext<Row>(cellTooltip: CellTooltip<Row>, headerTooltip?: string): TooltipContext<Row> {
  return headerTooltip === undefined ? { cellTooltip } : { cellTooltip, headerTooltip };
}

// AG Grid's defaults for a tooltip on hover (tooltipSwitchShowDelay, tooltipHideDelay, the fade out,
// the gap under the pointer, and how soon after one tooltip another counts as switching).
const SWITCH_SHOW_DELAY = 200;
const HIDE_DELAY = 10_000;
const FADE_OUT = 1_000;
const BELOW_POINTER = 18;
const SWITCH_WINDOW = 1_000;

let tooltipSequence = 0;

/**
 * Shows the cell tooltips that columns give in `context.cellTooltip` (see cellTooltipContext)
 * as AG Grid's own hover tooltips do: after `tooltipShowDelay` on a cell (less when another
 * tooltip just closed), under the pointer, in AG Grid's tooltip element and styles, gone when the
 * pointer leaves the cell, on a click or a key in it, after ten seconds, or when the cell is no
 * longer drawn. Returns what stops it.
 */
export function showCellTooltips<Row>(gridElement: HTMLElement, grid: GridApi<Row>): () => void {
  let cell: HTMLElement | null = null;
  let pointer: MouseEvent | null = null;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;
  let shown: { tip: HTMLElement; root: HTMLElement; cell: HTMLElement } | null = null;
  let lastHide = 0;

  const hide = () => {
    window.clearTimeout(hideTimer);
    if (shown === null) return;
    const { tip, root, cell: source } = shown;
    shown = null;
    lastHide = Date.now();
    disconnectDescription(source, tip.id);
    tip.classList.add('ag-tooltip-hiding');
    window.setTimeout(() => root.remove(), FADE_OUT);
  };
  // As AG Grid's "do nothing" state: no tooltip, none waiting; the next cell entered starts again.
  const reset = () => {
    window.clearTimeout(showTimer);
    hide();
    cell = null;
    pointer = null;
  };
  const show = () => {
    const source = cell;
    if (source === null || pointer === null || !source.isConnected) return reset();
    const text = tooltipOf(grid, source);
    const parent = source.closest<HTMLElement>('.ag-root-wrapper');
    if (text === undefined || text === null || parent === null) return;
    shown = { ...tooltipElement(text, isHeader(source) ? 'ag-header-tooltip' : 'ag-cell-tooltip', parent), cell: source };
    connectDescription(source, shown.tip.id);
    placeUnderPointer(shown.tip, parent, pointer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  };
  const enter = (target: HTMLElement, event: MouseEvent) => {
    reset();
    if ((event as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } }).sourceCapabilities?.firesTouchEvents === true) return;
    cell = target;
    pointer = event;
    const recently = Date.now() - lastHide < SWITCH_WINDOW;
    showTimer = window.setTimeout(show, recently ? SWITCH_SHOW_DELAY : Math.max(0, grid.getGridOption('tooltipShowDelay') ?? 2_000));
  };

  const onMouseOver = (event: MouseEvent) => {
    const target = cellOf(event.target, gridElement);
    if (target !== null && target !== cell) enter(target, event);
  };
  const onMouseOut = (event: MouseEvent) => {
    if (cell !== null && !(event.relatedTarget instanceof Node && cell.contains(event.relatedTarget))) reset();
  };
  const onMouseMove = (event: MouseEvent) => {
    if (cell !== null && pointer !== null) pointer = event;
  };
  const onPress = (event: Event) => {
    if (cell !== null && event.target instanceof Node && cell.contains(event.target)) reset();
  };
  // A scroll takes the rows the pointer was on off the screen: their tooltip goes with them.
  const onScroll = () => {
    if (cell !== null && !cell.isConnected) reset();
  };
  const listeners: [string, (event: never) => void, boolean][] = [
    ['mouseover', onMouseOver, false],
    ['mouseout', onMouseOut, false],
    ['mousemove', onMouseMove, false],
    ['mousedown', onPress, true],
    ['keydown', onPress, true],
    ['scroll', onScroll, true],
  ];
  for (const [type, listener, capture] of listeners) gridElement.addEventListener(type, listener as EventListener, capture);
  return () => {
    reset();
    for (const [type, listener, capture] of listeners) gridElement.removeEventListener(type, listener as EventListener, capture);
  };
}

/** The body or header cell an event happened in (not another grid's). */
function cellOf(target: EventTarget | null, gridElement: HTMLElement): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest<HTMLElement>('.ag-cell, .ag-header-cell');
  return cell !== null && gridElement.contains(cell) ? cell : null;
}

function isHeader(cell: HTMLElement): boolean {
  return cell.classList.contains('ag-header-cell');
}

/** The tooltip the cell's column gives for its row (or its header's), read when it is about to show, as AG Grid does. */
function tooltipOf<Row>(grid: GridApi<Row>, cell: HTMLElement): string | undefined {
  const colId = cell.getAttribute('col-id');
  if (colId === null) return undefined;
  const context: unknown = grid.getColumn(colId)?.getColDef().context;
  if (typeof context !== 'object' || context === null || !('cellTooltip' in context) || typeof context.cellTooltip !== 'function') return undefined;
  const tooltips = context as TooltipContext<Row>;
  if (isHeader(cell)) return tooltips.headerTooltip;
  const rowElement = cell.closest('.ag-row');
  const row = rowElement === null ? undefined : rowNodeOf(grid, rowElement);
  return row === undefined ? undefined : tooltips.cellTooltip(row.data);
}

function rowNodeOf<Row>(grid: GridApi<Row>, rowElement: Element): IRowNode<Row> | undefined {
  const rowId = rowElement.getAttribute('row-id');
  if (rowId === null) return undefined;
  if (!rowElement.classList.contains('ag-row-pinned')) return grid.getRowNode(rowId);
  for (let index = 0; index < grid.getPinnedBottomRowCount(); index += 1) {
    const node = grid.getPinnedBottomRow(index);
    if (node?.id === rowId) return node;
  }
  for (let index = 0; index < grid.getPinnedTopRowCount(); index += 1) {
    const node = grid.getPinnedTopRow(index);
    if (node?.id === rowId) return node;
  }
  return undefined;
}

/** AG Grid's cell tooltip: the same element and classes, in a popup wrapper in the grid's root, so the theme styles it. */
function tooltipElement(text: string, place: string, parent: HTMLElement): { tip: HTMLElement; root: HTMLElement } {
  const root = document.createElement('div');
  root.className = 'ag-styled-root';
  const popup = document.createElement('div');
  popup.className = 'ag-popup';
  const tip = document.createElement('div');
  tip.className = `ag-tooltip ${place} ag-tooltip-animate ag-popup-child`;
  tip.setAttribute('role', 'tooltip');
  tip.id = `tandem-cell-tooltip-${++tooltipSequence}`;
  tip.textContent = text;
  popup.appendChild(tip);
  root.appendChild(popup);
  // Laid out first at the page's corner, as AG Grid does: its width is its own, not what room is left.
  const parentBox = parent.getBoundingClientRect();
  tip.style.left = `${-parentBox.left}px`;
  tip.style.top = `${-parentBox.top}px`;
  parent.appendChild(root);
  return { tip, root };
}

/** Under the pointer and kept inside the grid, as AG Grid places a hover tooltip. */
function placeUnderPointer(tip: HTMLElement, parent: HTMLElement, pointer: MouseEvent): void {
  const box = parent.getBoundingClientRect();
  const style = getComputedStyle(parent);
  const left = box.left + (Number.parseFloat(style.borderLeftWidth) || 0);
  const top = box.top + (Number.parseFloat(style.borderTopWidth) || 0);
  const size = tip.getBoundingClientRect();
  const within = (position: number, room: number, extent: number) => Math.min(Math.max(position, 0), Math.max(room - Math.ceil(extent), 0));
  tip.style.left = `${within(pointer.clientX - left, parent.clientWidth, size.width)}px`;
  tip.style.top = `${within(pointer.clientY - top + BELOW_POINTER, parent.clientHeight, size.height)}px`;
}

function connectDescription(cell: HTMLElement, id: string): void {
  const ids = cell.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  if (!ids.includes(id)) cell.setAttribute('aria-describedby', [...ids, id].join(' '));
}

function disconnectDescription(cell: HTMLElement, id: string): void {
  const ids = cell.getAttribute('aria-describedby')?.split(/\s+/).filter((value) => value !== '' && value !== id) ?? [];
  if (ids.length > 0) cell.setAttribute('aria-describedby', ids.join(' '));
  else cell.removeAttribute('aria-describedby');
}
