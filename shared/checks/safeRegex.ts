// A regex check's pattern comes from the workspace, which may be a repository anyone wrote. A
// pattern such as (a+)+$ can backtrack for minutes on a modest output and freeze the process that
// checks it; JavaScript cannot interrupt a running match. Such patterns are refused when read:
// a quantified group that itself holds a quantifier or alternatives ("star height" above one), or a
// backreference. Polynomial cases (three overlapping quantifiers in a row) are not caught here.
// That refuses a few harmless patterns too, and the message says how to write them.

const QUANTIFIER_AFTER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;
export const MAX_PATTERN_LENGTH = 500;

export function unsafeRegexReason(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `The pattern is ${pattern.length} characters; a regex check may have at most ${MAX_PATTERN_LENGTH}.`;
  if (/\\[1-9]|\\k</.test(pattern)) return 'The pattern refers back to a group (\\1, \\k<name>), which can make matching take minutes; write it without.';
  // For each open group, whether a quantifier (or an alternation, whose branches may overlap) was seen inside it.
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
      const next = pattern.slice(i + 1);
      if (!inClass && QUANTIFIER_AFTER.test(next)) markQuantified(stack);
      continue;
    }
    if (inClass) {
      if (char === ']') {
        inClass = false;
        if (QUANTIFIER_AFTER.test(pattern.slice(i + 1))) markQuantified(stack);
      }
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') stack.push(false);
    else if (char === ')') {
      const innerQuantified = stack.pop() ?? false;
      const quantified = QUANTIFIER_AFTER.exec(pattern.slice(i + 1));
      if (quantified && innerQuantified && quantified[0] !== '?') {
        return 'The pattern repeats a group that itself repeats or has alternatives, such as (a+)+ or (a|ab)*, which can make matching take minutes. Write it with one level of repetition.';
      }
      if (quantified || innerQuantified) markQuantified(stack);
    } else if (char === '|') markQuantified(stack);
    else if (QUANTIFIER_AFTER.test(pattern.slice(i + 1))) markQuantified(stack);
  }
  return null;
}

function markQuantified(stack: boolean[]): void {
  if (stack.length > 0) stack[stack.length - 1] = true;
}
