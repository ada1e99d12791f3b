// A cloned workspace with files the app must not open: each shows its own problem, the rest of
// the library works, and nothing the files point to reaches the screen.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { collectErrors, errorAnswer, saveThemedScreenshots } from './helpers';

test('links, unusable names and alias bombs show their problem; the library still loads', async ({ page, workbench }, testInfo) => {
  const errors = collectErrors(page, [errorAnswer(400), errorAnswer(422)]);
  const prompts = path.join(workbench.workspace, 'prompts');
  const secret = path.join(path.dirname(workbench.workspace), 'secret.txt');
  fs.writeFileSync(secret, 'TOP-SECRET-OUTSIDE\n');
  fs.symlinkSync(secret, path.join(prompts, 'leak.prompt'));
  fs.copyFileSync(path.join(prompts, 'summarize.prompt'), path.join(prompts, 'My summary.prompt'));
  const bomb = ['- name: bomb', '  input:', '    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 9; level++) bomb.push(`    ${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(', ')}]`);
  fs.writeFileSync(path.join(prompts, 'code-review.cases.yaml'), `${bomb.join('\n')}\n`);

  await page.goto(workbench.server.url);
  const list = page.getByRole('list', { name: 'Prompts' });
  await expect(list.getByRole('link', { name: /^capital-city/ })).toBeVisible();

  await list.getByRole('link', { name: /^leak/ }).click();
  await expect(page.getByRole('alert')).toContainText('prompts/leak.prompt is a link, not a file: Prompt Workbench does not open it.');
  await saveThemedScreenshots(page, testInfo, 'link-prompt');

  await list.getByRole('link', { name: /^My summary/ }).click();
  await expect(page.getByRole('alert')).toContainText('prompts/My summary.prompt has a name Prompt Workbench cannot use');
  await expect(page.getByRole('alert')).toContainText('Rename the file');

  await list.getByRole('link', { name: /^code-review/ }).click();
  await expect(page.getByRole('alert')).toContainText('prompts/code-review.cases.yaml:1:1');
  await expect(page.getByRole('alert')).toContainText('expands YAML aliases (*name) more than 100 times');
  await expect(page.getByRole('heading', { name: 'code-review' })).toBeVisible();

  await list.getByRole('link', { name: /^capital-city/ }).click();
  await expect(page.getByRole('heading', { name: 'capital-city' })).toBeVisible();
  expect(await page.content()).not.toContain('TOP-SECRET');
  expect(errors).toEqual([]);
});
