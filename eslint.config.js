import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Folders are layers (DESIGN.md): shared imports neither electron/ nor renderer/;
// renderer imports only shared/; only the three shell files import 'electron'.
const noElectron = { name: 'electron', message: 'Only electron/main.ts, preload.ts and ipc.ts may import electron.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/out/**', 'build/renderer/**', 'dist/**', 'coverage/**', 'tests/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    // The shell test types its fake IPC with Electron's own types.
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'tests/shell/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/electron/**', '**/renderer/**', 'node:*', 'better-sqlite3'], message: 'shared/ is pure TypeScript: no Node, no DOM, no other layer.' }],
      }],
    },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/electron/**', 'node:*', 'better-sqlite3'], message: 'renderer/ talks to the main process only through renderer/api.ts.' }],
      }],
    },
  },
);
