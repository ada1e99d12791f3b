// Reads a judge model's answer to a rubric: the JSON object {"pass": true|false, "reason": "..."}
// it was asked for. Models wrap it in code fences, put words around it or spell the verdict as a
// string, so the first object in the text that has a readable `pass` is taken. An answer with none
// is an undecided vote whose reason quotes what came back, never an exception.

export interface JudgeVote {
  /** null: the answer could not be read as a verdict. */
  pass: boolean | null;
  /** The judge's one-line reason, or why its answer could not be read. */
  reason: string;
}

const MAX_REASON = 300;
const QUOTED = 120;

export function parseJudgeAnswer(text: string): JudgeVote {
  for (const candidate of jsonObjects(text)) {
    const pass = verdictOf(candidate.pass ?? candidate.passed ?? candidate.verdict);
    if (pass === null) continue;
    const reason = typeof candidate.reason === 'string' ? oneLine(candidate.reason) : '';
    return { pass, reason: reason === '' ? 'the judge gave no reason' : reason };
  }
  const shown = oneLine(text);
  return {
    pass: null,
    reason:
      shown === ''
        ? 'the judge answered nothing; try again, or pick another judge model'
        : `the judge did not answer with {"pass": true|false, "reason": "…"}: "${shown.length > QUOTED ? `${shown.slice(0, QUOTED)}…` : shown}"; pick a judge model that follows instructions`,
  };
}

function verdictOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  if (word === 'true' || word === 'pass' || word === 'passed' || word === 'yes') return true;
  if (word === 'false' || word === 'fail' || word === 'failed' || word === 'no') return false;
  return null;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON)}…` : line;
}

/** Every JSON object in the text, outermost first, in order: the whole text, then each balanced {…}. */
function* jsonObjects(text: string): Generator<Record<string, unknown>> {
  const whole = tryObject(text.trim());
  if (whole) yield whole;
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    const end = matchingBrace(text, start);
    if (end === -1) continue;
    const found = tryObject(text.slice(start, end + 1));
    if (found) yield found;
  }
}

function tryObject(text: string): Record<string, unknown> | null {
  if (!text.startsWith('{')) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The index of the `}` closing the `{` at `start`, skipping braces inside JSON strings; -1 if none. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index;
  }
  return -1;
}
