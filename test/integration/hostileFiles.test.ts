// A workspace as a cloned repository written by someone else may be: links out of prompts/, names
// that climb out of it, alias bombs, huge files and templates that never finish. Real files and
// links on disk, the real core, the real `workbench` command and `workbench serve`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { renderInSandbox } from '../../electron/core/workspace/templateSandbox';
import { callApi } from '../support/serveApi';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, serveWorkbench, starterDir } from '../support/workbenchCli';

const root = makeTempDir();
const secret = path.join(root, 'outside-secret.txt');
fs.writeFileSync(secret, 'TOP-SECRET-OUTSIDE-THE-WORKSPACE\n');
const author = { name: 'Ada Lovelace', email: 'ada@example.com' };

let ws: string;
let core: WorkbenchCore;
const prompts = () => path.join(ws, 'prompts');
const workbench = (...args: string[]) => runWorkbench([...args, '--workspace', ws], { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email });

async function failure(call: Promise<unknown>): Promise<{ code?: string; message: string }> {
  return call.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { code?: string; message: string }) => error,
  );
}

/** A few lines of YAML whose aliases expand to 9^9 values. */
function aliasBomb(indent: string): string {
  const lines = [`${indent}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let level = 1; level < 9; level++) {
    const [before, name] = [String.fromCharCode(96 + level), String.fromCharCode(97 + level)];
    lines.push(`${indent}${name}: &${name} [${Array(9).fill(`*${before}`).join(', ')}]`);
  }
  return lines.join('\n');
}

beforeEach(async () => {
  ws = path.join(fs.mkdtempSync(path.join(root, 'case-')), 'ws');
  core = await openCore({ workspaceDir: ws, starterDir, create: true });
  await core.api.setSetting({ key: 'author', value: author });
});

afterEach(async () => {
  await core.close();
});

afterAll(() => removeDir(root));

describe('links in prompts/', () => {
  it('lists a linked prompt as a problem and never reads, renders, runs or commits its target', async () => {
    fs.symlinkSync(secret, path.join(prompts(), 'x.prompt'));
    const listed = (await core.api.listPrompts({})).find((prompt) => prompt.name === 'x');
    expect(listed?.problems).toEqual([{ file: 'prompts/x.prompt', message: expect.stringContaining('prompts/x.prompt is a link, not a file: Prompt Workbench does not open it') }]);
    expect(JSON.stringify(listed)).not.toContain('TOP-SECRET');

    for (const call of [
      () => core.api.getPrompt({ name: 'x' }),
      () => core.api.renderPrompt({ name: 'x' }),
      () => core.api.startRun(api.methods.startRun.input.parse({ prompt: 'x', models: ['ollama/llama3.2'], temperatures: [0], samples: 1, confirmed: true })),
      () => core.api.commitPrompt({ name: 'x', message: 'Leak' }),
    ]) {
      const error = await failure(call());
      expect(error.message).toContain('prompts/x.prompt is a link, not a file');
      expect(error.message).not.toContain('TOP-SECRET');
    }
    expect(gitCli(ws, 'log', '--all', '-p').includes('TOP-SECRET')).toBe(false);

    const cli = workbench('render', 'x');
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toMatch(/^workbench: prompts\/x\.prompt is a link, not a file/);
    expect(cli.stdout + cli.stderr).not.toContain('TOP-SECRET');
  });

  it('opens a prompt whose cases file is a link, with that file as its problem and no cases', async () => {
    fs.rmSync(path.join(prompts(), 'summarize.cases.yaml'));
    fs.symlinkSync(secret, path.join(prompts(), 'summarize.cases.yaml'));
    const detail = await core.api.getPrompt({ name: 'summarize' });
    expect(detail.cases).toEqual([]);
    expect(detail.problems).toEqual([{ file: 'prompts/summarize.cases.yaml', message: expect.stringContaining('is a link, not a file') }]);
    expect(JSON.stringify(detail)).not.toContain('TOP-SECRET');
  });

  it('refuses a workspace whose prompts/ folder is a link', async () => {
    const other = path.join(root, 'linked-ws');
    fs.mkdirSync(other, { recursive: true });
    fs.symlinkSync(path.dirname(secret), path.join(other, 'prompts'));
    const error = await failure(openCore({ workspaceDir: other, starterDir }));
    expect(error).toMatchObject({ code: 'WORKSPACE_INVALID', message: expect.stringContaining('prompts is a link, not a folder') });
  });

  it('never turns a name into a path outside prompts/', async () => {
    for (const name of ['../../outside-secret', '../x', 'a/b', '.hidden']) {
      const error = await failure(core.api.renderPrompt({ name }));
      expect(error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('cannot be a prompt name') });
    }
    const cli = workbench('render', '../../../outside-secret');
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toBe('workbench: "../../../outside-secret" cannot be a prompt name: Use letters, digits, ".", "-" or "_", starting with a letter or digit.');
  });
});

describe('files a person can break by mistake', () => {
  it('says in one line that a 300-character prompt name is too long, instead of ENAMETOOLONG', () => {
    const name = 'a'.repeat(300);
    for (const args of [['render', name], ['run', name, '--yes'], ['commit', name, '-m', 'Too long'], ['history', name]]) {
      const cli = workbench(...args);
      expect(cli.status, args[0]).toBeGreaterThan(0);
      expect(cli.stderr.trim().split('\n')).toHaveLength(1);
      expect(cli.stderr).toMatch(/^workbench: .*Use at most 100 characters/);
    }
  });

  it('says what to do when .workbench is a file', () => {
    fs.rmSync(path.join(ws, '.workbench'), { recursive: true, force: true });
    fs.writeFileSync(path.join(ws, '.workbench'), 'not a folder');
    const cli = workbench('prompts');
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toBe(
      `workbench: ${path.join(ws, '.workbench')} is a file, not a folder; Prompt Workbench keeps its database in a real folder there. Move it away (for example rename it to .workbench.old), then open the workspace again.`,
    );
  });

  it('lists a prompt file whose name cannot be a prompt name, with what to do', async () => {
    fs.copyFileSync(path.join(prompts(), 'summarize.prompt'), path.join(prompts(), 'My summary.prompt'));
    const listed = (await core.api.listPrompts({})).find((prompt) => prompt.name === 'My summary');
    expect(listed?.problems[0]?.message).toBe(
      'The file name cannot be used as a prompt name (Use letters, digits, ".", "-" or "_", starting with a letter or digit). Rename the file, for example with `git mv`.',
    );
    const cli = workbench('prompts');
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('My summary');
  });
});

describe('huge and hostile files', () => {
  it('keeps a YAML alias bomb in one cases file to that prompt; the list still loads', async () => {
    fs.writeFileSync(path.join(prompts(), 'summarize.cases.yaml'), `- name: bomb\n  input:\n${aliasBomb('    ')}\n`);
    const list = await core.api.listPrompts({});
    expect(list.length).toBeGreaterThan(3);
    expect(list.find((prompt) => prompt.name === 'summarize')?.problems).toEqual([
      { file: 'prompts/summarize.cases.yaml', line: 1, column: 1, message: expect.stringContaining('expands YAML aliases (*name) more than 100 times') },
    ]);
    expect(list.find((prompt) => prompt.name === 'capital-city')?.problems).toEqual([]);
    const cli = workbench('prompts');
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).not.toContain('at ');
  });

  it('reports an alias bomb in the front matter as that file\'s problem', async () => {
    fs.writeFileSync(path.join(prompts(), 'bomb.prompt'), `---\nmodel: ollama/llama3.2\n${aliasBomb('')}\n---\nHello\n`);
    const listed = (await core.api.listPrompts({})).find((prompt) => prompt.name === 'bomb');
    expect(listed?.problems[0]?.message).toContain('The front matter cannot be read. It expands YAML aliases');
  });

  it('refuses prompt and cases files over 1 MB without reading them', async () => {
    fs.writeFileSync(path.join(prompts(), 'huge.prompt'), `---\nmodel: ollama/llama3.2\n---\n${'word '.repeat(400_000)}`);
    const listed = (await core.api.listPrompts({})).find((prompt) => prompt.name === 'huge');
    expect(listed?.problems[0]?.message).toMatch(/^prompts\/huge\.prompt is 1\.9 MB; Prompt Workbench opens prompt and cases files up to 1\.0 MB\./);
    expect(await failure(core.api.renderPrompt({ name: 'huge' }))).toMatchObject({ code: 'PROMPT_INVALID' });
  });

  it('refuses a template with more tags than a prompt needs before parsing it', async () => {
    fs.writeFileSync(path.join(prompts(), 'tags.prompt'), `---\nmodel: ollama/llama3.2\n---\n${'{{x}} '.repeat(20_000)}`);
    const started = Date.now();
    const error = await failure(core.api.renderPrompt({ name: 'tags', input: { x: 'y' } }));
    expect(error.message).toBe('prompts/tags.prompt has 20,000 template tags ({{…}}); Prompt Workbench renders templates with up to 10,000. Simplify the template.');
    const check = await core.api.checkPrompt({ name: 'tags', source: fs.readFileSync(path.join(prompts(), 'tags.prompt'), 'utf8') });
    expect(check.problems.map((problem) => problem.message)).toContain(error.message);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops a render that runs away (time, memory or output) and says so', async () => {
    const loops = '---\nmodel: ollama/llama3.2\n---\n{{#each items}}{{#each ../items}}{{#each ../../items}}{{this}}{{/each}}{{/each}}{{/each}}';
    const items = Array.from({ length: 2_000 }, (_, i) => `item ${i}`);
    const limits = { timeoutMs: 1_500, memoryMb: 64, maxOutputChars: 1024 * 1024 };
    const error = await failure(renderInSandbox('prompts/loops.prompt', loops, { items }, limits));
    expect(error.message).toMatch(/^prompts\/loops\.prompt: rendering the template (took longer than 1\.5 s|needed more than 64 MB) and was stopped\. Check its \{\{#each\}\} loops and the size of the input\.$/);

    const wide = await failure(renderInSandbox('prompts/wide.prompt', '---\nmodel: a\n---\n{{#each items}}{{this}}{{/each}}', { items: Array(3_000).fill('x'.repeat(1_000)) }, limits));
    expect(wide.message).toBe('prompts/wide.prompt: the rendered prompt would be 2.9 MB, more than the 1.0 MB a prompt may be. Check its {{#each}} loops and the size of the input.');

    // The worker is started afresh after being stopped.
    expect((await renderInSandbox('prompts/ok.prompt', '---\nmodel: a\n---\nHi {{name}}', { name: 'Ada' })).messages).toEqual([{ role: 'user', content: [{ text: 'Hi Ada' }] }]);
  });

  it('keeps answering other requests while `workbench serve` renders a runaway template', async () => {
    fs.writeFileSync(
      path.join(prompts(), 'loops.prompt'),
      '---\nmodel: ollama/llama3.2\n---\n{{#each items}}{{#each ../items}}{{#each ../../items}}{{#each ../../../items}}.{{/each}}{{/each}}{{/each}}{{/each}}',
    );
    await core.close();
    const server = await serveWorkbench(ws);
    try {
      const items = Array.from({ length: 300 }, (_, i) => i);
      let renderSettled = false;
      const render = callApi(server, 'renderPrompt', { name: 'loops', input: { items } }).then(
        () => 'rendered',
        (error: Error) => error.message,
      );
      void render.finally(() => (renderSettled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const list = await callApi<{ name: string }[]>(server, 'listPrompts', {});
      // The list came back while the runaway render was still going: the server was never blocked by it.
      expect(renderSettled).toBe(false);
      expect(list.map((prompt) => prompt.name)).toContain('loops');
      expect(await render).toMatch(/renderPrompt failed: prompts\/loops\.prompt: rendering the template (took longer than 5 s|needed more than 256 MB|would be)/);
    } finally {
      await server.stop();
      core = await openCore({ workspaceDir: ws, starterDir });
    }
  });
});
