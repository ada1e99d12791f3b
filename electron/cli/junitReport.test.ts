// JUnit XML carries model output in its failure reasons: every character must come out as XML a CI
// system can parse, whatever the model wrote.
import { describe, expect, it } from 'vitest';
import { passRate } from '../../shared/checks/passRate';
import type { RunChecks } from '../../shared/checks/runChecks';
import { assertWellFormed } from '../../test/support/xmlCheck';
import type { GateResult } from './checkGate';
import { escapeXml, junitReport } from './junitReport';

describe('escapeXml', () => {
  it('escapes markup characters and replaces those XML 1.0 cannot carry, keeping tabs, line breaks and emoji', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(escapeXml('lone \uD800 high, lone \uDC00 low')).toBe('lone \uFFFD high, lone \uFFFD low');
    expect(escapeXml('tab\tline\nreturn\r 😀')).toBe('tab\tline\nreturn\r 😀');
  });
});

describe('junitReport', () => {
  it('is well-formed with a failure per cell below the gate, whatever the reasons hold', () => {
    const reason = 'expected "Paris", got "<script>\u0007\uD83D"';
    const cell = { model: 'openai/gpt-4o-mini', temperature: 0.7, case: 'a & "b"', ...passRate(1, 2), callFailures: 0, undecided: 0 };
    const checks = {
      checks: [{ id: 'case:a#1', label: 'equals "Paris"', kind: 'equals', case: 'a & "b"', spec: {} }],
      problems: [{ file: 'prompts/p.cases.yaml', line: 4, message: 'Case "x", check 1: <bad>' }],
    } as unknown as RunChecks;
    const failure = { sampleId: 's1', passed: false, callFailed: false, failed: [{ check: 'case:a#1', reason }], undecided: [] };
    const result: GateResult = { prompt: 'p<1>', runId: 'r', checks, cells: [{ cell, passed: false, failures: [failure] }], passed: false, reasons: ['x'], unfinished: null, uncheckedCases: [] };
    const xml = junitReport([result], { threshold: 0.9, confident: false });
    assertWellFormed(xml.slice(xml.indexOf('\n') + 1));
    expect(xml).toContain('<testsuites name="workbench test" tests="2" failures="2">');
    expect(xml).toContain('<testcase classname="p&lt;1&gt;" name="openai/gpt-4o-mini @ 0.7 / a &amp; &quot;b&quot;" time="0">');
    expect(xml).toContain('sample s1: equals &quot;Paris&quot;: expected &quot;Paris&quot;, got &quot;&lt;script&gt;\uFFFD\uFFFD&quot;</failure>');
    expect(xml).toContain('prompts/p.cases.yaml:4: Case &quot;x&quot;, check 1: &lt;bad&gt;');
  });
});
