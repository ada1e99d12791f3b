// A prompt's checks, read from its two files: prompt-wide ones under `metadata.workbench.checks` in
// the front matter (Dotprompt lets tools keep their own settings under metadata, so the file stays
// valid Dotprompt), and each case's under its `expect:` in the cases file. A check that cannot be
// read is a problem with its file and line, and is left out; the others still apply.
import { createHash } from 'node:crypto';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { readCheck } from '../../../shared/checks/checkDefinition';
import type { Check, CheckSpec } from '../../../shared/checks/checkTypes';
import { describeCheck } from '../../../shared/checks/describeCheck';
import type { Problem } from '../../../shared/prompts';
import { MAX_YAML_ALIASES } from '../workspace/fileLimits';
import { splitFrontMatter } from '../workspace/frontMatter';

export interface PromptChecks {
  checks: Check[];
  /** Each check's normalised definition, by id. */
  specs: Map<string, CheckSpec>;
  problems: Problem[];
  /** The prompt's output schema, which `json` checks hold outputs to. */
  outputSchema: unknown;
  /** Changes whenever a check or the output schema changes. */
  hash: string;
}

export interface PromptCheckFiles {
  promptFile: string;
  source: string;
  casesFile: string;
  casesSource: string | undefined;
  outputSchema: unknown;
}

export function readPromptChecks(files: PromptCheckFiles): PromptChecks {
  const checks: Check[] = [];
  const specs = new Map<string, CheckSpec>();
  const problems: Problem[] = [];
  const add = (raw: Node | unknown, doc: Document.Parsed, where: Where, index: number, caseName: string | null) => {
    const value = isNode(raw) ? raw.toJS(doc, { maxAliasCount: MAX_YAML_ALIASES }) : raw;
    const read = readCheck(value);
    // Where the check starts, so an editor can underline it rather than the whole line.
    const position = isNode(raw) && raw.range ? where.lines.linePos(raw.range[0]) : undefined;
    const at = position ? { line: position.line + where.offset, column: position.col } : {};
    if (!read.ok) {
      problems.push({ file: where.file, ...at, message: `${caseName === null ? 'Prompt check' : `Case "${caseName}", check`} ${index + 1}: ${read.message}` });
      return;
    }
    const id = caseName === null ? `prompt#${index + 1}` : `case:${caseName}#${index + 1}`;
    checks.push({ id, label: read.name ?? describeCheck(read.spec), kind: read.spec.kind, case: caseName, spec: read.spec as unknown as Record<string, unknown> });
    specs.set(id, read.spec);
  };

  const split = splitFrontMatter(files.source);
  if (split) {
    const lines = new LineCounter();
    const doc = parseDocument(split.yaml, { lineCounter: lines });
    const node = doc.errors.length === 0 ? safeGetIn(doc, ['metadata', 'workbench', 'checks']) : undefined;
    const where = { file: files.promptFile, lines, offset: split.yamlLine - 1 };
    if (node !== undefined && node !== null) {
      if (!isSeq(node)) problems.push({ file: files.promptFile, line: lineOf(node, where), message: '`metadata.workbench.checks` must be a list of checks, each starting with its kind, for example `- max-words: 1`.' });
      else node.items.forEach((item, index) => add(item, doc, where, index, null));
    }
  }

  if (files.casesSource !== undefined && files.casesSource.trim() !== '') {
    const lines = new LineCounter();
    const doc = parseDocument(files.casesSource, { lineCounter: lines });
    const where = { file: files.casesFile, lines, offset: 0 };
    // Errors in the file itself are reported by the cases reader; only checks are looked at here.
    if (doc.errors.length === 0 && isSeq(doc.contents)) {
      for (const entry of doc.contents.items) {
        if (!isMap(entry)) continue;
        const name = entry.get('name', true);
        const expect = entry.get('expect', true);
        if (!isScalar(name) || expect === undefined || expect === null) continue;
        const caseName = String(name.value);
        if (!isSeq(expect)) {
          problems.push({ file: files.casesFile, line: lineOf(expect, where), message: `Case "${caseName}": \`expect\` must be a list of checks, each starting with its kind, for example \`- contains: reset\`.` });
          continue;
        }
        expect.items.forEach((item, index) => add(item, doc, where, index, caseName));
      }
    }
  }

  const hash = createHash('sha256').update(JSON.stringify([checks.map((check) => [check.id, check.spec]), files.outputSchema ?? null])).digest('hex').slice(0, 16);
  return { checks, specs, problems, outputSchema: files.outputSchema, hash };
}

interface Where {
  file: string;
  lines: LineCounter;
  offset: number;
}

function safeGetIn(doc: Document.Parsed, path: string[]): unknown {
  try {
    return doc.getIn(path, true);
  } catch {
    return undefined;
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && typeof (value as Node).toJS === 'function';
}

function lineOf(value: unknown, where: Where): number | undefined {
  return isNode(value) && value.range ? where.lines.linePos(value.range[0]).line + where.offset : undefined;
}
