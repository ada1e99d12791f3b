import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  fitToDisplays,
  loadWindowState,
  saveWindowState,
  STATE_FILE,
  trackWindowState,
  type Rect,
  type TrackedWindow,
} from './windowState';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'workbench-window-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const stateFile = () => path.join(dir, STATE_FILE);

describe('loadWindowState', () => {
  it('uses the defaults when there is no file', () => {
    expect(loadWindowState(path.join(dir, 'missing'))).toEqual({ width: 1280, height: 820, maximized: false });
  });

  it.each(['{not json', '', 'null', '[1,2]', '"text"'])('survives a corrupt file %j', (content) => {
    writeFileSync(stateFile(), content);
    expect(loadWindowState(dir)).toEqual({ width: 1280, height: 820, maximized: false });
  });

  it('clamps sizes to the minimum and drops a half position or junk values', () => {
    writeFileSync(stateFile(), JSON.stringify({ x: 10, width: 300, height: 'tall', maximized: 'yes' }));
    expect(loadWindowState(dir)).toEqual({ width: 960, height: 820, maximized: false });
  });

  it('round-trips what was saved', () => {
    const state = { x: 100, y: 50, width: 1400, height: 900, maximized: true };
    saveWindowState(dir, state);
    expect(loadWindowState(dir)).toEqual(state);
  });
});

describe('fitToDisplays', () => {
  const screenArea: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
  it('keeps a position on a display and drops one that is off every display', () => {
    const onScreen = { x: 100, y: 100, width: 1280, height: 820, maximized: false };
    expect(fitToDisplays(onScreen, [screenArea])).toEqual(onScreen);
    expect(fitToDisplays({ ...onScreen, x: 3000 }, [screenArea])).toEqual({ width: 1280, height: 820, maximized: false });
  });
});

describe('trackWindowState', () => {
  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    let bounds: Rect = { x: 10, y: 20, width: 1300, height: 850 };
    const window: TrackedWindow = {
      getNormalBounds: () => bounds,
      isMaximized: () => false,
      isDestroyed: () => false,
      on: (event, listener) => listeners.set(event, listener),
    };
    return { window, fire: (event: string) => listeners.get(event)?.(), setBounds: (next: Rect) => (bounds = next) };
  }

  it('saves once after a burst of moves, and at once on close', () => {
    vi.useFakeTimers();
    const { window, fire, setBounds } = fakeWindow();
    trackWindowState(window, dir, 100);
    fire('move');
    fire('resize');
    expect(() => readFileSync(stateFile())).toThrow();
    vi.advanceTimersByTime(100);
    expect(JSON.parse(readFileSync(stateFile(), 'utf8'))).toEqual({ x: 10, y: 20, width: 1300, height: 850, maximized: false });

    setBounds({ x: 0, y: 0, width: 500, height: 500 });
    fire('close');
    expect(loadWindowState(dir)).toEqual({ x: 0, y: 0, width: 960, height: 600, maximized: false });
  });
});
