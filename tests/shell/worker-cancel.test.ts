import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { newProject } from '../../electron/project/project';
import { workerClient, type WorkerClient } from '../../electron/shell/worker-client';
import { closeProject } from '../../electron/store/db';
import { CANCELLED_MESSAGE } from '../../shared/progress';
import { makeTranscripts, writeCorpus } from '../bench/corpus';
import { dumpOnDisk } from '../helpers/cancel';
import { tempDir } from '../helpers/temp';

// Under Electron the store lives in a worker thread (electron/shell/worker.ts) and a
// cancel arrives as a message. Here the real worker, bundled as build/build.mjs does,
// runs an import; the cancel posted while it writes rolls it back, and a memo saved
// meanwhile waits at the session's gate and stays.

const root = join(import.meta.dirname, '..', '..');
let client: WorkerClient | null = null;
let bundle: string | null = null;
afterEach(async () => {
  await client?.close();
  client = null;
  if (bundle) rmSync(bundle, { force: true });
  bundle = null;
});

async function bundleWorker(): Promise<string> {
  const out = join(root, 'tests', '.tmp', `worker-${process.pid}-${Date.now()}.cjs`);
  const external = ['electron', 'better-sqlite3', 'exceljs', 'docx', 'fsevents'];
  await build({
    entryPoints: [join(root, 'electron/shell/worker.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    logLevel: 'warning',
  });
  return out;
}

describe('the store worker', () => {
  it('hears a cancel posted while an import writes: nothing imported, a memo saved meanwhile stays', async () => {
    const dir = tempDir();
    const path = join(dir, 'study.fieldcode');
    closeProject(newProject(path, { coder: 'Amina' }));
    writeCorpus(join(dir, 'transcripts'), makeTranscripts().slice(0, 60));
    bundle = await bundleWorker();
    const script = bundle;
    let sent: Promise<unknown[]> | null = null;
    const writing: number[] = [];
    const c = (client = workerClient(
      () => new Worker(script, { workerData: { settingsFolder: join(dir, 'settings'), defaultFolder: dir } }),
      (e) => {
        if (e.operation !== 'import-w' || e.stage !== 'writing') return;
        writing.push(e.done);
        if (sent || e.done < 3) return;
        sent = Promise.all([
          c.call('memos.save', { target: 'project', targetId: null, title: 'Field notes', body: 'Saved while the import wrote.' }),
          c.call('operation.cancel', { operation: 'import-w' }),
        ]);
      },
    ));
    await c.call('project.open', { path });
    await expect(c.call('documents.import', { paths: [join(dir, 'transcripts')], operation: 'import-w' })).rejects.toThrow(CANCELLED_MESSAGE);
    const [memo, cancel] = await sent!;
    expect(cancel).toEqual({ cancelled: true });
    expect(memo).toMatchObject({ title: 'Field notes' });
    expect(writing).not.toContain(60);
    expect(await c.call('documents.list', {})).toEqual([]);
    await c.call('project.close', {});
    const onDisk = JSON.parse(dumpOnDisk(path)) as { documents: string[]; memos: string[] };
    expect([onDisk.documents.length, onDisk.memos.length]).toEqual([0, 1]);
  });
});
