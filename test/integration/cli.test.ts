import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, serveWorkbench } from '../support/workbenchCli';

describe('workbench CLI', () => {
  let root: string;
  let ws: string;
  beforeAll(() => {
    root = makeTempDir();
    ws = path.join(root, 'ws');
    const init = runWorkbench(['init', '--workspace', ws]);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
  });
  afterAll(() => removeDir(root));

  it('init creates a workspace git reads, and a second init changes nothing', () => {
    expect(gitCli(ws, 'log', '--oneline')).toMatch(/^[0-9a-f]{7,} Add starter prompts\n$/);
    const again = runWorkbench(['init', '--workspace', ws]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/already a workspace; nothing was changed/);
    expect(gitCli(ws, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('prompts --json lists the starter prompts with name, description, model and dirty', () => {
    const result = runWorkbench(['prompts', '--json', '--workspace', ws]);
    expect(result.status).toBe(0);
    const prompts = JSON.parse(result.stdout) as { name: string; description: string; model: string; dirty: boolean }[];
    expect(prompts.length).toBeGreaterThanOrEqual(5);
    for (const prompt of prompts) {
      expect(prompt.description.length).toBeGreaterThan(10);
      expect(prompt.model).toMatch(/^[a-z-]+\/.+/);
      expect(prompt.dirty).toBe(false);
    }
    expect(prompts.map((p) => p.name)).toEqual(expect.arrayContaining(['ticket-triage', 'capital-city', 'summarize']));
  });

  it('marks a prompt edited outside the app as dirty', () => {
    const file = path.join(ws, 'prompts', 'capital-city.prompt');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original + '\nAnswer in English.\n');
    try {
      const prompts = JSON.parse(runWorkbench(['prompts', '--json', '--workspace', ws]).stdout) as { name: string; dirty: boolean }[];
      expect(prompts.find((p) => p.name === 'capital-city')?.dirty).toBe(true);
      expect(prompts.filter((p) => p.dirty)).toHaveLength(1);
      const table = runWorkbench(['prompts', '--workspace', ws]).stdout;
      expect(table).toMatch(/^\* capital-city/m);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('reads the workspace from WORKBENCH_HOME when no flag is given', () => {
    const result = runWorkbench(['prompts', '--json'], { WORKBENCH_HOME: ws });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(fs.readdirSync(path.join(ws, 'prompts')).filter((f) => f.endsWith('.prompt')).length);
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['prompts', '--bogus'], /unknown option --bogus/],
    [['serve', '--port', 'abc'], /--port must be a whole number/],
    [['init', 'extra'], /init takes no arguments/],
  ])('exits 2 with a one-line reason for %j', (args, reason) => {
    const result = runWorkbench([...args, '--workspace', ws]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each(['init', 'prompts', 'render', 'serve'])('%s --help explains its usage', (command) => {
    const result = runWorkbench([command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Usage: workbench ${command}`);
    expect(result.stdout).toContain('--workspace DIR');
  });

  it('lists every command in the overall help', () => {
    const result = runWorkbench(['--help']);
    expect(result.status).toBe(0);
    for (const command of ['init', 'prompts', 'render', 'serve']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('fails with exit 1 and says how to fix it when the workspace does not exist', () => {
    const result = runWorkbench(['prompts', '--workspace', path.join(root, 'missing')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/workbench init --workspace/);
  });

  describe('render', () => {
    it('prints Dotprompt\'s rendered shape as JSON for a case', () => {
      const result = runWorkbench(['render', 'capital-city', '--case', 'Japan (easy)', '--json', '--workspace', ws]);
      expect(result.status).toBe(0);
      const rendered = JSON.parse(result.stdout) as { messages: { role: string; content: { text: string }[] }[]; config: Record<string, unknown> };
      expect(Object.keys(rendered).sort()).toEqual(['config', 'messages']);
      expect(rendered.messages.map((m) => m.role)).toEqual(['system', 'user']);
      expect(rendered.messages[1]?.content[0]?.text).toContain('Japan');
      expect(rendered.config).toHaveProperty('temperature');
    });

    it('prints a prompt without front matter exactly as it will be sent, trailing spaces and lines included', () => {
      const file = path.join(ws, 'prompts', 'plain.prompt');
      fs.writeFileSync(file, 'Say hi to {{name}}.  \n\n');
      try {
        const text = runWorkbench(['render', 'plain', '--input', '{"name":"Ada"}', '--workspace', ws]);
        expect(text.status).toBe(0);
        expect(text.stdout).toBe('── user ──\nSay hi to Ada.  \n\n\n');
        const json = runWorkbench(['render', 'plain', '--input', '{"name":"Ada"}', '--json', '--workspace', ws]);
        expect(JSON.parse(json.stdout)).toEqual({ messages: [{ role: 'user', content: [{ text: 'Say hi to Ada.  \n\n' }] }], config: {} });
      } finally {
        fs.rmSync(file);
      }
    });

    it('takes variables from --input, over the case', () => {
      const result = runWorkbench(['render', 'capital-city', '--case', 'Japan (easy)', '--input', '{"country":"Ísland"}', '--json', '--workspace', ws]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Ísland');
      expect(result.stdout).not.toContain('Japan');
    });

    it('lists missing variables and says how to give them (exit 1)', () => {
      const file = path.join(ws, 'prompts', 'needs-two.prompt');
      fs.writeFileSync(file, '---\ninput:\n  schema:\n    subject: string\n    body: string\n---\n{{subject}}: {{body}}\n');
      try {
        const result = runWorkbench(['render', 'needs-two', '--input', '{"subject":"Hi"}', '--workspace', ws]);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/missing "body"/);
        expect(result.stderr).toMatch(/--input '\{"body": "…"\}'/);
      } finally {
        fs.rmSync(file);
      }
    });

    it.each([
      [['render'], /needs the name of a prompt/],
      [['render', 'capital-city', '--input', '{not json'], /--input must be a JSON object/],
      [['render', 'capital-city', '--input', '[1]'], /not a list/],
    ])('exits 2 for %j', (args, reason) => {
      const result = runWorkbench([...args, '--workspace', ws]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(reason);
    });

    it('names the known cases when the case does not exist (exit 1)', () => {
      const result = runWorkbench(['render', 'capital-city', '--case', 'Atlantis', '--workspace', ws]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/no case named "Atlantis".*"Japan \(easy\)"/);
    });
  });

  describe('serve', () => {
    let stop: (() => Promise<void>) | undefined;
    afterEach(async () => stop?.());

    it('prints the token address and serves the app only with the token', async () => {
      const served = await serveWorkbench(ws);
      stop = served.stop;
      const withToken = await fetch(served.url);
      expect(withToken.status).toBe(200);
      expect(await withToken.text()).toMatch(/<div id="root">/);
      expect((await fetch(`${served.origin}/`)).status).toBe(401);
      const listed = await fetch(`${served.origin}/api/listPrompts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
        body: '{}',
      });
      expect(((await listed.json()) as { data: unknown[] }).data.length).toBeGreaterThanOrEqual(5);
    });

    it('exits 0 when asked to stop', async () => {
      const served = await serveWorkbench(ws);
      const exited = new Promise<number | null>((resolve) => served.child.once('exit', (code) => resolve(code)));
      served.child.kill('SIGINT');
      expect(await exited).toBe(0);
    });
  });
});
