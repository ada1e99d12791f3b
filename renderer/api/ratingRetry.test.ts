import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../shared/errors';
import { NOTHING_UNSAVED, retryPause, sampleIdsOf, shouldRetryWrite, unsavedOf } from './ratingRetry';

describe('rating writes the core could not save yet', () => {
  it('retries a busy database for as long as it takes, and nothing else', () => {
    const busy = new WorkbenchError('DB_BUSY', 'Another program is writing to the database.');
    expect(shouldRetryWrite(0, busy)).toBe(true);
    expect(shouldRetryWrite(500, busy)).toBe(true);
    expect(shouldRetryWrite(0, new WorkbenchError('NOT_FOUND', 'No such sample.'))).toBe(false);
    expect(shouldRetryWrite(0, new WorkbenchError('DB_LOCKED', 'Gave up.'))).toBe(false);
    expect(shouldRetryWrite(0, new Error('boom'))).toBe(false);
  });

  it('pauses longer after each failure, up to a few seconds', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryPause)).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('shows nothing while writes are only on their way, and every waiting write once one is retried', () => {
    expect(unsavedOf([])).toBe(NOTHING_UNSAVED);
    expect(unsavedOf([{ sampleIds: ['a'], failures: 0 }])).toBe(NOTHING_UNSAVED);
    const unsaved = unsavedOf([
      { sampleIds: ['a', 'b'], failures: 2 },
      { sampleIds: ['c'], failures: 0 },
      { sampleIds: [], failures: 0 },
    ]);
    expect(unsaved.count).toBe(3);
    expect([...unsaved.sampleIds]).toEqual(['a', 'b', 'c']);
  });

  it('reads the samples a rating or a note write touches', () => {
    expect(sampleIdsOf({ sampleIds: ['a', 'b'], rating: 3 })).toEqual(['a', 'b']);
    expect(sampleIdsOf({ sampleId: 'a', note: 'x' })).toEqual(['a']);
    expect(sampleIdsOf(undefined)).toEqual([]);
  });
});
