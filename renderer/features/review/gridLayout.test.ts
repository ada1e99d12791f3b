import { describe, expect, it } from 'vitest';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { buildGridLayout, isNotSampled } from './gridLayout';

const cell = (model: string, temperature: number, caseName: string) => ({ model, temperature, case: caseName }) as CellMetrics;
const axes = { models: ['m1', 'm2'], temperatures: [1, 0], cases: ['France', 'Japan'] };
const cells = [cell('m1', 0, 'France'), cell('m1', 1, 'France'), cell('m1', 0, 'Japan'), cell('m2', 1, 'Japan')];

describe('grid layout', () => {
  it('puts temperatures across, ascending, and cases down, grouped by model', () => {
    const layout = buildGridLayout(axes, cells, 'cases');
    expect(layout.temperatures).toEqual([0, 1]);
    expect(layout.rows.map((row) => `${row.kind}:${row.label}`)).toEqual(['group:m1', 'cells:France', 'cells:Japan', 'group:m2', 'cells:Japan']);
    const japan = layout.rows[2];
    expect(japan?.kind === 'cells' && japan.cells.map((entry) => (entry && !isNotSampled(entry) ? entry.temperature : null))).toEqual([0, null]);
    expect(layout.cellsInOrder.map((entry) => `${entry.model}/${entry.temperature}/${entry.case}`)).toEqual(['m1/0/France', 'm1/1/France', 'm1/0/Japan', 'm2/1/Japan']);
  });

  it('switches to models down, grouped by case', () => {
    const layout = buildGridLayout(axes, cells, 'models');
    expect(layout.groupAxis).toBe('case');
    expect(layout.rows.map((row) => `${row.kind}:${row.label}`)).toEqual(['group:France', 'cells:m1', 'group:Japan', 'cells:m1', 'cells:m2']);
    expect(layout.rowOfCell.get(JSON.stringify(null))).toBeUndefined();
  });

  it('keeps the place of a cell the run did not sample, with the reason, and leaves it out of j/k', () => {
    const skipped = [{ model: 'm2', temperature: 0, reason: 'Anthropic takes 0–1' }];
    const layout = buildGridLayout(axes, cells, 'cases', skipped);
    const japan = layout.rows.at(-1);
    expect(japan?.kind === 'cells' && japan.cells[0]).toEqual({ notSampled: { model: 'm2', temperature: 0, case: 'Japan', reason: 'Anthropic takes 0–1' } });
    // m2 has no France samples at 1, so France's row shows only the cell not sampled at 0.
    expect(layout.rows.map((row) => `${row.kind}:${row.label}`)).toEqual(['group:m1', 'cells:France', 'cells:Japan', 'group:m2', 'cells:France', 'cells:Japan']);
    expect(layout.cellsInOrder).toHaveLength(4);
  });

  it('shows a model none of whose cells were sampled', () => {
    const skipped = [0, 1].map((temperature) => ({ model: 'm3', temperature, reason: 'Anthropic takes no seed' }));
    const layout = buildGridLayout({ ...axes, models: ['m1', 'm2', 'm3'] }, cells, 'cases', skipped);
    expect(layout.rows.slice(-3).map((row) => `${row.kind}:${row.label}`)).toEqual(['group:m3', 'cells:France', 'cells:Japan']);
  });
});
