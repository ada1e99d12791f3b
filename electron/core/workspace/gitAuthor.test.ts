import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveAuthor } from './gitAuthor';

describe('resolveAuthor', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-home-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  const write = (relative: string, text: string) => {
    const file = path.join(home, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const userConfig = (name: string, email: string) => `[user]\n\tname = ${name}\n\temail = ${email}\n`;

  it('prefers the author saved in settings', () => {
    write('.gitconfig', userConfig('Git Ada', 'git@example.com'));
    const settings = { name: 'Settings Ada', email: 'settings@example.com' };
    const env = { GIT_AUTHOR_NAME: 'Env Ada', GIT_AUTHOR_EMAIL: 'env@example.com' };
    expect(resolveAuthor({ settings, env, home })).toEqual(settings);
  });

  it('then GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL, only together', () => {
    write('.gitconfig', userConfig('Git Ada', 'git@example.com'));
    expect(resolveAuthor({ settings: null, env: { GIT_AUTHOR_NAME: 'Env Ada', GIT_AUTHOR_EMAIL: 'env@example.com' }, home })).toEqual({
      name: 'Env Ada',
      email: 'env@example.com',
    });
    expect(resolveAuthor({ settings: null, env: { GIT_AUTHOR_NAME: 'Env Ada' }, home })).toEqual({ name: 'Git Ada', email: 'git@example.com' });
  });

  it('then ~/.gitconfig', () => {
    write('.gitconfig', userConfig('Git Ada', 'git@example.com'));
    expect(resolveAuthor({ settings: null, env: {}, home })).toEqual({ name: 'Git Ada', email: 'git@example.com' });
  });

  it('reads ~/.config/git/config, with ~/.gitconfig winning key by key', () => {
    write('.config/git/config', userConfig('Xdg Ada', 'xdg@example.com'));
    expect(resolveAuthor({ settings: null, env: {}, home })).toEqual({ name: 'Xdg Ada', email: 'xdg@example.com' });
    write('.gitconfig', '[user]\n\temail = home@example.com\n');
    expect(resolveAuthor({ settings: null, env: {}, home })).toEqual({ name: 'Xdg Ada', email: 'home@example.com' });
  });

  it('honours XDG_CONFIG_HOME and GIT_CONFIG_GLOBAL', () => {
    write('elsewhere/git/config', userConfig('Xdg Ada', 'xdg@example.com'));
    write('.config/git/config', userConfig('Default Ada', 'default@example.com'));
    expect(resolveAuthor({ settings: null, env: { XDG_CONFIG_HOME: path.join(home, 'elsewhere') }, home })?.name).toBe('Xdg Ada');
    write('global.ini', userConfig('Global Ada', 'global@example.com'));
    expect(resolveAuthor({ settings: null, env: { GIT_CONFIG_GLOBAL: path.join(home, 'global.ini') }, home })?.name).toBe('Global Ada');
  });

  it('is null when nothing gives both a name and a usable email', () => {
    expect(resolveAuthor({ settings: null, env: {}, home })).toBeNull();
    write('.gitconfig', '[user]\n\tname = Only A Name\n');
    expect(resolveAuthor({ settings: null, env: {}, home })).toBeNull();
    write('.gitconfig', userConfig('Ada', 'not-an-email'));
    expect(resolveAuthor({ settings: null, env: {}, home })).toBeNull();
  });
});
