import { describe, expect, it } from 'vitest';
import { commandForKey } from './reviewKeys';
import { focusAfter, moveFocus, reduceReview, resolveFocus, type ReviewContext, type ReviewCursor } from './reviewReducer';

const order = ['a', 'b', 'c', 'd', 'e'];
const everyone = () => true;
const context: ReviewContext = { order, canRate: everyone, blind: false, clusterOf: (id) => (['b', 'c', 'e'].includes(id) ? ['b', 'c', 'e'] : [id]) };
const at = (focusedId: string | null, armed = false): ReviewCursor => ({ focusedId, armed });

/** Runs keys through the key map and the reducer, as the keyboard hook does. */
function press(cursor: ReviewCursor, ...keys: string[]) {
  return pressIn(context, cursor, ...keys);
}

function pressIn(within: ReviewContext, cursor: ReviewCursor, ...keys: string[]) {
  const effects = [];
  for (const key of keys) {
    const command = commandForKey(key, cursor.armed);
    if (!command) continue;
    const step = reduceReview(cursor, command, within);
    cursor = step.cursor;
    if (step.effect) effects.push(step.effect);
  }
  return { cursor, effects };
}

describe('moving through the samples', () => {
  it('j and ↓ go to the next, k and ↑ to the previous, stopping at the ends', () => {
    expect(press(at('a'), 'j').cursor.focusedId).toBe('b');
    expect(press(at('a'), 'ArrowDown', 'ArrowDown').cursor.focusedId).toBe('c');
    expect(press(at('c'), 'k', 'ArrowUp').cursor.focusedId).toBe('a');
    expect(press(at('a'), 'k').cursor.focusedId).toBe('a');
    expect(press(at('e'), 'j').cursor.focusedId).toBe('e');
    expect(moveFocus([], null, 1)).toBeNull();
    expect(moveFocus(order, 'gone', -1)).toBe('e');
  });

  it('starts at the remembered sample, else the first unrated one', () => {
    expect(resolveFocus(order, 'c', () => false, everyone)).toBe('c');
    expect(resolveFocus(order, 'gone', (id) => id === 'a' || id === 'b', everyone)).toBe('c');
    expect(resolveFocus(order, null, () => true, everyone)).toBe('a');
    expect(resolveFocus([], null, () => false, everyone)).toBeNull();
  });
});

describe('rating from the keyboard', () => {
  it('1–5 rate the focused sample and move to the next', () => {
    const { cursor, effects } = press(at('a'), '4');
    expect(effects).toEqual([{ type: 'rate', sampleIds: ['a'], rating: 4, cluster: false }]);
    expect(cursor.focusedId).toBe('b');
  });

  it('0 clears and stays', () => {
    const { cursor, effects } = press(at('b'), '0');
    expect(effects).toEqual([{ type: 'rate', sampleIds: ['b'], rating: null, cluster: false }]);
    expect(cursor.focusedId).toBe('b');
  });

  it('the last sample stays focused after its rating', () => {
    expect(press(at('e'), '5').cursor.focusedId).toBe('e');
  });

  it('c then a digit rates the whole cluster and moves past it', () => {
    const { cursor, effects } = press(at('b'), 'c', '2');
    expect(effects).toEqual([{ type: 'armed' }, { type: 'rate', sampleIds: ['b', 'c', 'e'], rating: 2, cluster: true }]);
    expect(cursor).toEqual({ focusedId: 'd', armed: false });
    expect(focusAfter(order, 'b', ['b', 'c', 'e'], everyone)).toBe('d');
  });

  it('any other key after c lets the cluster rating go', () => {
    const { cursor, effects } = press(at('b'), 'c', 'Escape', '3');
    expect(effects.at(-1)).toEqual({ type: 'rate', sampleIds: ['b'], rating: 3, cluster: false });
    expect(cursor.focusedId).toBe('c');
    expect(press(at('b'), 'c', 'Shift').cursor.armed).toBe(true);
  });

  it('u undoes, n opens the note, b toggles blind mode, and nothing happens without a focus', () => {
    expect(press(at('a'), 'u').effects).toEqual([{ type: 'undo' }]);
    expect(press(at('c'), 'n').effects).toEqual([{ type: 'editNote', sampleId: 'c' }]);
    expect(press(at('a'), 'b').effects).toEqual([{ type: 'toggleBlind' }]);
    expect(press(at(null), '4', 'n', 'c').effects).toEqual([]);
    expect(commandForKey('x', false)).toBeNull();
  });
});

describe('blind mode', () => {
  it('c rates no cluster: each sample is judged alone, and the next digit rates only the focused one', () => {
    const blind = { ...context, blind: true };
    const { cursor, effects } = pressIn(blind, at('b'), 'c', '2');
    expect(effects).toEqual([{ type: 'alone' }, { type: 'rate', sampleIds: ['b'], rating: 2, cluster: false }]);
    expect(cursor.armed).toBe(false);
  });
});

describe('failed samples', () => {
  // b and d failed: they are walked through with j/k, but have no answer to rate.
  const failed = new Set(['b', 'd']);
  const withFailures: ReviewContext = { ...context, canRate: (id) => !failed.has(id) };

  it('j and k stop at a failed sample like at any other', () => {
    expect(pressIn(withFailures, at('a'), 'j').cursor.focusedId).toBe('b');
    expect(pressIn(withFailures, at('c'), 'k').cursor.focusedId).toBe('b');
  });

  it('a digit or c on a failed sample rates nothing and says why; n still opens its note', () => {
    expect(pressIn(withFailures, at('b'), '4')).toEqual({ cursor: at('b'), effects: [{ type: 'unrateable', sampleId: 'b' }] });
    expect(pressIn(withFailures, at('b'), 'c').effects).toEqual([{ type: 'unrateable', sampleId: 'b' }]);
    expect(pressIn(withFailures, at('b'), 'n').effects).toEqual([{ type: 'editNote', sampleId: 'b' }]);
  });

  it('a rating moves on to the next sample that can be rated, past the failed ones', () => {
    expect(pressIn(withFailures, at('a'), '3').cursor.focusedId).toBe('c');
    expect(pressIn(withFailures, at('c'), '3').cursor.focusedId).toBe('e');
  });

  it('the review opens on a sample to rate, and on a failed one only when nothing else is left', () => {
    expect(resolveFocus(['b', 'a'], null, () => false, withFailures.canRate)).toBe('a');
    expect(resolveFocus(['b', 'a'], null, () => true, withFailures.canRate)).toBe('a');
    expect(resolveFocus(['b', 'd'], null, () => false, withFailures.canRate)).toBe('b');
  });
});
