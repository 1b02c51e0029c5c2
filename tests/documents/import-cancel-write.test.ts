import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../electron/handlers';
import { closeSession, createSession, openInSession } from '../../electron/project/session';
import { newProject } from '../../electron/project/project';
import { closeProject } from '../../electron/store/db';
import { Cancelled } from '../../shared/progress';
import type { ImportReport } from '../../shared/api';
import { makeTranscripts, writeCorpus } from '../bench/corpus';
import { cancelWhileWriting, dumpOnDisk } from '../helpers/cancel';
import { tempDir } from '../helpers/temp';

// A cancel that arrives while the import's one write transaction runs (sent from a
// timer, as the bridge or the worker would deliver it) rolls the whole batch back.

const count = (s: ReturnType<typeof createSession>, table: string) => s.project!.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function studyWithOneDocument() {
  const dir = tempDir();
  const path = join(dir, 'study.fieldcode');
  closeProject(newProject(path, { coder: 'Amina' }));
  const s = createSession({ settingsFolder: join(dir, 'settings'), defaultFolder: dir });
  openInSession(s, path);
  const corpus = makeTranscripts().slice(0, 41);
  writeCorpus(join(dir, 'first'), corpus.slice(0, 1));
  writeCorpus(join(dir, 'transcripts'), corpus.slice(1));
  await callMethod(s, 'documents.import', { paths: [join(dir, 'first')] });
  return { dir, path, s };
}

describe('cancelling an import while it writes', () => {
  it('rolls back every document already written in the open transaction; the file is as before', async () => {
    const { dir, path, s } = await studyWithOneDocument();
    const before = dumpOnDisk(path);
    const history = await callMethod(s, 'history.state', {});
    const cancel = cancelWhileWriting(
      s,
      'import-1',
      (e) => e.done >= 5,
      () => count(s, 'documents'),
    );
    const outcome = await callMethod(s, 'documents.import', { paths: [join(dir, 'transcripts')], operation: 'import-1' }).catch((e: unknown) => e);
    cancel.stop();
    expect(outcome).toBeInstanceOf(Cancelled);
    expect(cancel.answered).toBe(true);
    // The write had begun: the session's connection saw the new documents inside the open transaction.
    expect(cancel.seen).toBeGreaterThanOrEqual(1 + 5);
    expect(cancel.events).toContain('reading 40/40');
    // Stopped at the next document, not at the end of the batch.
    expect(cancel.afterCancel.length).toBeLessThanOrEqual(1);
    expect(cancel.events).not.toContain('writing 40/40');
    expect(count(s, 'documents')).toBe(1);
    expect(await callMethod(s, 'history.state', {})).toEqual(history);
    closeSession(s);
    expect(dumpOnDisk(path) === before, 'the project file changed').toBe(true);
  });

  it('without a cancel, imports the whole batch in the same steps', async () => {
    const { dir, path, s } = await studyWithOneDocument();
    const r = (await callMethod(s, 'documents.import', { paths: [join(dir, 'transcripts')], operation: 'import-2' })) as ImportReport;
    expect([r.imported.length, r.duplicates.length, r.failed.length]).toEqual([40, 0, 0]);
    closeSession(s);
    const onDisk = JSON.parse(dumpOnDisk(path)) as { documents: string[] };
    expect(onDisk.documents).toHaveLength(41);
  });
});
