// Edits to a case's list of checks. Pure, so the Cases tab's undo puts back exactly what was there.

export function replaceCheck(checks: readonly unknown[], index: number, next: unknown): unknown[] {
  return checks.map((check, i) => (i === index ? next : check));
}

export function removeCheck(checks: readonly unknown[], index: number): unknown[] {
  return checks.filter((_, i) => i !== index);
}

/** Puts a check back at its place; past the end it goes last. */
export function insertCheck(checks: readonly unknown[], index: number, check: unknown): unknown[] {
  const at = Math.min(Math.max(index, 0), checks.length);
  return [...checks.slice(0, at), check, ...checks.slice(at)];
}

/** Moves a check up (-1) or down (+1); at either end nothing moves. */
export function moveCheck(checks: readonly unknown[], index: number, delta: -1 | 1): unknown[] {
  const target = index + delta;
  if (index < 0 || index >= checks.length || target < 0 || target >= checks.length) return [...checks];
  return insertCheck(removeCheck(checks, index), target, checks[index]);
}
