// What "New prompt → Blank" starts from: small, valid, and showing every part of the format.
export function blankPrompt(): string {
  return `---
description: What this prompt does, in one line.
model: ollama/llama3.2
config:
  temperature: 0.7
input:
  schema:
    question: string
metadata:
  workbench:
    models: [ollama/llama3.2]
    temperatures: [0, 0.7, 1.2]
    samples: 10
---
{{role "system"}}
You are a helpful assistant. Answer briefly.
{{role "user"}}
{{question}}
`;
}

export function blankCases(): string {
  return `- name: first case
  input:
    question: What is a prompt?
`;
}
