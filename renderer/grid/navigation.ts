import type { CellPosition } from './cell-range';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** What navigation needs to know of the sheet: its size and which month cells hold a value. */
export interface SheetShape {
  rows: number;
  periods: number;
  filled(row: number, period: number): boolean;
}

const STEP: Record<Direction, { rows: number; periods: number }> = {
  up: { rows: -1, periods: 0 },
  down: { rows: 1, periods: 0 },
  left: { rows: 0, periods: -1 },
  right: { rows: 0, periods: 1 },
};

/**
 * Excel's Ctrl+arrow: from a filled cell whose neighbour is filled, to the last filled cell of
 * that run; otherwise to the next filled cell in that direction; with none, to the sheet's edge.
 */
export function edgeOfData(shape: SheetShape, from: CellPosition, direction: Direction): CellPosition {
  const step = STEP[direction];
  const inside = (position: CellPosition) => position.row >= 0 && position.row < shape.rows && position.period >= 0 && position.period < shape.periods;
  const next = (position: CellPosition) => ({ row: position.row + step.rows, period: position.period + step.periods });
  const filled = (position: CellPosition) => shape.filled(position.row, position.period);
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
