import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';
import { useEffect, useRef, type RefObject } from 'react';
import { showCellTooltips } from './cell-tooltips';

/**
 * AG Grid drawn by its own DOM code into `container` (`createGrid`) instead of by React
 * (`AgGridReact`, which renders every cell as a React component): going to a new line far down
 * draws some 500 cells anew, and the grid's own code does it in a fraction of React's time (issue
 * 14). `options` are taken whole when the grid is made; later, each option whose value is another
 * object than before is handed to the grid, as AgGridReact does with its props. `created` gets the
 * grid once it exists, before the first frame; the grid is destroyed with the component.
 * Tooltips are given in the columns' context and shown by one set of listeners on the grid
 * (cell-tooltips.ts): AG Grid's own (tooltipValueGetter, headerTooltip) would show as the
 * browser's plain ones here.
 */
export function useVanillaGrid<Row>(
  container: RefObject<HTMLDivElement | null>,
  options: GridOptions<Row>,
  created: (api: GridApi<Row>) => void,
  /** options read once, when the grid is made (its first rows: built with the grid, not handed over after it) */
  initial?: () => GridOptions<Row>,
): void {
  const latest = useRef(options);
  const applied = useRef<GridOptions<Row> | null>(null);
  const gridRef = useRef<GridApi<Row> | null>(null);
  const whenCreated = useRef(created);
  const initialOptions = useRef(initial);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    // Tooltips are the delegated ones: AG Grid's browser-tooltip mode (with no tooltip in the
    // columns) spares every cell it draws AG Grid's own tooltip manager.
    const grid = createGrid(element, { ...latest.current, ...initialOptions.current?.(), enableBrowserTooltips: true });
    gridRef.current = grid;
    applied.current = latest.current;
    const stopTooltips = showCellTooltips(element, grid);
    whenCreated.current(grid);
    return () => {
      stopTooltips();
      gridRef.current = null;
      applied.current = null;
      grid.destroy();
    };
  }, [container]);
  useEffect(() => {
    latest.current = options;
    whenCreated.current = created;
    const grid = gridRef.current;
    const before = applied.current;
    if (grid === null || before === null || before === options) return;
    applied.current = options;
    const changed: Record<string, unknown> = {};
    let changes = 0;
    for (const [key, value] of Object.entries(options)) {
      if (before[key as keyof GridOptions<Row>] === value) continue;
      changed[key] = value;
      changes += 1;
    }
    if (changes > 0) grid.updateGridOptions(changed as GridOptions<Row>);
  });
}
