import { describe, expect, it } from 'vitest';
import { makeSample } from '../test/support/varianceFixtures';
import { failureKind, groupFailures } from './sampleFailures';

const unknownModel = { code: 'not_found', message: 'Unknown model "x" at Ollama — pull it with `ollama pull x`', status: 404 };
const refused = { code: 'bad_request', message: 'OpenAI refused the request (400): bad temperature', status: 400 };

describe('groupFailures', () => {
  it('groups failed samples by kind and message, largest first, with the cells each group hit', () => {
    const samples = [
      makeSample({ model: 'openai/a', temperature: 0, status: 'error', output: null, error: refused }),
      makeSample({ model: 'ollama/x', temperature: 0, case: 'one', status: 'error', output: null, error: unknownModel }),
      makeSample({ status: 'ok' }),
      makeSample({ model: 'ollama/x', temperature: 0, case: 'one', status: 'error', output: null, error: unknownModel }),
      makeSample({ model: 'ollama/x', temperature: 1, case: 'one', status: 'error', output: null, error: unknownModel }),
      makeSample({ status: 'pending', output: null }),
    ];
    const groups = groupFailures(samples);
    expect(groups.map((group) => [group.code, group.sampleIds.length])).toEqual([
      ['not_found', 3],
      ['bad_request', 1],
    ]);
    expect(groups[0]).toMatchObject({ message: unknownModel.message, status: 404, sampleIds: [samples[1]?.sampleId, samples[3]?.sampleId, samples[4]?.sampleId] });
    expect(groups[0]?.cells).toEqual([
      { model: 'ollama/x', temperature: 0, case: 'one' },
      { model: 'ollama/x', temperature: 1, case: 'one' },
    ]);
  });

  it('keeps apart the same kind with different messages, and reads a failure recorded without one', () => {
    const other = { ...unknownModel, message: 'Unknown model "y" at Ollama — pull it with `ollama pull y`' };
    const groups = groupFailures([
      makeSample({ status: 'error', output: null, error: unknownModel }),
      makeSample({ status: 'error', output: null, error: other }),
      makeSample({ status: 'error', output: null, error: null }),
      undefined,
    ]);
    expect(groups.map((group) => group.message)).toEqual([unknownModel.message, other.message, 'The call failed without a message.']);
    expect(groups[2]).toMatchObject({ code: 'error', status: null });
  });
});

describe('failureKind', () => {
  it('names the kinds in words, and shows a code it does not know as it is', () => {
    expect(failureKind('not_found')).toBe('Not found');
    expect(failureKind('auth')).toBe('Key rejected');
    expect(failureKind('teapot')).toBe('teapot');
  });
});
