// Lint rules, including the layer boundaries from docs/architecture.md: shared/ is pure, services never
// touch Electron, Electron's shell never loads the core (it runs in its own process), the renderer
// reaches the core only through shared/ (the contract), and a renderer feature never imports
// another feature (lint/featureBoundaries.js).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { featureBoundaries } from './lint/featureBoundaries.js';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'native/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/tasksApp/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node APIs (it runs in the renderer too).' },
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ is pure: no React.' },
            { group: ['**/electron/**', '**/renderer/**', '../electron', '../renderer'], message: 'shared/ imports only shared/ and pure packages.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'electron/core/ is plain Node: pass paths and secret storage in instead.' },
            { group: ['**/renderer/**'], message: 'Services do not import renderer code.' },
          ],
        },
      ],
    },
  },
  {
    // Main keeps the window, the menu, dialogs and safeStorage; the core runs in its own process.
    // The shell shares only the host's protocol and its launcher with the core (core/host/:
    // hostProtocol, hostClient, hostSupervisor), and never loads what the core is made of.
    files: ['electron/shell/**/*.ts'],
    ignores: ['electron/shell/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)core/(?!host/(hostProtocol|hostClient|hostSupervisor)$)',
              message: 'electron/shell reaches the core only through core/host (hostProtocol, hostClient, hostSupervisor): the core runs in its own process.',
            },
            {
              group: ['better-sqlite3', 'isomorphic-git', 'isomorphic-git/*', 'openai', 'openai/*', '@anthropic-ai/sdk', '@anthropic-ai/sdk/*', 'ollama', 'ollama/*'],
              message: 'The database, git and the model SDKs belong to the core process, not to Electron main.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node: reach the core through the contract.' },
            { group: ['electron', 'electron/*'], message: 'The renderer has no Electron: use the client in renderer/api.' },
            { group: ['**/electron/**', '**/test/**', '**/scripts/**'], message: 'The renderer imports only shared/ and its own files.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/{features,components,lib,api}/**/*.{ts,tsx}'],
    plugins: { workbench: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'workbench/feature-boundaries': 'error' },
  },
  {
    // Renderer tests may use the shared test data in test/support/; the rest of the rule holds.
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node: reach the core through the contract.' },
            { group: ['electron', 'electron/*'], message: 'The renderer has no Electron: use the client in renderer/api.' },
            { group: ['**/electron/**', '**/scripts/**'], message: 'The renderer imports only shared/ and its own files.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js'],
    rules: { 'no-console': 'off' },
  },
);
