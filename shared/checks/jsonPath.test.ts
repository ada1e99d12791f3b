import { describe, expect, it } from 'vitest';
import { pathSteps, valueAtPath } from './jsonPath';

describe('valueAtPath', () => {
  const root = { intent: 'billing', items: [{ name: 'Ada' }], 'odd key': { x: 1 }, nothing: null };
  it('follows fields, indexes and quoted names', () => {
    expect(pathSteps("$.items[0]['odd key'].x")).toEqual(['items', 0, 'odd key', 'x']);
    expect(valueAtPath(root, '$.intent')).toEqual({ found: true, value: 'billing' });
    expect(valueAtPath(root, '$.items[0].name')).toEqual({ found: true, value: 'Ada' });
    expect(valueAtPath(root, "$['odd key'].x")).toEqual({ found: true, value: 1 });
    expect(valueAtPath(root, '$.nothing')).toEqual({ found: true, value: null });
    expect(valueAtPath(root, '$')).toEqual({ found: true, value: root });
  });
  it('names the first step that is missing', () => {
    expect(valueAtPath(root, '$.items[3].name')).toEqual({ found: false, missing: '$.items[3]' });
    expect(valueAtPath(root, '$.intent.code')).toEqual({ found: false, missing: '$.intent.code' });
    expect(valueAtPath(root, '$.toString')).toEqual({ found: false, missing: '$.toString' });
  });
});
