import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../electron/handlers';
import { alone, throughGate } from '../../electron/project/gate';
import { breathe, cancelOperation, watchProgress } from '../../electron/project/operations';
import { closeSession, createSession, openInSession, type Session } from '../../electron/project/session';
import { newProject } from '../../electron/project/project';
import { closeProject } from '../../electron/store/db';
import { Cancelled } from '../../shared/progress';
import type { Memo, Segment } from '../../shared/types';
import { makeTranscripts, writeCorpus } from '../bench/corpus';
import { dumpOnDisk } from '../helpers/cancel';
import { tempDir } from '../helpers/temp';

// The session's gate: while a long operation's stepped write holds the project's
// connection inside an open transaction, the session's other calls wait, then run
// on their own — so a cancel of the long operation cannot take them with it.

async function studyWithOneDocument(): Promise<{ dir: string; path: string; s: Session; documentId: string; codeId: string }> {
  const dir = tempDir();
  const path = join(dir, 'study.fieldcode');
  closeProject(newProject(path, { coder: 'Amina' }));
  const s = createSession({ settingsFolder: join(dir, 'settings'), defaultFolder: dir });
  openInSession(s, path);
  const corpus = makeTranscripts().slice(0, 31);
  writeCorpus(join(dir, 'first'), corpus.slice(0, 1));
  writeCorpus(join(dir, 'transcripts'), corpus.slice(1));
  await callMethod(s, 'documents.import', { paths: [join(dir, 'first')] });
  const documentId = s.project!.db.prepare('SELECT id FROM documents').pluck().get() as string;
  const codeId = s.project!.db.prepare("SELECT id FROM codes WHERE name = 'lesson planning'").pluck().get() as string;
  return { dir, path, s, documentId, codeId };
}

const count = (s: Session, table: string) => s.project!.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('the session’s gate', () => {
  it('holds a memo save and a coding sent during a stepped write back, then saves them: a cancel of the import keeps them', async () => {
    const { dir, path, s, documentId, codeId } = await studyWithOneDocument();
    const settled: string[] = [];
    const during: number[] = [];
    let sent: Promise<[Memo, Segment]> | null = null;
    const stop = watchProgress(s, (e) => {
      if (e.stage !== 'writing') return;
      // Nothing the waiting calls write may appear inside the import's open transaction.
      if (sent) during.push(count(s, 'memos') + count(s, 'segments'));
      if (sent || e.done < 3) return;
      // Sent from timers, as the bridge or the worker delivers calls: on later turns of the event loop.
      sent = new Promise((ok, fail) =>
        setTimeout(() => {
          const memo = callMethod(s, 'memos.save', { target: 'project', targetId: null, title: 'Field notes', body: 'Written while the import ran.' });
          const coding = callMethod(s, 'segments.apply', { documentId, codeId, start: 0, end: 11 });
          Promise.all([memo, coding]).then((r) => {
            // Saved once the import's transaction had ended (rolled back), not inside it.
            settled.push(`memo and coding, transaction open: ${s.project!.db.inTransaction}`);
            ok(r as [Memo, Segment]);
          }, fail);
          setTimeout(() => cancelOperation(s, 'import-1'), 0);
        }, 0),
      );
    });
    const outcome = await callMethod(s, 'documents.import', { paths: [join(dir, 'transcripts')], operation: 'import-1' }).catch((e: unknown) => e);
    stop();
    expect(outcome).toBeInstanceOf(Cancelled);
    const [memo, coding] = await sent!;
    expect(settled).toEqual(['memo and coding, transaction open: false']);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((n) => n === 0)).toBe(true);
    expect([memo.title, coding.start, coding.end]).toEqual(['Field notes', 0, 11]);
    expect([count(s, 'documents'), count(s, 'memos'), count(s, 'segments')]).toEqual([1, 1, 1]);
    expect(await callMethod(s, 'history.state', {})).toMatchObject({ undo: expect.stringMatching(/lesson planning/) });
    closeSession(s);
    const onDisk = JSON.parse(dumpOnDisk(path)) as { documents: string[]; memos: string[]; segments: string[] };
    expect([onDisk.documents.length, onDisk.memos.length, onDisk.segments.length]).toEqual([1, 1, 1]);
  });

  it('lets a write wait for the calls already inside, and keeps later calls out until it ends; a cancel passes', async () => {
    const { s } = await studyWithOneDocument();
    const order: string[] = [];
    let release!: () => void;
    const slow = throughGate(s, async () => {
      order.push('slow call in');
      await new Promise<void>((ok) => (release = ok));
      order.push('slow call out');
    });
    const write = throughGate(s, () =>
      alone(s.project!, async () => {
        order.push('write in');
        await breathe();
        // Inside the write a cancel still gets through the contract at once.
        expect(await callMethod(s, 'operation.cancel', { operation: 'nothing-running' })).toEqual({ cancelled: false });
        order.push('write out');
      }),
    );
    await breathe();
    const late = throughGate(s, () => order.push('later call'));
    await breathe();
    expect(order).toEqual(['slow call in']);
    release();
    await Promise.all([slow, write, late]);
    expect(order).toEqual(['slow call in', 'slow call out', 'write in', 'write out', 'later call']);
    closeSession(s);
  });
});
