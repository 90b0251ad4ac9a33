import type { CellPosition } from '../../selection/cell-range';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** What navigation needs to know of a grid: its size and which cells hold a value. */
export interface GridShape {
  rows: number;
  columns: number;
  filled(row: number, column: number): boolean;
}

const STEP: Record<Direction, { rows: number; columns: number }> = {
  up: { rows: -1, columns: 0 },
  down: { rows: 1, columns: 0 },
  left: { rows: 0, columns: -1 },
  right: { rows: 0, columns: 1 },
};

/**
 * Excel's Ctrl+arrow: from a filled cell whose neighbour is filled, to the last filled cell of
 * that run; otherwise to the next filled cell in that direction; with none, to the sheet's edge.
 */
export function edgeOfData(shape: GridShape, from: CellPosition, direction: Direction): CellPosition {
  const step = STEP[direction];
  const inside = (position: CellPosition) => position.row >= 0 && position.row < shape.rows && position.column >= 0 && position.column < shape.columns;
  const next = (position: CellPosition) => ({ row: position.row + step.rows, column: position.column + step.columns });
  const filled = (position: CellPosition) => shape.filled(position.row, position.column);
  let current = from;
  let ahead = next(current);
  if (!inside(ahead)) return current;
  if (filled(current) && filled(ahead)) {
    while (inside(ahead) && filled(ahead)) {
      current = ahead;
      ahead = next(current);
    }
    return current;
  }
  while (inside(ahead)) {
    current = ahead;
    if (filled(current)) return current;
    ahead = next(current);
  }
  return current;
}
