// Planning and estimating a run on a real workspace (files and git), before any provider is called.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parameterRules } from '../../shared/parameterRules';
import type { ProviderKind } from '../../shared/providers';
import { RunRequest, type RunRequestInput } from '../../shared/runs';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import type { ModelProvider } from '../../electron/core/providers/provider';
import { estimateRun } from '../../electron/core/runner/runEstimate';
import { DEFAULT_CASE, planRun } from '../../electron/core/runner/runPlanner';
import { estimateTokens } from '../../electron/core/runner/tokenEstimate';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

// Planning reads only who a provider is; it never calls one.
const described = (id: string, kind: ProviderKind, label: string): ModelProvider => ({
  id,
  kind,
  label,
  rules: parameterRules[kind],
  complete: () => Promise.reject(new Error('planning must not call a provider')),
  listModels: () => Promise.reject(new Error('planning must not call a provider')),
});
const known: Record<string, ModelProvider> = {
  ollama: described('ollama', 'ollama', 'Ollama'),
  openai: described('openai', 'openai', 'OpenAI'),
  anthropic: described('anthropic', 'anthropic', 'Anthropic'),
};
const lookup = (id: string) => known[id] ?? null;

let root: string;
let core: WorkbenchCore;
const request = (input: Partial<RunRequestInput>) =>
  RunRequest.parse({ prompt: 'capital-city', models: ['openai/gpt-4o-mini'], temperatures: [0, 0.7], samples: 3, ...input });

beforeAll(async () => {
  root = makeTempDir();
  core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir, create: true });
});
afterAll(async () => {
  await core.close();
  removeDir(root);
});

describe('planRun', () => {
  it('renders every case once, from the draft, with no problems', async () => {
    const { plan, problems } = await planRun(core.workspace, request({}), lookup);
    expect(problems).toEqual([]);
    expect(plan?.commit).toBeNull();
    expect(plan?.cases.map((entry) => entry.name)).toContain('Bolivia (two capitals)');
    const bolivia = plan?.cases.find((entry) => entry.name === 'Bolivia (two capitals)');
    expect(bolivia?.messages.at(-1)?.content[0]?.text).toContain('What is the capital of Bolivia?');
  });

  it('runs a committed version: the files at that commit, not the draft', async () => {
    const file = path.join(core.workspace.promptsDir, 'capital-city.prompt');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace('What is the capital of {{country}}?', 'Capital of {{country}}, one word:'));
    try {
      const draft = await planRun(core.workspace, request({ cases: ['Japan (easy)'] }), lookup);
      const committed = await planRun(core.workspace, request({ cases: ['Japan (easy)'], ref: 'HEAD' }), lookup);
      expect(draft.plan?.cases[0]?.messages.at(-1)?.content[0]?.text).toContain('Capital of Japan, one word:');
      expect(committed.plan?.cases[0]?.messages.at(-1)?.content[0]?.text).toContain('What is the capital of Japan?');
      expect(committed.plan?.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(committed.plan?.contentHash).not.toBe(draft.plan?.contentHash);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('falls back to the input defaults when a prompt has no cases', async () => {
    fs.copyFileSync(path.join(core.workspace.promptsDir, 'capital-city.prompt'), path.join(core.workspace.promptsDir, 'no-cases.prompt'));
    const { plan, problems } = await planRun(core.workspace, request({ prompt: 'no-cases' }), lookup);
    expect(problems).toEqual([]);
    expect(plan?.cases.map((entry) => entry.name)).toEqual([DEFAULT_CASE]);
    expect(plan?.cases[0]?.messages.at(-1)?.content[0]?.text).toContain('France');
  });

  it('collects every reason the run cannot start', async () => {
    const { problems } = await planRun(
      core.workspace,
      request({ models: ['anthropic/claude-haiku-4-5', 'nowhere/model', 'no-slash'], temperatures: [0, 1.5], cases: ['Atlantis'] }),
      lookup,
    );
    expect(problems).toEqual([
      expect.stringContaining('there is no provider "nowhere"'),
      expect.stringContaining('"no-slash" is not a model id'),
      expect.stringContaining('has no case "Atlantis"'),
    ]);
  });

  it("leaves out the cells a provider cannot take, as a plan and not as a problem", async () => {
    const { plan, problems } = await planRun(core.workspace, request({ models: ['anthropic/claude-haiku-4-5', 'openai/gpt-4o-mini'], temperatures: [0, 1.2, 1.5] }), lookup);
    expect(problems).toEqual([]);
    expect(plan?.skipped).toEqual([
      { model: 'anthropic/claude-haiku-4-5', temperature: 1.2, reason: 'Anthropic takes 0–1' },
      { model: 'anthropic/claude-haiku-4-5', temperature: 1.5, reason: 'Anthropic takes 0–1' },
    ]);
  });

  it("decides on the prompt's own max tokens too", async () => {
    const file = path.join(core.workspace.promptsDir, 'long.prompt');
    fs.writeFileSync(file, '---\nmodel: openai/gpt-4o-mini\nconfig:\n  maxOutputTokens: 500000\n---\nHello\n');
    const { plan, problems } = await planRun(core.workspace, request({ prompt: 'long', models: ['openai/gpt-4o-mini', 'ollama/llama3.2'], temperatures: [0] }), lookup);
    expect(problems).toEqual([]);
    expect(plan?.skipped).toEqual([{ model: 'openai/gpt-4o-mini', temperature: 0, reason: 'OpenAI takes at most 128,000 max tokens' }]);
  });

  it('names the case whose variables are missing', async () => {
    fs.writeFileSync(path.join(core.workspace.promptsDir, 'greet.prompt'), '---\nmodel: openai/gpt-4o-mini\ninput:\n  schema:\n    name: string\n---\nHello {{name}}\n');
    fs.writeFileSync(path.join(core.workspace.promptsDir, 'greet.cases.yaml'), '- name: ok\n  input: { name: Ada }\n- name: broken\n  input: { nom: Ada }\n');
    const { plan, problems } = await planRun(core.workspace, request({ prompt: 'greet' }), lookup);
    expect(plan?.cases.map((entry) => entry.name)).toEqual(['ok']);
    expect(problems).toEqual([expect.stringMatching(/^Case "broken": The input is missing "name"/)]);
  });

  it('plans a prompt without front matter: its whole text, as the library renders it', async () => {
    fs.writeFileSync(path.join(core.workspace.promptsDir, 'plain.prompt'), 'Tell me about {{topic}}.\n\n');
    fs.writeFileSync(path.join(core.workspace.promptsDir, 'plain.cases.yaml'), '- name: owls\n  input: { topic: owls }\n');
    const { plan, problems } = await planRun(core.workspace, request({ prompt: 'plain' }), lookup);
    expect(problems).toEqual([]);
    expect(plan?.cases[0]?.messages).toEqual([{ role: 'user', content: [{ text: 'Tell me about owls.\n\n' }] }]);
  });

  it('refuses to run a prompt that renders no message, saying what to write', async () => {
    fs.writeFileSync(path.join(core.workspace.promptsDir, 'settings-only.prompt'), '---\nmodel: openai/gpt-4o-mini\n---\n');
    const { plan, problems } = await planRun(core.workspace, request({ prompt: 'settings-only' }), lookup);
    expect(plan).toBeNull();
    expect(problems).toEqual([expect.stringMatching(/settings-only\.prompt renders no message.*Write the prompt/)]);
  });

  it('passes a declared output schema on as JSON Schema', async () => {
    const { plan } = await planRun(core.workspace, request({ prompt: 'ticket-triage' }), lookup);
    expect(plan?.output).toMatchObject({ format: 'json', schema: { type: 'object', properties: { intent: { enum: ['billing', 'bug', 'account', 'feature_request', 'other'] }, confidence: { type: 'number' } } } });
  });
});

describe('estimateRun', () => {
  it('counts calls, tokens and cost, and flags runs above the threshold', async () => {
    const runRequest = request({ models: ['openai/gpt-4o-mini', 'ollama/llama3.2', 'openai/unknown-model'], samples: 10, maxTokens: 100 });
    const { plan, problems } = await planRun(core.workspace, runRequest, lookup);
    const cases = plan?.cases.length ?? 0;
    const context = { pricing: [], thresholdUsd: 0.0001, pastOutputTokens: () => null };
    const estimate = estimateRun(runRequest, plan, problems, context);
    expect(estimate.calls).toBe(3 * 2 * cases * 10);
    expect(estimate.cells).toBe(3 * 2 * cases);
    expect(estimate.perModel[0]?.outputTokens).toBe(50 * 2 * cases * 10);
    expect(estimate.inputTokens).toBeGreaterThan(estimate.calls * 20);
    expect(estimate.unpricedModels).toEqual(['openai/unknown-model']);
    expect(estimate.perModel[1]?.costUsd).toBe(0);
    expect(estimate.costUsd).toBeCloseTo(estimate.perModel[0]?.costUsd ?? NaN);
    expect(estimate.needsConfirmation).toBe(true);
    const generous = estimateRun(runRequest, plan, problems, { ...context, thresholdUsd: 100, pastOutputTokens: () => 7 });
    expect(generous.needsConfirmation).toBe(false);
    expect(generous.perModel[0]?.outputTokens).toBe(7 * 2 * cases * 10);
  });

  it('estimates every message of every case, plus the chat framing per message', async () => {
    const runRequest = request({ temperatures: [0], samples: 1 });
    const { plan, problems } = await planRun(core.workspace, runRequest, lookup);
    const estimate = estimateRun(runRequest, plan, problems, { pricing: [], thresholdUsd: 100, pastOutputTokens: () => null });
    const messages = plan?.cases.flatMap((entry) => entry.messages) ?? [];
    const texts = messages.flatMap((message) => message.content.flatMap((part) => (part.text ? [part.text] : [])));
    expect(texts.length).toBeGreaterThan(new Set(texts).size); // the cases share text, and each case pays for it
    // 3 per request and 4 per message around the text, as in OpenAI's counting guide.
    const expected = (plan?.cases.length ?? 0) * 3 + messages.length * 4 + texts.reduce((sum, text) => sum + estimateTokens(text), 0);
    expect(estimate.inputTokens).toBe(expected);
  });
});
