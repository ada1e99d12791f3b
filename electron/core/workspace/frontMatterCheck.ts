// Checks on the front matter beyond "is it YAML": keys Dotprompt does not know (usually typos),
// and model ids that name no provider. Each problem points at its line in the file.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { BUILT_IN_PROVIDERS, splitModelId } from '../../../shared/models';
import type { Problem } from '../../../shared/prompts';

/** Dotprompt's reserved keys plus `metadata` (where the workbench keeps its sweep settings). */
const KNOWN_KEYS = new Set(['config', 'description', 'ext', 'input', 'model', 'name', 'output', 'raw', 'toolDefs', 'tools', 'variant', 'version', 'metadata']);

/** `yamlLine`: the file's line where the YAML starts. */
export function frontMatterProblems(file: string, yamlText: string, yamlLine: number, providers: readonly string[] = BUILT_IN_PROVIDERS): Problem[] {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const at = (node: Node | null | undefined) => {
    const position = lines.linePos(node?.range?.[0] ?? 0);
    return { line: position.line + yamlLine - 1, column: position.col };
  };
  const problems: Problem[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || KNOWN_KEYS.has(key) || key.includes('.')) continue;
    const hint = closestKey(key);
    problems.push({ file, ...at(pair.key as Node), message: `Unknown front-matter key "${key}".${hint ? ` Did you mean "${hint}"?` : ''}` });
  }
  const modelNodes: Node[] = [];
  const model = doc.contents.get('model', true);
  if (isScalar(model)) modelNodes.push(model);
  const sweepModels = doc.getIn(['metadata', 'workbench', 'models'], true);
  if (isSeq(sweepModels)) for (const item of sweepModels.items) if (isScalar(item)) modelNodes.push(item);
  for (const node of modelNodes) {
    if (!isScalar(node)) continue;
    const message = modelIdProblem(String(node.value), providers);
    if (message) problems.push({ file, ...at(node), message });
  }
  return problems;
}

function modelIdProblem(id: string, providers: readonly string[]): string | undefined {
  const parts = splitModelId(id);
  const known = providers.map((p) => `${p}/…`).join(', ');
  if (!parts) return `Model "${id}" should be written provider/model, e.g. ollama/llama3.2 (providers: ${known}).`;
  if (!providers.includes(parts.provider)) return `Unknown model provider "${parts.provider}" in "${id}". Use one of ${known}.`;
  return undefined;
}

function closestKey(key: string): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of KNOWN_KEYS) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}
