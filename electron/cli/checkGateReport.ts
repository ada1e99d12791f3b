// What `workbench test` prints for one prompt's run: a row per cell with its pass rate and 95%
// interval, why the cells below the gate failed (their most common reasons), the run's overall
// line and the gate's verdict; or, for scripts, one JSON object.
import { formatPassRate, percent } from '../../shared/checks/passRate';
import { failureLines, percentOf, type GateResult, type GateRule } from './checkGate';
import { textTable } from './textTable';

/** Reasons shown per failing cell in the table; the JUnit report carries every one. */
const REASONS_PER_CELL = 3;

export interface GateJson {
  runId: string;
  gate: { threshold: number; passed: boolean };
  cells: { model: string; temperature: number; case: string; passed: number; total: number; passRate: number | null; low: number; high: number; label: string }[];
}

export function gateJson(result: GateResult, rule: GateRule): GateJson {
  return {
    runId: result.runId,
    gate: { threshold: rule.threshold, passed: result.passed },
    cells: result.cells.map(({ cell }) => ({
      model: cell.model,
      temperature: cell.temperature,
      case: cell.case,
      passed: cell.passed,
      total: cell.total,
      passRate: cell.rate,
      low: cell.low,
      high: cell.high,
      label: cell.label,
    })),
  };
}

export function gateTable(result: GateResult, rule: GateRule): string {
  const { checks } = result;
  const passN = checks.overall.passN.n;
  const header = ['MODEL', 'TEMP', 'CASE', 'PASSED', 'RATE', '95% INTERVAL', `PASS^${passN}`, 'LABEL', 'GATE'];
  const rows = result.cells.map(({ cell, passed }) => [
    cell.model,
    String(cell.temperature),
    cell.case,
    `${cell.passed}/${cell.total}`,
    cell.rate === null ? '–' : percent(cell.rate),
    cell.rate === null ? '–' : `[${percent(cell.low)}, ${percent(cell.high)}]`,
    cell.passN.estimate === null ? '–' : percent(cell.passN.estimate),
    cell.label,
    passed ? 'ok' : 'BELOW',
  ]);
  const lines = [`${result.prompt} · run ${result.runId}`, textTable([header, ...rows], new Set([1, 3, 4, 6]))];

  const labels = new Map(checks.checks.map((check) => [check.id, check.label]));
  const failing = result.cells.filter((cell) => !cell.passed && cell.failures.length > 0);
  if (failing.length > 0) lines.push('', 'Why cells are below the gate:');
  for (const { cell, failures } of failing) {
    lines.push(`  ${cell.model} @ ${cell.temperature} / ${cell.case}:`);
    const counts = new Map<string, number>();
    for (const failure of failures) for (const line of failureLines(failure, labels)) counts.set(line, (counts.get(line) ?? 0) + 1);
    const common = [...counts].sort((a, b) => b[1] - a[1]);
    for (const [line, count] of common.slice(0, REASONS_PER_CELL)) lines.push(`    ${count}× ${line}`);
    if (common.length > REASONS_PER_CELL) lines.push(`    … and ${common.length - REASONS_PER_CELL} other reasons (--junit FILE lists every sample)`);
  }

  const undecided = result.cells.reduce((sum, { cell }) => sum + cell.undecided, 0);
  if (undecided > 0) lines.push('', `${undecided} samples are not counted: a check on them waits for a judge (rubric, embedding similarity), which \`workbench test\` does not call.`);
  const unchecked = result.uncheckedCases;
  if (unchecked.length > 0) {
    lines.push('', `No check applies to ${unchecked.map((name) => `"${name}"`).join(', ')}: ${unchecked.length === 1 ? 'its' : 'their'} samples are not counted. Add checks under the case's \`expect:\`, or for every case under \`metadata.workbench.checks\`.`);
  }

  const overall = checks.overall;
  const passNLine = overall.passN.estimate === null ? '' : ` · pass^${passN} ${percent(overall.passN.estimate)} [${percent(overall.passN.low)}, ${percent(overall.passN.high)}]`;
  lines.push('', `overall: ${formatPassRate(overall)}${passNLine} · ${checks.checks.length} checks`);
  lines.push(verdictLine(result, rule));
  return lines.join('\n');
}

function verdictLine(result: GateResult, rule: GateRule): string {
  const measure = rule.confident ? "every cell's 95% lower bound" : "every cell's pass rate";
  if (result.passed) return `gate: PASS (${measure} ≥ ${percentOf(rule.threshold)})`;
  return `gate: FAIL (${result.reasons.join('; ')})`;
}
