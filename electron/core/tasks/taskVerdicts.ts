// The prompt's own checks (`metadata.workbench.checks`, those that apply to every output) on one
// task call's answer, for a recorded call: the same verdicts a run's sample gets. A call has no
// case, so case checks do not apply; rubric checks need a judge and are left undecided.
import { evaluateCheck, sampleContext } from '../../../shared/checks/evaluateCheck';
import type { CheckSpec } from '../../../shared/checks/checkTypes';
import { matchInSandbox } from '../checks/regexSandbox';
import { readPromptChecks } from '../checks/promptChecks';
import { promptFilePaths } from '../workspace/promptLibrary';
import type { TaskCallRecord } from '../store/taskCallStore';
import type { PreparedTask } from './taskCall';
import type { TaskVersion } from './taskVersion';

export type TaskVerdicts = NonNullable<TaskCallRecord['verdicts']>;

/** null when the prompt has no checks for every output (or no answer came). */
export async function taskVerdicts(
  name: string,
  version: TaskVersion,
  task: PreparedTask,
  answer: { output: string; latencyMs: number; costUsd: number | null },
): Promise<TaskVerdicts | null> {
  const files = promptFilePaths(name);
  const prompt = readPromptChecks({ promptFile: files.prompt, source: version.source, casesFile: files.cases, casesSource: version.casesSource ?? undefined, outputSchema: task.parsed.outputSchema });
  const checks = prompt.checks.filter((check) => check.case === null);
  if (checks.length === 0) return null;
  // Patterns come from the workspace: matched in the sandbox, where a runaway one is stopped.
  const regex = new Map<string, boolean | null>();
  for (const check of checks) {
    const spec = prompt.specs.get(check.id) as CheckSpec;
    if (spec.kind !== 'regex') continue;
    const matched = await matchInSandbox(spec.pattern, spec.flags, [answer.output]);
    regex.set(`${spec.flags}/${spec.pattern}`, matched === null ? null : (matched[0] ?? false));
  }
  const context = sampleContext({ status: 'ok', output: answer.output, latencyMs: answer.latencyMs, costUsd: answer.costUsd, error: null }, task.outputSchema, (pattern, flags) => regex.get(`${flags}/${pattern}`));
  return checks.map((check) => {
    const verdict = evaluateCheck(check.id, prompt.specs.get(check.id) as CheckSpec, context);
    return { check: check.label, passed: verdict?.passed ?? null, reason: verdict?.reason ?? 'needs a judge (rubric checks are not judged on task calls)' };
  });
}
