import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

import { layers } from './build/lint/layers.js';

// Folders are layers (docs/ARCHITECTURE.md): build/lint/layers.js resolves every import
// to its layer and checks the arrow.

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/out/**', 'build/renderer/**', 'dist/**', 'coverage/**', 'tests/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware checks for promises nobody waits for or handles. The project service
    // reuses tsconfig.json, so lint and \`tsc\` see the same program.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['shared/**', 'electron/**', 'renderer/**'],
    plugins: { layers },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
);
