// What a model is asked when drafting cases: the template (so the cases suit what it does), the
// input schema as JSON Schema, the existing cases as examples to vary from, and an answer shape
// the provider can enforce (`output.format: json` with a schema).
import type { PromptCase } from '../../../shared/prompts';
import type { CompletionRequest } from '../providers/provider';

/** In every draft-cases system prompt; tests' fake providers find these requests by it. */
export const DRAFT_CASES_MARKER = 'workbench-draft-cases/1';

/** The examples shown at most: enough for the style, without paying for a long file every time. */
const MAX_EXAMPLES = 20;
/** Room for about twenty cases of a few hundred characters each. */
const DRAFT_MAX_TOKENS = 4096;
/** Variety matters more than the single likeliest case. */
const DRAFT_TEMPERATURE = 0.9;

export interface DraftCasesPrompt {
  template: string;
  /** The input schema converted to JSON Schema; undefined when the prompt declares none. */
  inputSchema: Record<string, unknown> | undefined;
  cases: readonly PromptCase[];
  count: number;
}

export function answerSchema(inputSchema: Record<string, unknown> | undefined, count: number): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      cases: {
        type: 'array',
        minItems: count,
        maxItems: count,
        items: {
          type: 'object',
          properties: { name: { type: 'string' }, input: inputSchema ?? { type: 'object' } },
          required: ['name', 'input'],
        },
      },
    },
    required: ['cases'],
  };
}

export function draftCasesRequest(model: string, prompt: DraftCasesPrompt): CompletionRequest {
  const schema = prompt.inputSchema ? JSON.stringify(prompt.inputSchema, null, 2) : '(none declared: use the variables the template uses)';
  const system = [
    `You write test cases for a prompt template. (${DRAFT_CASES_MARKER})`,
    'A case is a short name and the input: a value for each of the template\'s variables.',
    `Each input must fit this JSON Schema:\n${schema}`,
    `Write exactly ${prompt.count} new ${prompt.count === 1 ? 'case' : 'cases'} that differ from each other and from the existing ones: ordinary ones, edge cases and hard ones a careful tester would try.`,
    'Names are a few lowercase words saying what the case tests, each different from every existing name.',
    'Answer with only this JSON object and nothing else:',
    '{"cases": [{"name": "…", "input": {…}}]}',
  ].join('\n');
  const examples = prompt.cases.slice(0, MAX_EXAMPLES).map((entry) => ({ name: entry.name, input: entry.input }));
  const user = [
    `The template:\n<template>\n${prompt.template}\n</template>`,
    examples.length > 0 ? `The existing cases, as examples (do not repeat them):\n${JSON.stringify(examples, null, 2)}` : 'There are no cases yet.',
    `Write ${prompt.count} new ${prompt.count === 1 ? 'case' : 'cases'}.`,
  ].join('\n\n');
  return {
    model,
    messages: [
      { role: 'system', content: [{ text: system }] },
      { role: 'user', content: [{ text: user }] },
    ],
    temperature: DRAFT_TEMPERATURE,
    maxTokens: DRAFT_MAX_TOKENS,
    output: { format: 'json', schema: answerSchema(prompt.inputSchema, prompt.count) },
    stream: false,
  };
}
