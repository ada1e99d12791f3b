import { memo, useMemo, useState } from 'react';
import { cellKeyOf } from '../../../shared/cellStats';
import type { Sample } from '../../../shared/runs';
import { failureKind, groupFailures, type FailureGroup } from '../../../shared/sampleFailures';
import { ChevronRightIcon, WarningIcon } from '../../components/icons';
import { TextWithCode } from '../../components/TextWithCode';
import { plural } from '../../lib/labels';
import './runFailures.css';

/** Kinds of failure listed before "more"; cells named one by one before they are counted per model. */
const SHOWN_GROUPS = 3;
const SHOWN_CELLS = 4;

interface RunFailuresProps {
  samples: readonly Sample[];
  /** The grid shows only cells with failures. */
  failedOnly: boolean;
  onFailedOnly(on: boolean): void;
  onFocus(sampleId: string): void;
}

/**
 * What failed in the run, grouped: "36 × Not found: Unknown model … — pull it with `ollama pull …`",
 * the cells each kind hit (a click shows the first such sample), and a filter to the failed samples.
 * Memoised: ratings do not touch it.
 */
export const RunFailures = memo(function RunFailures({ samples, failedOnly, onFailedOnly, onFocus }: RunFailuresProps) {
  const groups = useMemo(() => groupFailures(samples), [samples]);
  const cellsPerModel = useMemo(() => {
    const cells = new Map<string, Set<string>>();
    for (const sample of samples) cells.set(sample.model, (cells.get(sample.model) ?? new Set()).add(cellKeyOf(sample)));
    return new Map([...cells].map(([model, keys]) => [model, keys.size]));
  }, [samples]);
  const [open, setOpen] = useState(true);
  const [all, setAll] = useState(false);
  if (groups.length === 0) return null;
  const failed = groups.reduce((sum, group) => sum + group.sampleIds.length, 0);
  const cells = new Set(groups.flatMap((group) => group.cells.map(cellKeyOf))).size;
  const shown = all ? groups : groups.slice(0, SHOWN_GROUPS);
  return (
    <section className="run-failures" aria-label="Failed samples">
      <header className="run-failures__head">
        <button type="button" className="run-failures__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <ChevronRightIcon size={12} className="run-failures__chevron" />
          <WarningIcon size={14} className="run-failures__icon" />
          <strong>
            {plural(failed, 'sample')} failed
          </strong>
          <span className="run-failures__where">
            in {plural(cells, 'cell')} · {plural(groups.length, 'kind')} of failure
          </span>
        </button>
        <button type="button" className="run-failures__filter" aria-pressed={failedOnly} onClick={() => onFailedOnly(!failedOnly)} title="Show only the cells with failed samples; j/k walk only those samples">
          {failedOnly ? 'Showing failed only' : 'Show failed only'}
        </button>
      </header>
      {open && (
        <ul className="run-failures__list">
          {shown.map((group) => (
            <FailureLine key={`${group.code}\u0000${group.message}`} group={group} places={placesOf(group, samples, cellsPerModel)} onFocus={onFocus} />
          ))}
          {groups.length > SHOWN_GROUPS && (
            <li>
              <button type="button" className="run-failures__more" onClick={() => setAll(!all)}>
                {all ? 'Fewer' : `${groups.length - SHOWN_GROUPS} more ${groups.length - SHOWN_GROUPS === 1 ? 'kind' : 'kinds'} of failure`}
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
});

/** A chip that shows where a kind of failure struck: one cell, or a model's cells when there are many. */
interface Place {
  key: string;
  label: string;
  /** The failure's first sample there. */
  sampleId: string | undefined;
}

/** Each cell, while there are few; past SHOWN_CELLS, one chip per model ("all 12 cells" when it failed everywhere). */
function placesOf(group: FailureGroup, samples: readonly Sample[], cellsPerModel: ReadonlyMap<string, number>): Place[] {
  const members = new Set(group.sampleIds);
  const failed = samples.filter((sample) => members.has(sample.sampleId));
  if (group.cells.length <= SHOWN_CELLS) {
    return group.cells.map((cell) => {
      const key = cellKeyOf(cell);
      return { key, label: `${cell.model} · T ${cell.temperature} · ${cell.case}`, sampleId: failed.find((sample) => cellKeyOf(sample) === key)?.sampleId };
    });
  }
  const models = [...new Set(group.cells.map((cell) => cell.model))];
  return models.map((model) => {
    const count = group.cells.filter((cell) => cell.model === model).length;
    const where = count === cellsPerModel.get(model) ? `all ${count} cells` : plural(count, 'cell');
    return { key: model, label: `${model} · ${where}`, sampleId: failed.find((sample) => sample.model === model)?.sampleId };
  });
}

function FailureLine({ group, places, onFocus }: { group: FailureGroup; places: readonly Place[]; onFocus(sampleId: string): void }) {
  return (
    <li className="run-failures__group">
      <span className="run-failures__count">{group.sampleIds.length} ×</span>
      <div className="run-failures__body">
        <p className="run-failures__message selectable">
          <span className="run-failures__kind">{failureKind(group.code)}</span> <TextWithCode text={group.message} />
        </p>
        <p className="run-failures__cells">
          <span className="run-failures__in">in</span>
          {places.map((place) => (
            <button key={place.key} type="button" className="run-failures__cell" onClick={() => place.sampleId && onFocus(place.sampleId)} title="Show the first failed sample there">
              {place.label}
            </button>
          ))}
        </p>
      </div>
    </li>
  );
}
