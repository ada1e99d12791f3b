import { describe, expect, it } from 'vitest';
import { passRate } from '../../../shared/checks/passRate';
import { runPassRateChanges } from '../../../shared/checks/runPassRateChanges';
import { passRateRows } from './passRateRows';

const cell = (caseName: string, passed: number, total: number) => ({ model: 'openai/gpt-4o-mini', temperature: 0.7, case: caseName, ...passRate(passed, total), callFailures: 0, undecided: 0 });

describe('passRateRows', () => {
  it('words the whole run and each cell: better, worse, or how many more samples would tell', () => {
    const before = { cells: [cell('a', 3, 10), cell('b', 10, 10), cell('c', 10, 20)], overall: passRate(23, 40) };
    const after = { cells: [cell('a', 9, 10), cell('b', 0, 10), cell('c', 12, 20)], overall: passRate(21, 40) };
    const rows = passRateRows(runPassRateChanges(before, after));
    expect(rows.map((row) => [row.cell?.case ?? 'run', row.values, row.tone])).toEqual([
      ['run', '23/40 → 21/40', 'neutral'],
      ['a', '3/10 → 9/10', 'better'],
      ['b', '10/10 → 0/10', 'worse'],
      ['c', '10/20 → 12/20', 'neutral'],
    ]);
    // Newcombe's interval for 9/10 against 3/10 is [0.1705, 0.8090].
    expect(rows[1]).toMatchObject({ change: '+60 pts [+17, +81]', verdict: 'better' });
    expect(rows[2]?.verdict).toBe('worse');
    // 0.5 against 0.6 needs 388 per side; each side has 20.
    expect(rows[3]?.verdict).toBe("can't tell yet: about 368 more samples per side would decide it");
  });

  it('says so when a side has nothing decided', () => {
    const rows = passRateRows(runPassRateChanges({ cells: [cell('a', 0, 0)], overall: passRate(0, 0) }, { cells: [cell('a', 1, 2)], overall: passRate(1, 2) }));
    expect(rows[1]).toMatchObject({ change: null, verdict: 'nothing decided on one side yet', tone: 'neutral' });
  });
});
