// Remembers where the user left the window. Plain Node fs (no Electron) so it is testable; a missing
// or damaged file is never a reason not to open the app, so every failure falls back to defaults.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
export const STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const defaultWindowState = (): WindowState => ({ ...DEFAULT_SIZE, maximized: false });

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : undefined;
}

/** Accepts whatever JSON was on disk and returns a usable state: sizes clamped, junk dropped. */
export function normalizeWindowState(raw: unknown): WindowState {
  if (typeof raw !== 'object' || raw === null) return defaultWindowState();
  const record = raw as Record<string, unknown>;
  const width = finiteNumber(record.width) ?? DEFAULT_SIZE.width;
  const height = finiteNumber(record.height) ?? DEFAULT_SIZE.height;
  const x = finiteNumber(record.x);
  const y = finiteNumber(record.y);
  const state: WindowState = {
    width: Math.max(MIN_SIZE.width, width),
    height: Math.max(MIN_SIZE.height, height),
    maximized: record.maximized === true,
  };
  // A position only makes sense as a pair.
  if (x !== undefined && y !== undefined) {
    state.x = x;
    state.y = y;
  }
  return state;
}

export function loadWindowState(dir: string): WindowState {
  try {
    return normalizeWindowState(JSON.parse(readFileSync(path.join(dir, STATE_FILE), 'utf8')));
  } catch {
    return defaultWindowState();
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, STATE_FILE);
    // Write-then-rename so a crash mid-write leaves the old file, not half a JSON document.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temp, file);
  } catch (error) {
    console.warn('Could not save the window position:', error);
  }
}

/**
 * Drops the saved position when no display shows at least a corner of the title bar (a monitor was
 * unplugged since), so the window does not open somewhere the user cannot reach.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const grip = { x: x + 40, y: y + 10 };
  const visible = workAreas.some(
    (area) => grip.x >= area.x && grip.x < area.x + area.width && grip.y >= area.y && grip.y < area.y + area.height,
  );
  if (visible) return state;
  return { width: state.width, height: state.height, maximized: state.maximized };
}

/** The part of BrowserWindow the tracker uses; the real one satisfies it. */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

export function captureWindowState(window: TrackedWindow): WindowState {
  // Normal bounds, not current ones: a maximized window should restore to the size it had before.
  const bounds = window.getNormalBounds();
  return normalizeWindowState({ ...bounds, maximized: window.isMaximized() });
}

/** Saves on resize/move (debounced, these fire continuously while dragging) and at once on close. */
export function trackWindowState(window: TrackedWindow, dir: string, debounceMs = 400): () => void {
  let timer: NodeJS.Timeout | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const saveNow = () => {
    cancel();
    if (!window.isDestroyed()) saveWindowState(dir, captureWindowState(window));
  };
  const saveSoon = () => {
    cancel();
    timer = setTimeout(saveNow, debounceMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, saveSoon);
  window.on('close', saveNow);
  return cancel;
}
