// A plain Node application calling an approved prompt through the package export, as a user's
// application would: `import … from 'prompt-workbench/tasks'`, resolved by Node (and by TypeScript)
// through package.json "exports". test/integration/tasksApp.test.ts generates generated/prompts.d.ts
// with `workbench types`, type-checks this file against it, then runs it against the fake providers.
import { createRequire } from 'node:module';
import { openTasks, TaskOutputError } from 'prompt-workbench/tasks';

type Intent = 'billing' | 'bug' | 'account' | 'feature_request' | 'other';

const workspace = process.argv[2];
if (!workspace) throw new Error('usage: app.ts WORKSPACE');

const tasks = await openTasks({ workspace });
const triage = tasks.get('ticket-triage');
const result = await triage({ subject: 'Charged twice', body: 'Please refund one of the charges.' });
// The output's type comes from the prompt's output schema: these lines compile only with the generated types.
const intent: Intent = result.output.intent;
const escalate: boolean = result.output.escalate;

// Wrong inputs and unknown prompts do not compile.
// @ts-expect-error subject must be a string
void (() => tasks.run('ticket-triage', { subject: 42, body: 'x' }));
// @ts-expect-error there is no such prompt
void (() => tasks.run('no-such-prompt', {}));

let schemaFailure: string | null = null;
try {
  await tasks.run('ticket-triage', { subject: 'x', body: 'y' }, { version: 'v1', schemaRetries: 0 });
} catch (error) {
  if (!(error instanceof TaskOutputError)) throw error;
  schemaFailure = error.rawOutput;
}

// Without record: true the runtime never loads SQLite (better-sqlite3 would be in the CommonJS cache).
const loadedSqlite = Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('better-sqlite3'));
console.log(JSON.stringify({ intent, escalate, version: result.version, model: result.model, schemaFailure, loadedSqlite }));
await tasks.close();
