import { afterEach, onTestFinished } from 'vitest';
import { makeClient, type Client } from '../../../shared/api';
import { callMethod } from '../../../electron/handlers';
import { adopt, closeSession, createSession, type Session } from '../../../electron/project/session';
import { setClient } from '../../../renderer/api';
import { tempDir, tempProject } from '../../helpers/temp';
import { buildStudy, type Study } from '../../reports/fixture';
import '../views-session';

// The Reports view against the real services (no mocked API): a session holding
// the hand-counted study of tests/reports/fixture.ts, called through the same
// contract (validation included) as the app, and plugged into renderer/api.ts so
// the app's stores (project, revision) follow what the view does.

const sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) closeSession(s);
});

export interface StudySession {
  client: Client;
  session: Session;
  /** where an imported project lands when given a bare name */
  defaultFolder: string;
  study: Study | null;
}

/** The coded study, or (empty) a project with no codes, cases or documents. */
export async function openStudy(opts: { empty?: boolean } = {}): Promise<StudySession> {
  const defaultFolder = tempDir();
  const session = createSession({ settingsFolder: tempDir(), defaultFolder });
  sessions.push(session);
  const study = opts.empty ? null : await buildStudy();
  adopt(session, study ? study.p : tempProject({ codebook: 'empty', name: 'Empty study' }));
  const client = makeClient((method, input) => callMethod(session, method, input));
  setClient(client);
  return { client, session, defaultFolder, study };
}

export interface Download {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * Browser-mode downloads as the view makes them (a blob URL on a link clicked
 * once). jsdom has neither blob URLs nor downloads, so both are caught here: the
 * blob by URL.createObjectURL, the link's click before jsdom would navigate.
 */
export function catchDownloads(): { files: () => Promise<Download[]> } {
  const blobs = new Map<string, Blob>();
  const clicked: { name: string; url: string }[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  let n = 0;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:fieldcode/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  const onClick = (e: MouseEvent) => {
    const a = e.target instanceof HTMLAnchorElement ? e.target : null;
    if (!a?.download) return;
    e.preventDefault();
    clicked.push({ name: a.download, url: a.href });
  };
  document.addEventListener('click', onClick, true);
  onTestFinished(() => {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
    document.removeEventListener('click', onClick, true);
  });
  return {
    files: () =>
      Promise.all(
        clicked.map(async ({ name, url }) => {
          const blob = blobs.get(url);
          if (!blob) throw new Error(`${name}: no blob behind ${url}`);
          return { name, type: blob.type, bytes: new Uint8Array(await blob.arrayBuffer()) };
        }),
      ),
  };
}
