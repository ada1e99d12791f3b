import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method, type Contract } from '../../shared/contract';
import { WorkbenchError } from '../../shared/errors';
import { dispatch } from './dispatch';

const contract = {
  methods: { double: method(z.object({ n: z.number() }), z.object({ n: z.number() })) },
  events: {},
} satisfies Contract;

describe('dispatch', () => {
  it('validates input, runs the method and returns its output', async () => {
    const result = await dispatch(contract, { double: async ({ n }) => ({ n: n * 2 }) }, 'double', { n: 21 });
    expect(result).toEqual({ ok: true, data: { n: 42 } });
  });

  it('refuses bad input before running anything', async () => {
    let ran = false;
    const result = await dispatch(contract, { double: async () => ((ran = true), { n: 0 }) }, 'double', { n: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^n: /) } });
    expect(ran).toBe(false);
  });

  it('returns thrown domain errors as data', async () => {
    const result = await dispatch(contract, { double: async () => Promise.reject(new WorkbenchError('NOT_FOUND', 'gone')) }, 'double', { n: 1 });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
  });

  it('reports output that breaks the contract as an internal error, not bad input', async () => {
    const result = await dispatch(contract, { double: async () => ({ n: 'two' }) as unknown as { n: number } }, 'double', { n: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('does not reach inherited properties as methods', async () => {
    expect(await dispatch(contract, { double: async () => ({ n: 0 }) }, 'toString', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
