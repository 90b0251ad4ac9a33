/** “1 cell”, “12,000 cells”: how undo labels and messages count cells. */
export function cellsLabel(count: number): string {
  return `${count.toLocaleString('en-US')} cell${count === 1 ? '' : 's'}`;
}
