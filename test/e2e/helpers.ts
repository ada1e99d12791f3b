// Small helpers shared by the end-to-end specs.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Saves a screenshot as a test attachment and as test-results/screenshots/<name>.png (the CI artifact):
 * of the page, or of one element (a panel that scrolls is cut off in a page shot).
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string, target: Page | Locator = page): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await target.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  const artifacts = path.join('test-results', 'screenshots');
  fs.mkdirSync(artifacts, { recursive: true });
  fs.copyFileSync(file, path.join(artifacts, `${name}.png`));
}

/**
 * Collects page errors and console errors, including Content-Security-Policy violations. `expected`
 * lists errors a test provokes on purpose (the browser logs every error answer, e.g. a CONFLICT).
 */
export function collectErrors(page: Page, expected: RegExp[] = []): string[] {
  const errors: string[] = [];
  const keep = (text: string) => !expected.some((pattern) => pattern.test(text)) && errors.push(text);
  page.on('pageerror', (error) => keep(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) keep(message.text());
  });
  return errors;
}

/** The browser's log line for an error answer with this HTTP status. */
export const errorAnswer = (status: number) => new RegExp(`Failed to load resource: .*status of ${status}\\b`);

export function promptFile(workspace: string, name: string, extension = '.prompt'): string {
  return path.join(workspace, 'prompts', `${name}${extension}`);
}

export function readPrompt(workspace: string, name: string, extension = '.prompt'): string {
  return fs.readFileSync(promptFile(workspace, name, extension), 'utf8');
}

/** Replaces the whole text of the CodeMirror editor the way a person would: select all, type. */
export async function replaceEditorText(page: Page, label: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: label });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

/** The editor line holding `text`, paged down to first: CodeMirror draws only the lines in view. */
export async function revealEditorLine(page: Page, label: string, text: string): Promise<Locator> {
  const editor = page.getByRole('textbox', { name: label });
  const line = editor.locator('.cm-line', { hasText: text }).first();
  await expect(editor).toBeVisible();
  if ((await line.count()) === 0) await editor.locator('.cm-line').first().click();
  for (let presses = 0; presses < 20 && (await line.count()) === 0; presses++) await page.keyboard.press('PageDown');
  return line;
}

/** Clicks the (short, unwrapped) editor line that starts with `start`, and types over the whole line. */
export async function replaceEditorLine(page: Page, label: string, start: string, text: string): Promise<void> {
  await (await revealEditorLine(page, label, start)).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText(text);
}

/** Light and dark screenshots of the same screen or element (the theme setting is "system", so it follows). */
export async function saveThemedScreenshots(page: Page, testInfo: TestInfo, name: string, target: Page | Locator = page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await saveScreenshot(page, testInfo, `${name}-light`, target);
  await page.emulateMedia({ colorScheme: 'dark' });
  // Let colour transitions finish.
  await page.waitForTimeout(400);
  await saveScreenshot(page, testInfo, `${name}-dark`, target);
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * Takes a starter's checks out of its files (the front matter's `metadata.workbench.checks` and
 * every case's `expect:`), for specs about something else whose figures or layout the starters'
 * checks would change. Leaves the prompt a draft.
 */
export function removeChecks(workspace: string, name: string): void {
  const prompt = promptFile(workspace, name);
  fs.writeFileSync(prompt, fs.readFileSync(prompt, 'utf8').replace(/^ {4}checks:\n(?: {6}.*\n)*/m, ''));
  const cases = promptFile(workspace, name, '.cases.yaml');
  if (fs.existsSync(cases)) fs.writeFileSync(cases, fs.readFileSync(cases, 'utf8').replace(/^ {2}expect:\n(?: {4}.*\n)*/gm, ''));
}
