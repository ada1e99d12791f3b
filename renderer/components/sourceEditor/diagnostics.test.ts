import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { toDiagnostics } from './diagnostics';

const doc = Text.of(['---', 'model: x', 'bad: [', '---', 'Hello {{name}}']);
const file = 'prompts/p.prompt';

describe('toDiagnostics', () => {
  it('places a problem at its line and column and underlines the word there', () => {
    const [diagnostic] = toDiagnostics(doc, [{ file, message: 'Unexpected', line: 3, column: 6 }]);
    const line = doc.line(3);
    expect(diagnostic).toMatchObject({ from: line.from + 5, to: line.from + 6, severity: 'error', message: 'Unexpected' });
  });

  it('marks the whole line without a column, and the first line without a line', () => {
    const [withLine, withoutLine] = toDiagnostics(doc, [
      { file, message: 'a', line: 5 },
      { file, message: 'b' },
    ]);
    expect(withLine).toMatchObject({ from: doc.line(5).from, to: doc.line(5).to });
    expect(withoutLine).toMatchObject({ from: 0, to: doc.line(1).to });
  });

  it('clamps positions outside the text (the text changed since the check)', () => {
    const [diagnostic] = toDiagnostics(doc, [{ file, message: 'x', line: 99, column: 99 }]);
    expect(diagnostic?.from).toBe(doc.length);
    expect(diagnostic?.to).toBe(doc.length);
  });
});
