// Completions inside `{{`: the input schema's variables, then Dotprompt's and Handlebars' helpers.
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';

const HELPERS: Completion[] = [
  { label: 'role "system"', type: 'keyword', detail: 'Dotprompt' },
  { label: 'role "user"', type: 'keyword', detail: 'Dotprompt' },
  { label: 'role "model"', type: 'keyword', detail: 'Dotprompt' },
  { label: 'history', type: 'keyword', detail: 'Dotprompt' },
  { label: 'media url=', type: 'keyword', detail: 'Dotprompt' },
  { label: 'json', type: 'function', detail: 'helper' },
  { label: '#if', type: 'keyword', detail: 'block' },
  { label: '#unless', type: 'keyword', detail: 'block' },
  { label: '#each', type: 'keyword', detail: 'block' },
  { label: 'else', type: 'keyword', detail: 'block' },
];

export function templateCompletions(variables: () => readonly string[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const before = context.matchBefore(/\{\{~?[#/]?[\w.@-]*$/);
    if (!before) return null;
    const open = /^\{\{~?/.exec(before.text)?.[0].length ?? 2;
    const options: Completion[] = [
      ...variables().map((name): Completion => ({ label: name, type: 'variable', detail: 'input', boost: 10 })),
      ...HELPERS,
    ];
    return { from: before.from + open, options, validFor: /^[#/]?[\w.@-]*$/ };
  };
}
