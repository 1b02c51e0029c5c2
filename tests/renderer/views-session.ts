import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { makeClient, type Client } from '../../shared/api';
import { callMethod } from '../../electron/handlers';
import { adopt, createSession } from '../../electron/project/session';
import type { Project } from '../../electron/store/db';
import { setClient } from '../../renderer/api';
import { useCodebook } from '../../renderer/store/codebook';
import { useDocuments } from '../../renderer/store/documents';
import { resetApp } from '../../renderer/store/root';
import { tempDir, tempProject } from '../helpers/temp';

// The wide views against the real services: a temp project adopted by a session,
// a client over callMethod (the contract's validation included), plugged into
// renderer/api.ts so the stores and views use it. No mocked API.

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const fixture = (...parts: string[]) => readFileSync(join(FIXTURES, ...parts));

afterEach(() => {
  cleanup();
  setClient(null);
  // Every slice of the one store (project, codebook, coding, views' filters …).
  resetApp();
  localStorage.clear();
});

export interface Fixture {
  p: Project;
  client: Client;
}

/** A temp project (empty codebook unless asked), adopted by a session, with the renderer's client set. */
export async function openProject(opts: { codebook?: 'nssp' | 'empty'; onCall?: (method: string) => void } = {}): Promise<Fixture> {
  const p = tempProject({ codebook: opts.codebook ?? 'empty' });
  const session = createSession({ settingsFolder: tempDir(), defaultFolder: tempDir() });
  adopt(session, p);
  const client = makeClient((method, input) => (opts.onCall?.(method), callMethod(session, method, input)));
  setClient(client);
  return { p, client };
}

/** Imports text transcripts through the API and returns their ids by name. */
export async function importTexts(client: Client, files: Record<string, string>, extra: { caseName?: string } = {}): Promise<Record<string, string>> {
  const r = await client['documents.import']({
    files: Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8').toString('base64') })),
    ...extra,
  });
  if (r.failed.length) throw new Error(`import failed: ${JSON.stringify(r.failed)}`);
  return Object.fromEntries(r.imported.map((i) => [i.name, i.documentId]));
}

/** The stores the left panes keep filled in the app (the Workspace refreshes them). */
export async function loadStores(): Promise<void> {
  await Promise.all([useCodebook.getState().refresh(), useDocuments.getState().refresh()]);
}

export function at(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { start, end: start + quote.length };
}
