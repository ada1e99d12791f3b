// Writes a cases list back to YAML, each case's checks (`expect`) included. Comments a person wrote beside a case (such as the expected
// answer) are kept for the cases that still exist, matched by name.
import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { PromptCase } from '../../../shared/prompts';

export function serializeCases(cases: PromptCase[], previousSource: string | undefined): string {
  const next = new Document(cases.map((entry) => ({ name: entry.name, input: entry.input, ...(entry.expect?.length ? { expect: entry.expect } : {}) })));
  const previous = previousSource ? parseDocument(previousSource) : undefined;
  if (previous && previous.errors.length === 0) {
    // A comment at the top of the file reads as a header, though YAML attaches it to the first case.
    const firstOld = isSeq(previous.contents) ? previous.contents.items[0] : undefined;
    const header = previous.commentBefore ?? (isMap(firstOld) ? firstOld.commentBefore : undefined);
    if (header) next.commentBefore = header;
    if (isMap(firstOld)) firstOld.commentBefore = undefined;
    const oldItems = itemsByName(previous.contents);
    const newItems = isSeq(next.contents) ? next.contents.items : [];
    for (const item of newItems) {
      if (!isMap(item)) continue;
      const old = oldItems.get(caseName(item) ?? '');
      if (old) copyComments(old, item);
    }
  }
  return next.toString({ lineWidth: 0 });
}

function itemsByName(contents: unknown): Map<string, YAMLMap> {
  const byName = new Map<string, YAMLMap>();
  if (!isSeq(contents)) return byName;
  for (const item of contents.items) {
    const name = isMap(item) ? caseName(item) : undefined;
    if (name !== undefined && isMap(item)) byName.set(name, item);
  }
  return byName;
}

function caseName(map: YAMLMap): string | undefined {
  const value = map.get('name', true);
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

function copyComments(from: YAMLMap, to: YAMLMap): void {
  if (from.commentBefore) to.commentBefore = from.commentBefore;
  if (from.comment) to.comment = from.comment;
  const oldName = from.get('name', true);
  const newName = to.get('name', true);
  if (isScalar(oldName) && isScalar(newName) && oldName.comment) newName.comment = oldName.comment;
}
