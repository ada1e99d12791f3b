import { describe, expect, it } from 'vitest';
import { approvalMessage, formatTrailers, parseApproval, type ApprovalEvidence } from './approvalTrailers';

const evidence: ApprovalEvidence = {
  runId: '0mhx3k2a1b2c3d4e5',
  models: ['ollama/llama3.2', 'openai/gpt-4o-mini'],
  temperatures: [0, 0.7, 1.2],
  samples: 120,
  rating: 3.85,
  rated: 40,
  consistency: 0.87,
};

describe('formatTrailers', () => {
  it('writes the six keys in order, lists comma-separated, rating with its n, two decimals', () => {
    expect(formatTrailers({ ...evidence, rating: 3.8512, consistency: 0.8666 })).toBe(
      [
        'Workbench-Run: 0mhx3k2a1b2c3d4e5',
        'Workbench-Models: ollama/llama3.2, openai/gpt-4o-mini',
        'Workbench-Temperatures: 0, 0.7, 1.2',
        'Workbench-Samples: 120',
        'Workbench-Rating: 3.85 (n=40)',
        'Workbench-Consistency: 0.87',
      ].join('\n'),
    );
  });

  it('says none when nothing was rated or nothing succeeded', () => {
    const text = formatTrailers({ ...evidence, rating: null, rated: 0, consistency: null });
    expect(text).toContain('Workbench-Rating: none (n=0)\n');
    expect(text.endsWith('Workbench-Consistency: none')).toBe(true);
  });
});

describe('approvalMessage and parseApproval', () => {
  it('puts the trailers after a blank line and reads them back', () => {
    const message = approvalMessage('  Shorter answers\n\nPeople asked for them.  ', evidence);
    expect(message).toBe(`Shorter answers\n\nPeople asked for them.\n\n${formatTrailers(evidence)}\n`);
    expect(parseApproval(message)).toEqual(evidence);
  });

  it('round-trips odd values: commas, percent signs, newlines and non-ASCII in model ids, fractional temperatures', () => {
    const odd: ApprovalEvidence = {
      runId: 'run,with%odd\nid',
      models: ['compat/my,model', 'ollama/llama3.2:8b-instruct-q4_K_M', 'x/100%25', 'weird/line\nbreak', 'ünïcode/模型'],
      temperatures: [0, 0.35, 2],
      samples: 0,
      rating: 1,
      rated: 1,
      consistency: 0,
    };
    const message = approvalMessage('Odd', odd);
    // Every trailer stays on one line.
    expect(message.trim().split('\n')).toHaveLength(8);
    expect(message).toContain('Workbench-Models: compat/my%2Cmodel, ollama/llama3.2:8b-instruct-q4_K_M, x/100%2525, weird/line%0Abreak, ünïcode/模型\n');
    expect(parseApproval(message)).toEqual(odd);
  });

  it('rounds what it writes: the evidence read back is what the commit says', () => {
    const parsed = parseApproval(approvalMessage('x', { ...evidence, rating: 4.666666, consistency: 0.123456 }));
    expect(parsed).toMatchObject({ rating: 4.67, consistency: 0.12 });
  });

  it('joins a trailer block the message already ends with, as git reads only the last paragraph', () => {
    const message = approvalMessage('Fix wording\n\nSigned-off-by: Ada <ada@example.com>', evidence);
    expect(message).toBe(`Fix wording\n\nSigned-off-by: Ada <ada@example.com>\n${formatTrailers(evidence)}\n`);
    expect(parseApproval(message)).toEqual(evidence);
    // A subject that looks like a trailer is still a subject.
    expect(approvalMessage('Fix: typo', evidence)).toBe(`Fix: typo\n\n${formatTrailers(evidence)}\n`);
  });

  it('reads keys case-insensitively, values folded over lines, CRLF, and the last of a repeated key', () => {
    const message =
      'Subject\r\n\r\nworkbench-run: first\r\nWORKBENCH-RUN: r9\r\nWorkbench-Models: a/b,\r\n  c/d\r\nWorkbench-Temperatures:0.5\r\nWorkbench-Samples: 7\r\nWorkbench-Rating: 2.50 (n=2)\r\nWorkbench-Consistency: 1.00\r\n';
    expect(parseApproval(message)).toEqual({ runId: 'r9', models: ['a/b', 'c/d'], temperatures: [0.5], samples: 7, rating: 2.5, rated: 2, consistency: 1 });
  });

  it('is null without a Workbench-Run trailer in the last paragraph', () => {
    expect(parseApproval('Plain commit')).toBeNull();
    expect(parseApproval('Subject\n\nSigned-off-by: Ada <ada@example.com>')).toBeNull();
    expect(parseApproval('Workbench-Run: subject only')).toBeNull();
    expect(parseApproval('Subject\n\nWorkbench-Run: r1\n\nA later paragraph of prose.')).toBeNull();
  });

  it('keeps what it can of damaged trailers instead of failing the whole history', () => {
    expect(parseApproval('S\n\nWorkbench-Run: r1\nWorkbench-Samples: many\nWorkbench-Rating: great')).toEqual({
      runId: 'r1',
      models: [],
      temperatures: [],
      samples: 0,
      rating: null,
      rated: 0,
      consistency: null,
    });
  });
});

describe('the pass rate trailer', () => {
  const checked: ApprovalEvidence = { ...evidence, passRate: { rate: 0.93, low: 0.8846, high: 0.9585, n: 200 } };

  it('follows the others when the prompt has checks: rate, Wilson bounds and n, two decimals', () => {
    const text = formatTrailers(checked);
    expect(text.split('\n')).toHaveLength(7);
    expect(text.endsWith('Workbench-Consistency: 0.87\nWorkbench-Pass-Rate: 0.93 [0.88, 0.96] (n=200)')).toBe(true);
    expect(formatTrailers({ ...evidence, passRate: { rate: null, low: 0, high: 1, n: 0 } }).endsWith('Workbench-Pass-Rate: none (n=0)')).toBe(true);
  });

  it('is left out when the prompt has no checks', () => {
    expect(formatTrailers(evidence)).not.toContain('Pass-Rate');
  });

  it('reads back as written (rounded to two decimals), and absent stays absent', () => {
    expect(parseApproval(approvalMessage('Approve', checked))).toEqual({ ...checked, passRate: { rate: 0.93, low: 0.88, high: 0.96, n: 200 } });
    expect(parseApproval(approvalMessage('Approve', evidence))).not.toHaveProperty('passRate');
    expect(parseApproval(approvalMessage('Approve', { ...evidence, passRate: { rate: null, low: 0, high: 1, n: 0 } }))?.passRate).toEqual({ rate: null, low: 0, high: 1, n: 0 });
  });

  it('drops a damaged pass rate and keeps the rest', () => {
    const message = approvalMessage('Approve', evidence);
    for (const damaged of ['great', '1.5 [0.9, 1] (n=3)', '0.5 (n=3)', '0.5 [0.2, 0.8]']) {
      expect(parseApproval(`${message}Workbench-Pass-Rate: ${damaged}\n`)).toEqual(evidence);
    }
  });
});
