import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configValue, parseGitConfig } from './gitConfigFile';

const userName = (text: string) => configValue(parseGitConfig(text), 'user', 'name');

describe('parseGitConfig', () => {
  it('reads [user] name and email', () => {
    const entries = parseGitConfig('[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n');
    expect(configValue(entries, 'user', 'name')).toBe('Ada Lovelace');
    expect(configValue(entries, 'user', 'email')).toBe('ada@example.com');
  });

  it('ignores case in section and key names, and takes the last value', () => {
    expect(userName('[User]\nName = First\n[core]\nname = not mine\n[USER]\nNAME = Second\n')).toBe('Second');
  });

  it('drops comments, keeps # and ; inside quotes, and unescapes', () => {
    expect(userName('[user] # who\n name = Ada ; nickname\n')).toBe('Ada');
    expect(userName('[user]\n name = "Ada # not a comment"\n')).toBe('Ada # not a comment');
    expect(userName('[user]\n name = "Ada \\"Countess\\" L"\n')).toBe('Ada "Countess" L');
    expect(userName('# [user]\n; name = x\n')).toBeUndefined();
  });

  it('keeps spaces inside a value and inside quotes, not around it', () => {
    expect(userName('[user]\n  name   =   Ada   King  \n')).toBe('Ada   King');
    expect(userName('[user]\nname = "  Ada  "\n')).toBe('  Ada  ');
  });

  it('joins continued lines and reads a key on the header line', () => {
    expect(userName('[user]\nname = Ada \\\nKing\n')).toBe('Ada King');
    expect(userName('[user] name = Ada\n')).toBe('Ada');
  });

  it('does not take keys from subsections such as [user "work"]', () => {
    expect(userName('[user "work"]\nname = Work Ada\n')).toBeUndefined();
    expect(parseGitConfig('[remote "origin"]\nurl = x\n')[0]).toMatchObject({ section: 'remote', subsection: 'origin', key: 'url' });
  });

  it('treats a key without a value as true', () => {
    expect(configValue(parseGitConfig('[core]\nbare\n'), 'core', 'bare')).toBe('true');
  });

  describe('agrees with `git config` on tricky files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-gitconfig-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const samples = [
      '[user]\n\tname = Ada Lovelace\n',
      '[user]\n name = "Ada \\"A\\" L" # comment\n',
      '[User]\n NAME = One\n[user]\n name = Two ; comment\n',
      '[user]\n name = Ada \\\n  King\n',
      '[user]\n name =   spaced   out   \n',
      '[user]\n name = a"  quoted  "b\n',
      '[user]\r\n name = Windows\r\n',
    ];
    it.each(samples.map((text, i) => [i, text] as const))('sample %i', (i, text) => {
      const file = path.join(dir, `config-${i}`);
      fs.writeFileSync(file, text);
      const fromGit = execFileSync('git', ['config', '--file', file, '--get', 'user.name'], { encoding: 'utf8' }).replace(/\n$/, '');
      expect(userName(text)).toBe(fromGit);
    });
  });
});
