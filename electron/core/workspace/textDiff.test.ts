import { describe, expect, it } from 'vitest';
import { buildFileDiff } from './textDiff';

const FILE = 'prompts/x.prompt';
const changedWords = (segments: { text: string; changed: boolean }[] | undefined) =>
  (segments ?? []).filter((segment) => segment.changed).map((segment) => segment.text);
const text = (segments: { text: string }[] | undefined) => (segments ?? []).map((segment) => segment.text).join('');

describe('buildFileDiff', () => {
  it('identical texts: unchanged, context rows only, no unified text', () => {
    const diff = buildFileDiff(FILE, 'one\ntwo\n', 'one\ntwo\n');
    expect(diff.status).toBe('unchanged');
    expect(diff.unified).toBe('');
    expect(diff.rows).toEqual([
      { kind: 'context', left: { number: 1, segments: [{ text: 'one', changed: false }] }, right: { number: 1, segments: [{ text: 'one', changed: false }] } },
      { kind: 'context', left: { number: 2, segments: [{ text: 'two', changed: false }] }, right: { number: 2, segments: [{ text: 'two', changed: false }] } },
    ]);
  });

  it('one word changed: one changed row whose changed segments are exactly that word', () => {
    const diff = buildFileDiff(FILE, 'Answer in one short sentence.\nBe kind.\n', 'Answer in one long sentence.\nBe kind.\n');
    expect(diff.status).toBe('modified');
    expect(diff.rows.map((row) => row.kind)).toEqual(['changed', 'context']);
    const [row] = diff.rows;
    expect(changedWords(row?.left?.segments)).toEqual(['short']);
    expect(changedWords(row?.right?.segments)).toEqual(['long']);
    expect(text(row?.left?.segments)).toBe('Answer in one short sentence.');
    expect(text(row?.right?.segments)).toBe('Answer in one long sentence.');
    expect(row?.left?.number).toBe(1);
    expect(row?.right?.number).toBe(1);
  });

  it('numbers each side on its own across added and removed lines', () => {
    const diff = buildFileDiff(FILE, 'a\nb\nc\n', 'a\nnew 1\nnew 2\nb\n');
    expect(diff.rows.map((row) => [row.kind, row.left?.number ?? null, row.right?.number ?? null])).toEqual([
      ['context', 1, 1],
      ['added', null, 2],
      ['added', null, 3],
      ['context', 2, 4],
      ['removed', 3, null],
    ]);
  });

  it('pairs a replaced block line by line and lists the rest as added', () => {
    const diff = buildFileDiff(FILE, 'keep\nold a\n', 'keep\nnew a\nextra\n');
    expect(diff.rows.map((row) => row.kind)).toEqual(['context', 'changed', 'added']);
    expect(changedWords(diff.rows[1]?.right?.segments)).toEqual(['new']);
  });

  it('added file: every line added, unified diff from /dev/null as git prints it', () => {
    const diff = buildFileDiff(FILE, null, 'hello\nworld\n');
    expect(diff.status).toBe('added');
    expect(diff.rows.every((row) => row.kind === 'added' && row.left === null)).toBe(true);
    expect(diff.unified).toBe(
      'diff --git a/prompts/x.prompt b/prompts/x.prompt\nnew file mode 100644\n--- /dev/null\n+++ b/prompts/x.prompt\n@@ -0,0 +1,2 @@\n+hello\n+world\n',
    );
  });

  it('deleted file: every line removed, unified diff to /dev/null', () => {
    const diff = buildFileDiff(FILE, 'bye\n', null);
    expect(diff.status).toBe('deleted');
    expect(diff.rows).toEqual([{ kind: 'removed', left: { number: 1, segments: [{ text: 'bye', changed: false }] }, right: null }]);
    expect(diff.unified).toBe('diff --git a/prompts/x.prompt b/prompts/x.prompt\ndeleted file mode 100644\n--- a/prompts/x.prompt\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-bye\n');
  });

  it('modified file: a unified diff with a/ and b/ headers and a hunk', () => {
    const diff = buildFileDiff(FILE, 'one\ntwo\n', 'one\n2\n');
    expect(diff.unified).toBe('diff --git a/prompts/x.prompt b/prompts/x.prompt\n--- a/prompts/x.prompt\n+++ b/prompts/x.prompt\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n');
  });

  it('keeps blank lines as rows with no segments', () => {
    const diff = buildFileDiff(FILE, 'a\n\nb\n', 'a\n\nc\n');
    expect(diff.rows[1]).toEqual({ kind: 'context', left: { number: 2, segments: [] }, right: { number: 2, segments: [] } });
  });
});
