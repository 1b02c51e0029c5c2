import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Each forbidden arrow of docs/ARCHITECTURE.md, written into a file at the place it
// would live, must fail lint; each allowed one must pass.
const root = join(import.meta.dirname, '..', '..');
// The probes are not files of the TypeScript project, so the type-aware rules (which
// need the project service) are switched off for them; the layer rule needs no types.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  ],
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['shared/probe.ts', "import { readFileSync } from 'fs';"],
    ['shared/probe.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/probe.ts', "import { openProject } from '../electron/store/db';"],
    ['renderer/probe.ts', "import { openProject } from '../electron/store/db';"],
    ['renderer/probe.ts', "import { join } from 'path';"],
    ['electron/store/probe.ts', "import { saveMemo } from '../coding/memos';"],
    ['electron/store/probe.ts', "import { run } from '../cli/cli';"],
    ['electron/formats/transcripts/probe.ts', "import { openProject } from '../../store/db';"],
    ['electron/formats/reports/probe.ts', "import { saveMemo } from '../../coding/memos';"],
    ['electron/coding/probe.ts', "import { app } from 'electron';"],
    ['electron/coding/probe.ts', "import { run } from '../cli/cli';"],
    ['electron/coding/probe.ts', "import { handlers } from '../handlers';"],
    ['electron/store/probe.ts', "import { App } from '../../renderer/App';"],
    ['electron/cli/probe.ts', "import { openProject } from '../store/db';"],
    ['electron/cli/probe.ts', "import type { Project } from '../store/db';"],
    ['electron/cli/probe.ts', "import { readTranscript } from '../formats/transcripts';"],
    ['electron/coding/handlers.ts', "import { getCode } from '../store/codes';"],
    ['electron/coding/handlers.ts', "import { tableCsv } from '../formats/reports/tables';"],
    ['electron/coding/probe.ts', "import { codingHandlers } from './handlers';"],
    ['electron/probe.ts', "import { api } from '../shared/api';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['shared/probe.ts', "import { api } from './api';"],
    ['electron/coding/probe.ts', "import { openProject } from '../store/db';"],
    ['electron/refi/probe.ts', "import { readQdpx } from '../formats/refi/qdpx';"],
    ['electron/shell/probe.ts', "import { app } from 'electron';"],
    ['electron/formats/reports/probe.ts', "import { isMostlyRtl } from '../../../shared/text-direction';"],
    ['electron/cli/probe.ts', "import { autocode } from '../coding/autocode';"],
    ['electron/coding/handlers.ts', "import { autocode } from './autocode';"],
    ['electron/handlers.ts', "import { codingHandlers } from './coding/handlers';"],
  ])('%s may: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
