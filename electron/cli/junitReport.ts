// The JUnit XML that CI systems show as test results: a testsuite per prompt, a testcase per cell
// (classname = prompt, name = "model @ temperature / case"), and a <failure> on each cell below the
// gate carrying every failing sample's reasons. Reasons quote model output, which may hold any
// character: text is escaped, and characters XML 1.0 cannot carry at all are replaced.
import { formatPassRate } from '../../shared/checks/passRate';
import type { Problem } from '../../shared/prompts';
import { failureLines, percentOf, type GateResult, type GateRule } from './checkGate';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for element content and quoted attributes alike. */
export function escapeXml(text: string): string {
  return (
    text
      // Not allowed anywhere in XML 1.0, not even as a character reference: control characters
      // other than tab and line breaks, lone surrogate halves, U+FFFE and U+FFFF. Matching them is the point.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/[&<>"']/g, (char) => ESCAPES[char] as string)
  );
}

export function junitReport(results: readonly GateResult[], rule: GateRule): string {
  const suites = results.map((result) => suite(result, rule));
  const tests = results.reduce((sum, result) => sum + testCount(result), 0);
  const failures = results.reduce((sum, result) => sum + failureCount(result), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="workbench test" tests="${tests}" failures="${failures}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** Cells, plus a testcase for the check definitions when some could not be read, and one for a run cut short. */
function extraFailures(result: GateResult): number {
  return (result.checks.problems.length > 0 ? 1 : 0) + (result.unfinished ? 1 : 0);
}

function testCount(result: GateResult): number {
  return result.cells.length + extraFailures(result);
}

function failureCount(result: GateResult): number {
  return result.cells.filter((cell) => !cell.passed).length + extraFailures(result);
}

function suite(result: GateResult, rule: GateRule): string {
  const prompt = escapeXml(result.prompt);
  const labels = new Map(result.checks.checks.map((check) => [check.id, check.label]));
  const measure = rule.confident ? "the 95% interval's lower bound" : 'the pass rate';
  const cases = result.cells.map(({ cell, passed, failures }) => {
    const name = escapeXml(`${cell.model} @ ${cell.temperature} / ${cell.case}`);
    const open = `    <testcase classname="${prompt}" name="${name}" time="0">`;
    const output = `      <system-out>${escapeXml(formatPassRate(cell))} · ${escapeXml(cell.label)}</system-out>`;
    if (passed) return [open, output, '    </testcase>'].join('\n');
    const message = `${cell.passed}/${cell.total} passed; ${measure} is below ${percentOf(rule.threshold)}`;
    const lines = failures.map((failure) => `sample ${failure.sampleId}: ${failureLines(failure, labels).join('; ')}`);
    return [open, `      <failure message="${escapeXml(message)}" type="below gate">${escapeXml(lines.join('\n'))}</failure>`, output, '    </testcase>'].join('\n');
  });
  if (result.checks.problems.length > 0) {
    const text = result.checks.problems.map(problemLine).join('\n');
    cases.push(
      [
        `    <testcase classname="${prompt}" name="check definitions" time="0">`,
        `      <failure message="${escapeXml('checks that could not be read are left out')}" type="check definition">${escapeXml(text)}</failure>`,
        '    </testcase>',
      ].join('\n'),
    );
  }
  if (result.unfinished) {
    cases.push(
      [
        `    <testcase classname="${prompt}" name="run finished" time="0">`,
        `      <failure message="${escapeXml(result.unfinished)}" type="run unfinished"></failure>`,
        '    </testcase>',
      ].join('\n'),
    );
  }
  return [`  <testsuite name="${prompt}" tests="${testCount(result)}" failures="${failureCount(result)}">`, ...cases, '  </testsuite>'].join('\n');
}

/** "prompts/x.cases.yaml:12: Case "a", check 2: …", as compilers print them. */
export function problemLine(problem: Problem): string {
  return `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`;
}
