// The small part of JSONPath a check needs: $ then .field, ['field name'] and [index] steps, one
// value out. No filters or wildcards: a check names one value and says what it must be.

export type PathValue = { found: true; value: unknown } | { found: false; missing: string };

const STEP = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;

/** The steps of a path checkDefinition accepted (`$.a[0]['b c']` → ['a', 0, 'b c']). */
export function pathSteps(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  STEP.lastIndex = 1;
  while (STEP.lastIndex < path.length) {
    const match = STEP.exec(path);
    if (!match) break;
    steps.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3] ?? match[4] ?? ''));
  }
  return steps;
}

export function valueAtPath(root: unknown, path: string): PathValue {
  let current = root;
  let walked = '$';
  for (const step of pathSteps(path)) {
    const next = typeof step === 'number' ? `${walked}[${step}]` : `${walked}.${step}`;
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) return { found: false, missing: next };
      current = current[step];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, step)) return { found: false, missing: next };
      current = (current as Record<string, unknown>)[step];
    }
    walked = next;
  }
  return { found: true, value: current };
}
