// Splits a Handlebars template into plain text and `{{…}}` expressions, only to colour them.
// Nothing is evaluated or rendered as HTML: every token is shown as text.

export type TemplateTokenKind =
  | 'text'
  | 'marker' // Dotprompt structure: {{role "system"}}, {{history}}, {{section}}, {{media}}
  | 'block' // {{#if}}, {{else}}, {{/if}}, {{^unless}}
  | 'comment' // {{! … }} and {{!-- … --}}
  | 'expression'; // {{question}}, {{json items}}, {{{raw}}}

export interface TemplateToken {
  kind: TemplateTokenKind;
  text: string;
}

// Long comments first (they may contain `}}`), then triple-stash, then ordinary mustaches.
const EXPRESSION = /\{\{~?!--[\s\S]*?--~?\}\}|\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}/g;
const MARKER_HELPERS = /^(role|history|section|media)\b/;

export function tokenizeTemplate(template: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let last = 0;
  for (const match of template.matchAll(EXPRESSION)) {
    if (match.index > last) tokens.push({ kind: 'text', text: template.slice(last, match.index) });
    tokens.push({ kind: classify(match[0]), text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < template.length) tokens.push({ kind: 'text', text: template.slice(last) });
  return tokens;
}

function classify(expression: string): TemplateTokenKind {
  const inner = expression.replace(/^\{\{\{?~?\s*/, '');
  if (inner.startsWith('!')) return 'comment';
  if (/^[#/^]/.test(inner) || /^else\b/.test(inner)) return 'block';
  if (MARKER_HELPERS.test(inner)) return 'marker';
  return 'expression';
}

/** The same tokens, cut at line breaks, so the view can number lines. */
export function tokensByLine(tokens: readonly TemplateToken[]): TemplateToken[][] {
  const lines: TemplateToken[][] = [[]];
  for (const token of tokens) {
    const parts = token.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines.at(-1)?.push({ kind: token.kind, text: part });
    });
  }
  return lines;
}
