// Facts about a prompt's list of cases that the cases table and the drafts both need: whether two
// lists say the same thing, and a name used twice.
import type { PromptCase } from '../../shared/prompts';

/** The first name used by two cases, if any (the file needs each name once). */
export function duplicateCaseName(cases: readonly PromptCase[]): string | null {
  const seen = new Set<string>();
  for (const entry of cases) {
    if (seen.has(entry.name)) return entry.name;
    seen.add(entry.name);
  }
  return null;
}

export function casesEqual(a: readonly PromptCase[], b: readonly PromptCase[]): boolean {
  return deepEqual(a, b);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  const otherKeys = Object.keys(b).filter((key) => b[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => deepEqual(a[key], b[key]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
