import { describe, expect, it } from 'vitest';
import { receivedHeaders } from './receivedHeaders';

// What undici hands over: lowercase names, repeated headers as arrays.
const raw = {
  'content-type': 'application/json',
  'x-ratelimit-remaining': '41',
  vary: ['Accept', 'Origin'],
  'set-cookie': ['a=1', 'b=2'],
  'retry-after': undefined,
};

describe('receivedHeaders', () => {
  it('reads like the standard Headers built from the same answer', () => {
    const ours = receivedHeaders(raw);
    const standard = new Headers();
    for (const [name, value] of Object.entries(raw)) for (const item of value === undefined ? [] : [value].flat()) standard.append(name, item);

    expect(ours).toBeInstanceOf(Headers);
    expect(ours.get('Content-Type')).toBe('application/json');
    expect(ours.get('vary')).toBe(standard.get('vary'));
    expect(ours.get('retry-after')).toBeNull();
    expect([ours.has('X-RateLimit-Remaining'), ours.has('retry-after')]).toEqual([true, false]);
    expect(ours.getSetCookie()).toEqual(standard.getSetCookie());
    expect([...ours]).toEqual([...standard]);
    expect([...ours.keys()]).toEqual([...standard.keys()]);
    expect([...ours.values()]).toEqual([...standard.values()]);
    const seen: string[] = [];
    ours.forEach((value, name) => seen.push(`${name}=${value}`));
    expect(seen).toEqual([...standard].map(([name, value]) => `${name}=${value}`));
    // Copies into a standard Headers (as Response.clone() and the SDKs' error paths do) keep everything.
    expect([...new Headers(ours)]).toEqual([...standard]);
  });

  it('is immutable, like a fetch answer’s headers', () => {
    const ours = receivedHeaders(raw);
    expect(() => ours.set('x', '1')).toThrow(TypeError);
    expect(() => ours.append('x', '1')).toThrow(TypeError);
    expect(() => ours.delete('vary')).toThrow(TypeError);
    expect(ours.get('vary')).toBe('Accept, Origin');
  });
});
