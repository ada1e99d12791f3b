import type { Problem } from '../../shared/prompts';
import { problemsLabel } from '../lib/labels';
import { WarningIcon } from './icons';
import { TextWithCode } from './TextWithCode';
import './problemsBanner.css';

/** `file:line:col`, as editors and compilers print it, so it can be pasted into "Go to file". */
export function problemLocation(problem: Problem): string {
  if (problem.line === undefined) return problem.file;
  return problem.column === undefined ? `${problem.file}:${problem.line}` : `${problem.file}:${problem.line}:${problem.column}`;
}

export function ProblemsBanner({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="problems-banner" role="alert">
      <WarningIcon size={16} className="problems-banner__icon" />
      <div className="problems-banner__body">
        <p className="problems-banner__title">
          {problemsLabel(problems.length)} in this prompt’s files
        </p>
        <ul className="problems-banner__list selectable">
          {problems.map((problem, index) => (
            <li key={index}>
              <code className="problems-banner__location">{problemLocation(problem)}</code>
              <span className="problems-banner__dash"> — </span>
              <TextWithCode text={problem.message} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
