// Problems from the core (file, 1-based line and column) as CodeMirror diagnostics on the text.
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { Problem } from '../../../shared/prompts';

/** Problems without a line mark the first line; positions beyond the text are clamped to it. */
export function toDiagnostics(doc: Text, problems: readonly Problem[]): Diagnostic[] {
  return problems.map((problem) => {
    const lineNumber = Math.min(Math.max(problem.line ?? 1, 1), doc.lines);
    const line = doc.line(lineNumber);
    const column = problem.line === undefined ? 0 : Math.max((problem.column ?? 1) - 1, 0);
    const from = Math.min(line.from + column, line.to);
    // Underline the word at the position, or the whole line when the column is not known.
    const wordEnd = /^[^\s]*/.exec(doc.sliceString(from, line.to))?.[0].length ?? 0;
    const to = problem.column === undefined ? line.to : Math.min(from + Math.max(wordEnd, 1), line.to);
    return { from, to: Math.max(to, from), severity: 'error', message: problem.message, source: problem.file };
  });
}
