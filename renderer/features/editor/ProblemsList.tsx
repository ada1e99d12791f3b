import type { Problem } from '../../../shared/prompts';
import { errorMessage } from '../../components/ErrorState';
import { AlertCircleIcon, CheckIcon } from '../../components/icons';
import { problemLocation } from '../../components/ProblemsBanner';
import { TextWithCode } from '../../components/TextWithCode';
import { problemsLabel } from '../../lib/labels';

interface ProblemsListProps {
  problems: readonly Problem[];
  checking: boolean;
  failed: unknown;
  onSelect(problem: Problem): void;
}

/** What the live check found, under the editor; a click moves the cursor to the problem. */
export function ProblemsList({ problems, checking, failed, onSelect }: ProblemsListProps) {
  const summary = failed ? 'Check failed' : problems.length === 0 ? 'No problems' : problemsLabel(problems.length);
  return (
    <section className={`problems-list${problems.length ? ' problems-list--has' : ''}`} aria-label="Problems">
      <header className="problems-list__header">
        {problems.length === 0 && !failed ? <CheckIcon size={12} className="problems-list__ok" /> : <AlertCircleIcon size={12} />}
        <span role="status">{summary}</span>
        {checking && <span className="problems-list__checking">Checking…</span>}
      </header>
      {failed !== null && <p className="problems-list__failed">{errorMessage(failed)}</p>}
      {problems.length > 0 && (
        <ul className="problems-list__items">
          {problems.map((problem, index) => (
            <li key={index}>
              <button type="button" className="problems-list__item" onClick={() => onSelect(problem)}>
                <code className="problems-list__location">{problemLocation(problem)}</code>
                <span className="problems-list__message">
                  <TextWithCode text={problem.message} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
