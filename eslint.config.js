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
