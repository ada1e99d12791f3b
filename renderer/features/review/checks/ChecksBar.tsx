import type { Check } from '../../../../shared/checks/checkTypes';
import type { RunChecks } from '../../../../shared/checks/runChecks';
import type { Problem } from '../../../../shared/prompts';
import { hrefFor, promptRoute } from '../../../app/router';
import { WarningIcon } from '../../../components/icons';
import { plural } from '../../../lib/labels';
import { filterValue, parseFilterValue, type FilterCounts, type ReviewFilter } from '../reviewFilter';
import { percent } from '../../../../shared/checks/passRate';
import { intervalText } from './passRateText';
import './checks.css';

interface ChecksBarProps {
  prompt: string;
  /** undefined while the first answer loads. */
  data: RunChecks | undefined;
  filter: ReviewFilter | null;
  counts: FilterCounts;
  onFilter(filter: ReviewFilter | null): void;
}

/**
 * The run under its prompt's checks, in the toolbar: the overall pass rate and the filter ("failing
 * check X", flaky cells, failing samples, failed calls, where a rubric's judge and a person disagree). A prompt without checks gets one line on
 * how to add them, where the pass rate would be.
 */
export function ChecksBar({ prompt, data, filter, counts, onFilter }: ChecksBarProps) {
  if (!data) return null;
  if (data.checks.length === 0) {
    return (
      <p className="checks-bar checks-bar--hint" title="A case's checks go under its expect: (Cases tab, or the prompt's .cases.yaml); checks for every case under metadata.workbench.checks in the prompt's front matter.">
        No checks: <code>expect:</code> in <a href={hrefFor(promptRoute(prompt, 'cases'))}>Cases</a>, or <code>metadata.workbench.checks</code>
        {data.problems.length > 0 && <ProblemsMark problems={data.problems} />}
      </p>
    );
  }
  const { overall } = data;
  return (
    <div className="checks-bar">
      {overall.rate !== null && (
        <span className={`checks-bar__overall pass-rate--${overall.label.replace(' ', '-')}`} title={`${overall.passed} of ${overall.total} finished samples passed every check; 95% interval ${intervalText(overall)}`}>
          Checks <strong>{percent(overall.rate)}</strong> pass <span className="checks-bar__interval">{intervalText(overall)}</span>
        </span>
      )}
      {data.problems.length > 0 && <ProblemsMark problems={data.problems} />}
      <select className="grid-controls__select checks-bar__select" aria-label="Show" title="Show only what fails, or the flaky cells; j/k walk only those samples" value={filterValue(filter)} onChange={(event) => onFilter(parseFilterValue(event.target.value))}>
        <option value="">All samples</option>
        <FilterOption value="failing" count={counts.failing} label="Failing samples" />
        <FilterOption value="flaky" count={counts.flaky} label="Flaky cells" />
        {counts.failed > 0 && <FilterOption value="failed" count={counts.failed} label="Failed calls" />}
        {data.rubrics.length > 0 && <FilterOption value="disagrees" count={counts.disagrees} label="Judge disagrees with a person" />}
        <optgroup label="Failing a check">
          {data.checks.map((check) => (
            <FilterOption key={check.id} value={`check:${check.id}`} count={counts.byCheck.get(check.id) ?? 0} label={checkOptionLabel(check)} />
          ))}
        </optgroup>
      </select>
    </div>
  );
}

function FilterOption({ value, count, label }: { value: string; count: number; label: string }) {
  return (
    <option value={value} disabled={count === 0}>
      {label} ({count})
    </option>
  );
}

/** A case's own check says which case it belongs to: two cases may each have "contains reset". */
function checkOptionLabel(check: Check): string {
  return check.case === null ? check.label : `${check.label} · ${check.case}`;
}

/** Checks that could not be read are left out; where they are is one hover away. */
function ProblemsMark({ problems }: { problems: readonly Problem[] }) {
  const where = problems.map((problem) => `${problem.file}${problem.line ? `:${problem.line}` : ''} ${problem.message}`).join('\n');
  return (
    <span className="checks-bar__problems" title={`Left out until fixed:\n${where}`}>
      <WarningIcon size={12} />
      {plural(problems.length, 'check')} not read
    </span>
  );
}
