import { readCheck } from '../../../../shared/checks/checkDefinition';
import { hrefFor, promptRoute } from '../../../app/router';
import { WarningIcon } from '../../../components/icons';
import { TextWithCode } from '../../../components/TextWithCode';
import { plural } from '../../../lib/labels';
import { checkSummary } from './checkForm';

/**
 * The prompt's own checks (front matter `metadata.workbench.checks`), which every case is held to.
 * Read-only here: the front matter is the Edit tab's, and this tab never rewrites it.
 */
export function PromptWideChecks({ promptName, checks }: { promptName: string; checks: readonly unknown[] }) {
  return (
    <section className="prompt-checks card" aria-label="Prompt-wide checks">
      <header className="prompt-checks__head">
        <span className="prompt-checks__title">{plural(checks.length, 'prompt-wide check')}</span>
        <span className="prompt-checks__note">
          Every case is held to these. They are prompt-wide: edit them in the Edit tab's front matter, under{' '}
          <code>metadata.workbench.checks</code>.
        </span>
        <a className="text-link prompt-checks__link" href={hrefFor(promptRoute(promptName, 'edit'))}>
          Open the Edit tab
        </a>
      </header>
      <ul className="prompt-checks__list">
        {checks.map((raw, index) => {
          const read = readCheck(raw);
          return (
            // The list is the front matter's, in its order; it changes only with the file.
            <li key={index} className={`prompt-checks__item${read.ok ? '' : ' has-problem'}`}>
              {read.ok ? (
                <>
                  <span className="check-editor__kind">{read.spec.kind}</span>
                  <span>{checkSummary(read)}</span>
                </>
              ) : (
                <>
                  <WarningIcon size={12} />
                  <code className="selectable">{JSON.stringify(raw)}</code>
                  <span>
                    <TextWithCode text={read.message} />
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
