import type { PromptCase } from '../../../shared/prompts';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { CheckIcon, CloseIcon, WarningIcon } from '../../components/icons';
import { previewCaseValue } from '../../lib/caseValues';
import { plural } from '../../lib/labels';
import { keepCases, pendingCases, type PendingCase } from './pendingCases';

interface PendingCasesProps {
  prompt: string;
  rows: readonly PendingCase[];
  columns: readonly string[];
  /** The cases draft as it is now, and how to change it. */
  cases: () => readonly PromptCase[];
  edit(cases: PromptCase[]): void;
}

/** Imported and drafted cases waiting for a person: each kept (it joins the table and the file) or dropped. */
export function PendingCases({ prompt, rows, columns, cases, edit }: PendingCasesProps) {
  const keep = (kept: readonly PendingCase[]) => {
    edit(keepCases(cases(), kept));
    pendingCases.drop(prompt, new Set(kept.map((row) => row.id)));
  };
  const drop = (dropped: readonly PendingCase[]) => pendingCases.drop(prompt, new Set(dropped.map((row) => row.id)));
  const withProblems = rows.filter((row) => row.problems.length > 0).length;
  return (
    <section className="pending-cases card" aria-label="Cases not saved yet">
      <header className="pending-cases__header">
        <div className="pending-cases__title">
          <strong>{plural(rows.length, 'case')} not saved yet</strong>
          <span>
            Keep the ones you want: they join the table and are saved to the file. {withProblems > 0 && `${plural(withProblems, 'row')} ${withProblems === 1 ? 'does' : 'do'} not fit the input schema.`}
          </span>
        </div>
        <Button variant="ghost" className="button--sm" onClick={() => drop(rows)}>
          Drop all
        </Button>
        <Button variant="primary" className="button--sm" onClick={() => keep(rows)}>
          <CheckIcon size={13} />
          Keep all
        </Button>
      </header>
      <div className="pending-cases__scroll">
        <table className="pending-cases__table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Keep or drop</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={`pending-case${row.problems.length > 0 ? ' has-problem' : ''}`} data-origin={row.origin}>
                <th scope="row">
                  <div className="pending-case__name">
                    <span className="selectable">{row.entry.name}</span>
                    <Badge tone={row.origin === 'drafted' ? 'accent' : 'neutral'}>{row.origin}</Badge>
                  </div>
                  {row.problems.length > 0 && (
                    <ul className="pending-case__problems">
                      {row.problems.map((problem) => (
                        <li key={problem}>
                          <WarningIcon size={11} />
                          {problem}
                        </li>
                      ))}
                    </ul>
                  )}
                </th>
                {columns.map((column) => (
                  <td key={column}>
                    <div className="pending-case__value selectable">
                      {row.entry.input[column] === undefined ? <span className="pending-case__unset">not set</span> : previewCaseValue(row.entry.input[column])}
                    </div>
                  </td>
                ))}
                <td className="pending-case__actions">
                  <Button className="button--sm" aria-label={`Keep “${row.entry.name}”`} onClick={() => keep([row])}>
                    <CheckIcon size={12} />
                    Keep
                  </Button>
                  <Button variant="ghost" className="button--sm" aria-label={`Drop “${row.entry.name}”`} onClick={() => drop([row])}>
                    <CloseIcon size={12} />
                    Drop
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
