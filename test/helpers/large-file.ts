import { closeSync, openSync, writeSync } from 'node:fs';

/** Writes `header`, then `count` copies of `line`, a megabyte at a time: a large file without its whole text in memory. */
export function writeRepeated(path: string, header: string, line: string, count: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, header);
    const perBlock = Math.max(1, Math.floor((1024 * 1024) / line.length));
    const block = line.repeat(perBlock);
    for (let written = 0; written < count; written += perBlock) writeSync(fd, written + perBlock <= count ? block : line.repeat(count - written));
  } finally {
    closeSync(fd);
  }
}
