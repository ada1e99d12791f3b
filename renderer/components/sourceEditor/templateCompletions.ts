// Completions inside `{{`: the input schema's variables, then Dotprompt's and Handlebars' helpers.
// Accepting one leaves the cursor where the next keystroke belongs: after the closing braces for a
// tag that is complete (a variable, a role), inside them for one that takes an argument (`#if `,
// `json `, `media url=`). The braces the editor closed as `{{` was typed are reused, never doubled.
import { pickedCompletion, type Completion, type CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';

/** How a tag continues after its name: complete as it is, or an argument to type inside the braces. */
type TagEnd = 'complete' | 'argument';

const HELPERS: Array<Completion & { end: TagEnd }> = [
  { label: 'role "system"', type: 'keyword', detail: 'Dotprompt', end: 'complete' },
  { label: 'role "user"', type: 'keyword', detail: 'Dotprompt', end: 'complete' },
  { label: 'role "model"', type: 'keyword', detail: 'Dotprompt', end: 'complete' },
  { label: 'history', type: 'keyword', detail: 'Dotprompt', end: 'complete' },
  { label: 'media url=', type: 'keyword', detail: 'Dotprompt', end: 'argument' },
  { label: 'json', type: 'function', detail: 'helper', end: 'argument' },
  { label: '#if', type: 'keyword', detail: 'block', end: 'argument' },
  { label: '#unless', type: 'keyword', detail: 'block', end: 'argument' },
  { label: '#each', type: 'keyword', detail: 'block', end: 'argument' },
  { label: 'else', type: 'keyword', detail: 'block', end: 'complete' },
];

export interface TagEdit {
  /** Replaces from..to of the document. */
  insert: string;
  to: number;
  /** Where the cursor goes. */
  cursor: number;
}

/**
 * The edit that accepting `label` makes, the name being typed at from..to and `after` the text that
 * follows it: closing braces already there (`}}` or `~}}`) are kept and stepped over, else added.
 */
export function tagEdit(label: string, end: TagEnd, from: number, to: number, after: string): TagEdit {
  const name = end === 'argument' && !label.endsWith('=') ? `${label} ` : label;
  const existing = /^~?\}\}/.exec(after)?.[0];
  const close = existing ?? '}}';
  const insert = existing ? name : name + close;
  const afterClose = from + name.length + close.length;
  return { insert, to, cursor: end === 'argument' ? from + name.length : afterClose };
}

function applyTag(end: TagEnd) {
  return (view: EditorView, completion: Completion, from: number, to: number) => {
    const edit = tagEdit(completion.label, end, from, to, view.state.sliceDoc(to, to + 3));
    view.dispatch({
      changes: { from, to: edit.to, insert: edit.insert },
      selection: { anchor: edit.cursor },
      annotations: pickedCompletion.of(completion),
      userEvent: 'input.complete',
      scrollIntoView: true,
    });
  };
}

export function templateCompletions(variables: () => readonly string[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const before = context.matchBefore(/\{\{~?[#/]?[\w.@-]*$/);
    if (!before) return null;
    const open = /^\{\{~?/.exec(before.text)?.[0].length ?? 2;
    const options: Completion[] = [
      ...variables().map((name): Completion => ({ label: name, type: 'variable', detail: 'input', boost: 10, apply: applyTag('complete') })),
      ...HELPERS.map(({ end, ...helper }): Completion => ({ ...helper, apply: applyTag(end) })),
    ];
    return { from: before.from + open, options, validFor: /^[#/]?[\w.@-]*$/ };
  };
}
