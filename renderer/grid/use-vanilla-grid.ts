import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * AG Grid drawn by its own DOM code into `container` (`createGrid`) instead of by React
 * (`AgGridReact`, which renders every cell as a React component): going to a new line far down
 * draws some 500 cells anew, and the grid's own code does it in a fraction of React's time (issue
 * 14). `options` are taken whole when the grid is made; later, each option whose value is another
 * object than before is handed to the grid, as AgGridReact does with its props. `created` gets the
 * grid once it exists, before the first frame; the grid is destroyed with the component.
 */
export function useVanillaGrid<Row>(container: RefObject<HTMLDivElement | null>, options: GridOptions<Row>, created: (api: GridApi<Row>) => void): void {
  const latest = useRef(options);
  const applied = useRef<GridOptions<Row> | null>(null);
  const gridRef = useRef<GridApi<Row> | null>(null);
  const whenCreated = useRef(created);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const grid = createGrid(element, latest.current);
    gridRef.current = grid;
    applied.current = latest.current;
    whenCreated.current(grid);
    return () => {
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
