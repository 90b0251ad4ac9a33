import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBounds, readWindowState, restoredWindowState, windowStatePath, writeWindowState, type Rect } from '../../../../electron/shell/window-state';
import { useTempFolder } from '../../../helpers/temp-folder';

const tempFolder = useTempFolder();
const laptop: Rect = { x: 0, y: 25, width: 1920, height: 1055 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const small: Rect = { x: 0, y: 0, width: 1280, height: 760 };

describe('where the window opens', () => {
  it('first time: 1,440 x 900 centred in the primary display’s work area', () => {
    expect(restoredWindowState(null, [laptop], laptop)).toEqual({ bounds: { x: 240, y: 103, width: 1440, height: 900 }, maximized: false });
  });

  it('on a small screen: the whole work area, never larger', () => {
    expect(defaultBounds(small)).toEqual({ x: 0, y: 0, width: 1280, height: 760 });
  });

  it('where it was left, maximized or not, when that place is on a display', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(restoredWindowState(saved, [laptop, rightMonitor], laptop)).toEqual(saved);
  });

  it('back on the primary display when the monitor it was on is gone', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(restoredWindowState(saved, [laptop], laptop)).toEqual({ bounds: defaultBounds(laptop), maximized: false });
  });

  it('moved back when its title bar is above the screen or only a sliver of it shows', () => {
    expect(restoredWindowState({ bounds: { x: 100, y: -200, width: 1200, height: 800 }, maximized: false }, [laptop], laptop).bounds).toEqual(defaultBounds(laptop));
    expect(restoredWindowState({ bounds: { x: 1880, y: 100, width: 1200, height: 800 }, maximized: false }, [laptop], laptop).bounds).toEqual(defaultBounds(laptop));
  });

  it('no larger than the display it is on, and no smaller than the minimum', () => {
    expect(restoredWindowState({ bounds: { x: 0, y: 25, width: 3000, height: 2000 }, maximized: false }, [laptop], laptop).bounds).toEqual({ x: 0, y: 25, width: 1920, height: 1055 });
    expect(restoredWindowState({ bounds: { x: 10, y: 30, width: 500, height: 400 }, maximized: false }, [laptop], laptop).bounds).toEqual({ x: 10, y: 30, width: 800, height: 560 });
  });

  it('ignores a saved state that is damaged: wrong types, not numbers, absurd sizes', () => {
    const fallback = { bounds: defaultBounds(laptop), maximized: false };
    for (const saved of ['x', 42, {}, { bounds: { x: 1, y: 2, width: '800', height: 600 } }, { bounds: { x: Number.NaN, y: 0, width: 900, height: 600 } }, { bounds: { x: 0, y: 30, width: 10, height: 10 } }]) {
      expect(restoredWindowState(saved, [laptop], laptop)).toEqual(fallback);
    }
  });
});

describe('the saved window state', () => {
  it('is written whole to the user-data folder and read back', () => {
    const folder = tempFolder();
    const file = windowStatePath(join(folder, 'nested'));
    writeWindowState(file, { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
    expect(readWindowState(file)).toEqual({ bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('maximized', true);
  });

  it('reads as null when missing or not JSON', () => {
    const folder = tempFolder();
    expect(readWindowState(join(folder, 'none.json'))).toBeNull();
    writeFileSync(join(folder, 'bad.json'), '{"bounds":');
    expect(readWindowState(join(folder, 'bad.json'))).toBeNull();
  });
});
