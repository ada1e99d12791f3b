import { Fragment, useState } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import { hrefFor, promptRoute } from '../../app/router';
import { ChevronRightIcon } from '../../components/icons';
import { Section } from '../../components/Section';
import { caseColumns, formatCaseValue, previewCaseValue } from '../../lib/caseValues';
import { casesLabel } from '../../lib/labels';
import { schemaFieldNames } from '../../lib/schemaLines';
import './cases.css';

// Beyond this many inputs the table would get too narrow to read; the rest show when expanded.
const MAX_COLUMNS = 3;

export function CasesSection({ prompt }: { prompt: PromptDetail }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const columns = caseColumns(schemaFieldNames(prompt.inputSchema), prompt.cases.map((c) => c.input));
  const shown = columns.slice(0, MAX_COLUMNS);
  const hidden = columns.length - shown.length;

  function toggle(name: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  }

  if (prompt.cases.length === 0) {
    return (
      <Section title="Cases">
        <p className="card card--dashed cases-missing">
          No test cases yet. Add them in the <a className="text-link" href={hrefFor(promptRoute(prompt.name, 'cases'))}>Cases</a> tab;
          they are saved to <code>prompts/{prompt.name}.cases.yaml</code>.
        </p>
      </Section>
    );
  }

  return (
    <Section
      title="Cases"
      aside={
        <>
          {casesLabel(prompt.cases.length)}
          <a className="text-link" href={hrefFor(promptRoute(prompt.name, 'cases'))}>
            Edit cases
          </a>
        </>
      }
    >
      <div className="card cases">
        <table className="cases-table">
          <thead>
            <tr>
              <th scope="col" className="cases-table__name-col">Case</th>
              {shown.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
              {hidden > 0 && <th scope="col" className="cases-table__more-col">+{hidden}</th>}
            </tr>
          </thead>
          <tbody>
            {prompt.cases.map((testCase, index) => {
              const isOpen = expanded.has(testCase.name);
              const detailId = `case-detail-${index}`;
              return (
                <Fragment key={testCase.name}>
                  <tr className={`cases-table__row${isOpen ? ' is-open' : ''}`} onClick={() => toggle(testCase.name)}>
                    <th scope="row" className="cases-table__name">
                      <button
                        type="button"
                        className="cases-table__toggle"
                        aria-expanded={isOpen}
                        aria-controls={detailId}
                        onClick={(event) => {
                          event.stopPropagation();
                          toggle(testCase.name);
                        }}
                      >
                        <ChevronRightIcon size={12} className="cases-table__chevron" />
                        <span>{testCase.name}</span>
                      </button>
                    </th>
                    {shown.map((column) => (
                      <td key={column}>
                        {column in testCase.input ? (
                          previewCaseValue(testCase.input[column])
                        ) : (
                          <span className="cases-table__absent">—</span>
                        )}
                      </td>
                    ))}
                    {hidden > 0 && <td />}
                  </tr>
                  {isOpen && (
                    <tr className="cases-table__detail" id={detailId}>
                      <td colSpan={shown.length + 1 + (hidden > 0 ? 1 : 0)}>
                        {Object.keys(testCase.input).length === 0 && (
                          <p className="case-detail__empty">This case sets no inputs.</p>
                        )}
                        <dl className="case-detail selectable">
                          {Object.entries(testCase.input).map(([key, value]) => (
                            <Fragment key={key}>
                              <dt>{key}</dt>
                              <dd className={typeof value === 'string' ? '' : 'case-detail__json'}>{formatCaseValue(value)}</dd>
                            </Fragment>
                          ))}
                        </dl>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
