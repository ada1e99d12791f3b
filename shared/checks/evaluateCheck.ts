// One check's verdict on one sample, for every kind that needs no model: text, length, JSON,
// lexical similarity, latency and cost. A rubric needs a model call;
// it is left undecided here, and the core's judge decides it. Reasons say what was found, so a
// person can act on a failure without opening the output.
import { jsonEqual } from './jsonEqual';
import { matchesSchema, parseJsonOutput, type JsonParse } from '../variance/jsonSchemaCheck';
import { profileSimilarity, profileText } from '../variance/textSimilarity';
import type { CheckSpec, Verdict } from './checkTypes';
import { valueAtPath } from './jsonPath';

export interface CheckedSample {
  status: 'ok' | 'error' | 'pending' | 'cancelled';
  output: string | null;
  latencyMs: number | null;
  costUsd: number | null;
  error: { message: string } | null;
}

/**
 * Whether this sample's output matches a pattern, as matched beforehand where a runaway match can
 * be stopped (the core's regexSandbox): null when it was stopped, undefined when not matched.
 */
export type RegexMatch = (pattern: string, flags: string) => boolean | null | undefined;

/** What evaluating one sample shares between its checks: the output parsed once. */
export interface SampleContext {
  sample: CheckedSample;
  json: () => JsonParse;
  outputSchema: unknown;
  regex?: RegexMatch;
}

export function sampleContext(sample: CheckedSample, outputSchema: unknown, regex?: RegexMatch): SampleContext {
  let parsed: JsonParse | undefined;
  return { sample, outputSchema, regex, json: () => (parsed ??= parseJsonOutput(sample.output ?? '')) };
}

/** The verdict of a check on a sample that answered; null when a model must decide it. */
export function evaluateCheck(id: string, spec: CheckSpec, context: SampleContext): Verdict | null {
  const output = context.sample.output ?? '';
  switch (spec.kind) {
    case 'equals':
      return output.trim() === spec.value.trim() ? verdict(id, true, `is "${clip(spec.value)}"`) : verdict(id, false, `expected "${clip(spec.value)}", got "${clip(output.trim())}"`);
    case 'contains':
      return output.includes(spec.value) ? verdict(id, true, `contains "${clip(spec.value)}"`) : verdict(id, false, `"${clip(spec.value)}" not found`);
    case 'icontains':
      return output.toLowerCase().includes(spec.value.toLowerCase()) ? verdict(id, true, `contains "${clip(spec.value)}" (any case)`) : verdict(id, false, `"${clip(spec.value)}" not found, in any case`);
    case 'not-contains':
      return output.includes(spec.value) ? verdict(id, false, `contains "${clip(spec.value)}", which it must not`) : verdict(id, true, `no "${clip(spec.value)}"`);
    case 'starts-with':
      return output.trimStart().startsWith(spec.value) ? verdict(id, true, `starts with "${clip(spec.value)}"`) : verdict(id, false, `expected to start with "${clip(spec.value)}", starts with "${clip(output.trimStart(), spec.value.length + 12)}"`);
    case 'contains-any': {
      const found = spec.values.find((value) => output.includes(value));
      return found !== undefined ? verdict(id, true, `contains "${clip(found)}"`) : verdict(id, false, `none of ${list(spec.values)} found`);
    }
    case 'contains-all': {
      const missing = spec.values.filter((value) => !output.includes(value));
      return missing.length === 0 ? verdict(id, true, `contains all ${spec.values.length}`) : verdict(id, false, `${list(missing)} not found`);
    }
    case 'regex': {
      const matched = context.regex ? context.regex(spec.pattern, spec.flags) : new RegExp(spec.pattern, spec.flags).test(output);
      if (matched === null) return verdict(id, false, `matching /${clip(spec.pattern)}/ took too long and was stopped: simplify the pattern`);
      if (matched === undefined) return null;
      return matched ? verdict(id, true, `matches /${clip(spec.pattern)}/`) : verdict(id, false, `does not match /${clip(spec.pattern)}/`);
    }
    case 'max-length':
      return output.length <= spec.limit ? verdict(id, true, `${count(output.length)} characters`) : verdict(id, false, `${count(output.length)} characters, more than ${count(spec.limit)}`);
    case 'max-words': {
      const words = output.trim() === '' ? 0 : output.trim().split(/\s+/).length;
      return words <= spec.limit ? verdict(id, true, `${count(words)} ${words === 1 ? 'word' : 'words'}`) : verdict(id, false, `${count(words)} words, more than ${count(spec.limit)}`);
    }
    case 'json': {
      const parsed = context.json();
      if (!parsed.ok) return verdict(id, false, 'the output is not JSON');
      if (context.outputSchema === undefined) return verdict(id, true, 'valid JSON');
      return matchesSchema(parsed.value, context.outputSchema) ? verdict(id, true, 'valid JSON that fits the output schema') : verdict(id, false, 'JSON, but it does not fit the output schema');
    }
    case 'json-path':
      return jsonPathVerdict(id, spec, context);
    case 'similar': {
      if (spec.method === 'embedding') return null;
      const score = profileSimilarity(profileText(output), profileText(spec.value));
      const shown = score.toFixed(2);
      return score >= spec.threshold ? verdict(id, true, `similarity ${shown}`) : verdict(id, false, `similarity ${shown}, below ${spec.threshold}`);
    }
    case 'latency-ms': {
      const latency = context.sample.latencyMs;
      if (latency === null) return verdict(id, false, 'latency unknown');
      return latency <= spec.limit ? verdict(id, true, `${count(Math.round(latency))} ms`) : verdict(id, false, `took ${count(Math.round(latency))} ms, more than ${count(spec.limit)} ms`);
    }
    case 'cost-usd': {
      const cost = context.sample.costUsd;
      if (cost === null) return verdict(id, false, 'cost unknown: give the model a price in Settings to check it');
      return cost <= spec.limit ? verdict(id, true, `$${cost.toPrecision(3)}`) : verdict(id, false, `cost $${cost.toPrecision(3)}, more than $${spec.limit}`);
    }
    case 'rubric':
      return null;
  }
}

function jsonPathVerdict(id: string, spec: Extract<CheckSpec, { kind: 'json-path' }>, context: SampleContext): Verdict {
  const parsed = context.json();
  if (!parsed.ok) return verdict(id, false, `the output is not JSON, so ${spec.path} cannot be read`);
  const at = valueAtPath(parsed.value, spec.path);
  if (!at.found) return verdict(id, false, `${at.missing} is missing`);
  const got = show(at.value);
  if (Object.hasOwn(spec, 'equals') && !jsonEqual(at.value, spec.equals)) return verdict(id, false, `expected ${spec.path} = ${show(spec.equals)}, got ${got}`);
  if (spec.in && !spec.in.some((allowed) => jsonEqual(at.value, allowed))) return verdict(id, false, `expected ${spec.path} in ${list(spec.in.map(show))}, got ${got}`);
  if (spec.min !== undefined || spec.max !== undefined) {
    if (typeof at.value !== 'number') return verdict(id, false, `expected ${spec.path} to be a number, got ${got}`);
    if (spec.min !== undefined && at.value < spec.min) return verdict(id, false, `expected ${spec.path} ≥ ${spec.min}, got ${got}`);
    if (spec.max !== undefined && at.value > spec.max) return verdict(id, false, `expected ${spec.path} ≤ ${spec.max}, got ${got}`);
  }
  return verdict(id, true, `${spec.path} = ${got}`);
}

/** A module function rather than a closure per call: a re-check makes 100,000s of verdicts. */
function verdict(check: string, passed: boolean, reason: string): Verdict {
  return { check, passed, reason };
}

function show(value: unknown): string {
  return clip(typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));
}

function list(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? `"${clip(value)}"` : String(value))).join(', ');
}

function clip(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** One formatter for every count: toLocaleString builds a new one on each call, which a re-check of a whole run makes 100,000s of. */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

function count(value: number): string {
  // Below a thousand there is no separator to add, and String() is many times quicker.
  return Number.isInteger(value) && value > -1000 && value < 1000 ? String(value) : COUNT_FORMAT.format(value);
}
