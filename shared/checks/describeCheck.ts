// How a check without a name is shown: the CLI, the review grid and the Cases tab's checks editor.
import type { CheckSpec } from './checkTypes';

/** A short description of a check without a name, as the CLI and the grid show it. */
export function describeCheck(spec: CheckSpec): string {
  const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
  switch (spec.kind) {
    case 'equals':
    case 'contains':
    case 'icontains':
    case 'not-contains':
    case 'starts-with':
      return `${spec.kind} ${quote(spec.value)}`;
    case 'contains-any':
    case 'contains-all':
      return `${spec.kind} ${spec.values.map(quote).join(', ')}`;
    case 'regex':
      return `regex /${spec.pattern}/${spec.flags}`;
    case 'max-length':
    case 'max-words':
    case 'latency-ms':
    case 'cost-usd':
      return `${spec.kind} ${spec.limit}`;
    case 'json':
      return 'json';
    case 'json-path': {
      const parts = [
        ...(Object.hasOwn(spec, 'equals') ? [`= ${JSON.stringify(spec.equals)}`] : []),
        ...(spec.in ? [`in ${JSON.stringify(spec.in)}`] : []),
        ...(spec.min !== undefined ? [`≥ ${spec.min}`] : []),
        ...(spec.max !== undefined ? [`≤ ${spec.max}`] : []),
      ];
      return `${spec.path} ${parts.join(', ')}`;
    }
    case 'similar':
      return `similar to ${quote(spec.value)} ≥ ${spec.threshold}`;
    case 'rubric':
      return `rubric ${quote(spec.rubric)}`;
  }
}
