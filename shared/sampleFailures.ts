// Failed samples, told the way a person fixes them: grouped by what went wrong (the same kind and
// the same message), largest group first, each with the cells it hit. The review's cells and its
// run summary, and the message after "Retry failed", all read failures through this one grouping.
import { cellKeyOf, type CellKey } from './cellStats';
import type { Sample } from './runs';

export interface FailureGroup {
  /** The failure's kind (shared/runs.ts SampleError.code): not_found, auth, rate_limit… */
  code: string;
  /** The provider's message, which says what to do. */
  message: string;
  /** The HTTP status, when the provider answered with one. */
  status: number | null;
  /** In the order the samples were given. */
  sampleIds: string[];
  /** The cells these samples belong to, each once, in the order first met. */
  cells: CellKey[];
}

const KINDS: Record<string, string> = {
  auth: 'Key rejected',
  rate_limit: 'Rate limited',
  server: 'Provider error',
  network: 'Connection failed',
  timeout: 'Timed out',
  bad_request: 'Request refused',
  not_found: 'Not found',
  malformed: 'Unreadable answer',
  cancelled: 'Cancelled',
};

/** The kind of a failure in words ("Model not found"); an unknown code is shown as it is. */
export function failureKind(code: string): string {
  return KINDS[code] ?? code;
}

/** The failed samples among these, grouped by kind and message; largest group first, ties in the order met. */
export function groupFailures(samples: Iterable<Sample | undefined>): FailureGroup[] {
  const groups = new Map<string, FailureGroup & { cellKeys: Set<string> }>();
  for (const sample of samples) {
    if (sample?.status !== 'error') continue;
    const code = sample.error?.code ?? 'error';
    const message = sample.error?.message ?? 'The call failed without a message.';
    const key = `${code}\u0000${message}`;
    let group = groups.get(key);
    if (!group) {
      group = { code, message, status: sample.error?.status ?? null, sampleIds: [], cells: [], cellKeys: new Set() };
      groups.set(key, group);
    }
    group.sampleIds.push(sample.sampleId);
    const cellKey = cellKeyOf(sample);
    if (!group.cellKeys.has(cellKey)) {
      group.cellKeys.add(cellKey);
      group.cells.push({ model: sample.model, temperature: sample.temperature, case: sample.case });
    }
  }
  // Array.prototype.sort is stable: equal groups keep the order they were met in.
  return [...groups.values()].map(({ cellKeys: _cellKeys, ...group }) => group).sort((a, b) => b.sampleIds.length - a.sampleIds.length);
}
