// The evidence of an approval as git trailers: `Key: value` lines in the last paragraph of the
// commit message, where `git log` shows them and `git interpret-trailers --parse` reads them.
// Written and read here only, so the two can never disagree on a format.
import { TRAILER_KEYS, type Approval, type ApprovalPassRate } from '../../../shared/approvals';

/** What the trailers carry; the tag is not in the message (it is found by the commit it points at). */
export type ApprovalEvidence = Omit<Approval, 'tag'>;

/** `Token: value`, as git recognises a trailer line (a token is letters, digits and hyphens). */
const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
/** Quick test before any parsing: most commits in a long history carry no evidence. */
const HAS_RUN_TRAILER = /^Workbench-Run[ \t]*:/im;
const LIST_SEPARATOR = ', ';
const NONE = 'none';

/**
 * List items and the run id are written percent-encoded where they would break the format: `%`,
 * the list's comma, and control characters (a newline would end the trailer). Ordinary model ids
 * (`ollama/llama3.2:8b`, `openai/gpt-4o-mini`) are written as they are.
 */
function encodeItem(text: string): string {
  let encoded = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    encoded += char === '%' || char === ',' || code < 0x20 || code === 0x7f ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : char;
  }
  return encoded;
}

function decodeItem(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function formatNumber(value: number | null, digits = 2): string {
  return value === null || !Number.isFinite(value) ? NONE : value.toFixed(digits);
}

/** `0.93 [0.88, 0.96] (n=200)`; `none (n=0)` when nothing was decided. */
export function formatPassRateTrailer(passRate: ApprovalPassRate): string {
  if (passRate.rate === null || passRate.n === 0) return `${NONE} (n=${passRate.n})`;
  return `${formatNumber(passRate.rate)} [${formatNumber(passRate.low)}, ${formatNumber(passRate.high)}] (n=${passRate.n})`;
}

/** The trailer lines, in TRAILER_KEYS order: six, and the pass rate's when the prompt has checks. */
export function formatTrailers(evidence: ApprovalEvidence): string {
  const values: Record<keyof typeof TRAILER_KEYS, string | null> = {
    run: encodeItem(evidence.runId),
    models: evidence.models.map(encodeItem).join(LIST_SEPARATOR),
    temperatures: evidence.temperatures.map((temperature) => String(temperature)).join(LIST_SEPARATOR),
    samples: String(evidence.samples),
    // With nothing rated the mean is unknown, whatever a caller passed.
    rating: `${evidence.rated > 0 ? formatNumber(evidence.rating) : NONE} (n=${evidence.rated})`,
    consistency: formatNumber(evidence.consistency),
    passRate: evidence.passRate ? formatPassRateTrailer(evidence.passRate) : null,
  };
  return (Object.keys(TRAILER_KEYS) as (keyof typeof TRAILER_KEYS)[])
    .filter((key) => values[key] !== null)
    .map((key) => `${TRAILER_KEYS[key]}: ${values[key]}`)
    .join('\n');
}

/**
 * The message a person wrote, then the trailers. When the message already ends in a trailer block
 * of its own (`Signed-off-by: …`), ours join it: git reads only the last paragraph as trailers.
 */
export function approvalMessage(message: string, evidence: ApprovalEvidence): string {
  const text = message.replace(/\r\n?/g, '\n').trim();
  const paragraphs = text.split(/\n[ \t]*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  // The first paragraph is the subject, never a trailer block (git skips it too).
  const endsInTrailers = paragraphs.length > 1 && last.split('\n').every((line) => TRAILER_LINE.test(line));
  return `${text}${endsInTrailers ? '\n' : '\n\n'}${formatTrailers(evidence)}\n`;
}

/** The trailers of the message's last paragraph (keys compared case-insensitively, the last one wins). */
function lastParagraphTrailers(message: string): Map<string, string> {
  const paragraphs = message.replace(/\r\n?/g, '\n').trim().split(/\n[ \t]*\n/);
  const found = new Map<string, string>();
  if (paragraphs.length < 2) return found;
  let key: string | null = null;
  for (const line of (paragraphs[paragraphs.length - 1] ?? '').split('\n')) {
    const match = TRAILER_LINE.exec(line);
    if (match) {
      key = (match[1] as string).toLowerCase();
      found.set(key, (match[2] as string).trim());
    } else if (key !== null && /^[ \t]/.test(line)) {
      // A folded value continues on lines that start with white space, as git allows.
      found.set(key, `${found.get(key) ?? ''} ${line.trim()}`.trim());
    }
  }
  return found;
}

function splitList(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function parseNumber(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '' || value.trim().toLowerCase() === NONE) return null;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : null;
}

const PASS_RATE = /^(\d+(?:\.\d+)?)\s*\[\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*\]\s*\(n=(\d+)\)$/;
const NO_PASS_RATE = /^none\s*\(n=(\d+)\)$/i;

/** The pass rate trailer read back; undefined when absent or not in its format (older or hand-edited messages). */
function parsePassRate(value: string | undefined): ApprovalPassRate | undefined {
  if (value === undefined) return undefined;
  const none = NO_PASS_RATE.exec(value);
  if (none) return { rate: null, low: 0, high: 1, n: Number(none[1]) };
  const match = PASS_RATE.exec(value);
  if (!match) return undefined;
  const [rate, low, high] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (![rate, low, high].every((number) => number >= 0 && number <= 1)) return undefined;
  return { rate, low, high, n: Number(match[4]) };
}

/** The evidence in a commit message, or null when it carries no Workbench-Run trailer. */
export function parseApproval(message: string): ApprovalEvidence | null {
  if (!HAS_RUN_TRAILER.test(message)) return null;
  const trailers = lastParagraphTrailers(message);
  const get = (key: keyof typeof TRAILER_KEYS) => trailers.get(TRAILER_KEYS[key].toLowerCase());
  const runId = get('run');
  if (runId === undefined || runId === '') return null;
  const rating = /^(\S+)\s*\(n=(\d+)\)$/.exec(get('rating') ?? '');
  const samples = parseNumber(get('samples'));
  return {
    runId: decodeItem(runId),
    models: splitList(get('models')).map(decodeItem),
    temperatures: splitList(get('temperatures')).map(Number).filter(Number.isFinite),
    samples: samples !== null && Number.isInteger(samples) ? samples : 0,
    rating: rating ? parseNumber(rating[1]) : parseNumber(get('rating')),
    rated: rating ? Number(rating[2]) : 0,
    consistency: parseNumber(get('consistency')),
    // Only present when the approval carried it, so evidence without checks reads back as it was written.
    ...withPassRate(parsePassRate(get('passRate'))),
  };
}

function withPassRate(passRate: ApprovalPassRate | undefined): { passRate?: ApprovalPassRate } {
  return passRate ? { passRate } : {};
}
