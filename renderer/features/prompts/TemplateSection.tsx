import { useMemo } from 'react';
import { Section } from '../../components/Section';
import { plural } from '../../lib/labels';
import { tokenizeTemplate, tokensByLine } from './templateTokens';
import './codeBlocks.css';

/** The Handlebars body with line numbers; expressions are tinted, everything is plain text. */
export function TemplateSection({ template }: { template: string }) {
  const lines = useMemo(() => tokensByLine(tokenizeTemplate(template.replace(/\n$/, ''))), [template]);
  return (
    <Section title="Template" aside={plural(lines.length, 'line')}>
      <div className="card code-block template selectable" role="region" aria-label="Template source">
        {lines.map((tokens, lineIndex) => (
          <div className="code-line" key={lineIndex}>
            <span className="code-line__number" aria-hidden="true">
              {lineIndex + 1}
            </span>
            <span className="code-line__text">
              {tokens.length === 0
                ? '\u200b'
                : tokens.map((token, tokenIndex) =>
                    token.kind === 'text' ? (
                      token.text
                    ) : (
                      <span key={tokenIndex} className={`tpl tpl--${token.kind}`}>
                        {token.text}
                      </span>
                    ),
                  )}
            </span>
          </div>
        ))}
      </div>
    </Section>
  );
}
