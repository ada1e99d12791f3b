import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { saveScreenshot } from './helpers';

const starterNames = ['capital-city', 'code-review', 'product-description', 'summarize', 'ticket-triage'];

test('browser mode shows the starter prompts and opens one', async ({ page, workbench }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

  await page.goto(workbench.server.url);

  const list = page.getByRole('list', { name: 'Prompts' });
  for (const name of starterNames) await expect(list.getByRole('link', { name: new RegExp(`^${name}`) })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Select a prompt' })).toBeVisible();
  // The token leaves the address bar once the cookie is set.
  await expect.poll(() => new URL(page.url()).searchParams.has('token')).toBe(false);
  // The status bar shows where the data lives.
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(workbench.workspace);

  await saveScreenshot(page, testInfo, 'app-home-light');

  await list.getByRole('link', { name: /^ticket-triage/ }).click();
  await expect(page).toHaveURL(/#\/prompts\/ticket-triage$/);
  await expect(page.getByRole('heading', { level: 1, name: 'ticket-triage' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Template source' })).toContainText('{{role "system"}}');
  await saveScreenshot(page, testInfo, 'app-prompt-light');

  expect(errors).toEqual([]);
});

test('the sidebar follows a prompt edited on disk, without a reload', async ({ page, workbench }) => {
  await page.goto(workbench.server.url);
  const item = page.getByRole('list', { name: 'Prompts' }).getByRole('link', { name: /^summarize/ });
  await expect(item).toBeVisible();
  await expect(item.getByText('Uncommitted changes')).toHaveCount(0);

  fs.appendFileSync(path.join(workbench.workspace, 'prompts', 'summarize.prompt'), '\nKeep it short.\n');

  await expect(item.getByText('Uncommitted changes')).toHaveCount(1, { timeout: 5000 });
});

test('a deep link opens the prompt, and dark mode follows the OS', async ({ browser, workbench }, testInfo) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${workbench.server.url}#/prompts/summarize`);
  await expect(page.getByRole('heading', { level: 1, name: 'summarize' })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(luminance(background)).toBeLessThan(0.2);
  await saveScreenshot(page, testInfo, 'app-prompt-dark');
  await context.close();
});

test('the filter narrows the list from the keyboard', async ({ page, workbench }) => {
  await page.goto(workbench.server.url);
  await expect(page.getByRole('list', { name: 'Prompts' }).getByRole('link')).toHaveCount(countPrompts(workbench.workspace));
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter prompts' })).toBeFocused();
  await page.keyboard.type('capital');
  await expect(page.getByRole('list', { name: 'Prompts' }).getByRole('link')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('list', { name: 'Prompts' }).getByRole('link')).toHaveCount(countPrompts(workbench.workspace));
});

test('a page opened without the token is refused', async ({ page, workbench }) => {
  const response = await page.goto(`${workbench.server.origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('access token');
});

function countPrompts(workspace: string): number {
  return fs.readdirSync(path.join(workspace, 'prompts')).filter((file) => file.endsWith('.prompt')).length;
}

/** Relative luminance of an `rgb(r, g, b)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test('the preview shows the rendered messages for the chosen case, as text', async ({ page, workbench }, testInfo) => {
  const prompts = path.join(workbench.workspace, 'prompts');
  fs.writeFileSync(path.join(prompts, 'echo.prompt'), '---\ndescription: Echo\ninput:\n  schema:\n    words: string\n---\n{{role "system"}}Repeat.\n{{role "user"}}{{words}}\n');
  fs.writeFileSync(
    path.join(prompts, 'echo.cases.yaml'),
    '- name: plain\n  input:\n    words: hello there\n- name: hostile\n  input:\n    words: <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\n',
  );
  await page.goto(`${workbench.server.url}#/prompts/echo`);
  const preview = page.getByRole('region', { name: 'Rendered messages' });
  await expect(preview).toContainText('Repeat.');
  await expect(preview).toContainText('hello there');

  await page.getByRole('combobox', { name: 'Case to preview' }).selectOption('hostile');
  await expect(preview).toContainText('<img src=x onerror="window.__pwned=1"><script>');
  expect(await preview.locator('img, script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await page.getByRole('region', { name: 'Rendered messages' }).scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'app-preview-light');
});

test('the preview names missing variables instead of rendering blanks', async ({ page, workbench }) => {
  fs.writeFileSync(
    path.join(workbench.workspace, 'prompts', 'needs-body.prompt'),
    '---\ninput:\n  schema:\n    subject: string\n    body: string\n---\n{{subject}}: {{body}}\n',
  );
  await page.goto(`${workbench.server.url}#/prompts/needs-body`);
  await expect(page.getByRole('region', { name: 'Rendered messages' }).getByRole('alert')).toContainText('missing "subject", "body"');
});
