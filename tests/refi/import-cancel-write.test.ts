import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/documents/import';
import { callMethod } from '../../electron/handlers';
import { newProject } from '../../electron/project/project';
import { closeSession, createSession, openInSession } from '../../electron/project/session';
import { exportQdpx } from '../../electron/refi/refi';
import { closeProject } from '../../electron/store/db';
import { Cancelled } from '../../shared/progress';
import { makeTranscripts } from '../bench/corpus';
import { cancelWhileWriting, dumpOnDisk } from '../helpers/cancel';
import { tempDir } from '../helpers/temp';

// Importing a .qdpx writes a new project under a temporary name in one stepped
// transaction; a cancel that arrives while it writes (from a timer, as the bridge or
// the worker delivers it) removes that file, and the open project stays open, unchanged.

async function studyAndQdpx(): Promise<{ dir: string; path: string; qdpx: string }> {
  const dir = tempDir();
  const source = newProject(join(dir, 'source.fieldcode'), { coder: 'Amina' });
  const enc = new TextEncoder();
  await importFiles(
    source,
    makeTranscripts()
      .slice(0, 30)
      .map((f) => ({ name: f.name, bytes: enc.encode(f.text) })),
  );
  const qdpx = join(dir, 'study.qdpx');
  await exportQdpx(source, qdpx);
  closeProject(source);
  const path = join(dir, 'study.fieldcode');
  closeProject(newProject(path, { coder: 'Ben' }));
  return { dir, path, qdpx };
}

describe('cancelling a QDPX import while it writes', () => {
  it('removes the half-written project; the open project stays open and unchanged', async () => {
    const { dir, path, qdpx } = await studyAndQdpx();
    const s = createSession({ settingsFolder: join(dir, 'settings'), defaultFolder: dir });
    openInSession(s, path);
    const before = dumpOnDisk(path);
    const files = readdirSync(dir).sort();
    const target = join(dir, 'Imported.fieldcode');
    const cancel = cancelWhileWriting(
      s,
      'qdpx-1',
      (e) => e.done >= 3,
      () => existsSync(`${target}.part`),
    );
    const outcome = await callMethod(s, 'refi.importProject', { path: qdpx, target, operation: 'qdpx-1' }).catch((e: unknown) => e);
    cancel.stop();
    expect(outcome).toBeInstanceOf(Cancelled);
    expect(cancel.answered).toBe(true);
    // The write had begun: the temporary project existed, its sources being written.
    expect(cancel.seen).toBe(true);
    expect(cancel.events).toContain('writing 3/30');
    expect(cancel.afterCancel.length).toBeLessThanOrEqual(1);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(s.project?.path).toBe(path);
    closeSession(s);
    expect(dumpOnDisk(path) === before, 'the open project changed').toBe(true);
  });

  it('without a cancel, writes every source and opens the new project', async () => {
    const { dir, path, qdpx } = await studyAndQdpx();
    const s = createSession({ settingsFolder: join(dir, 'settings'), defaultFolder: dir });
    openInSession(s, path);
    const target = join(dir, 'Imported.fieldcode');
    const r = (await callMethod(s, 'refi.importProject', { path: qdpx, target, operation: 'qdpx-2' })) as { counts: { documents: number } };
    expect(r.counts.documents).toBe(30);
    expect(s.project?.path).toBe(target);
    closeSession(s);
  });
});
