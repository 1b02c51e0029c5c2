import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../electron/handlers';
import { watchProgress, cancelOperation } from '../../electron/project/operations';
import { closeProject, newProject } from '../../electron/project/project';
import { createSession, openInSession, type Session } from '../../electron/project/session';
import { writeFileAtomic } from '../../electron/store/files';
import { CANCELLED_MESSAGE, type ProgressEvent } from '../../shared/progress';
import { tempDir } from '../helpers/temp';
import { TEXTS } from '../team/helpers';

/** A session (as a window's worker or the bridge holds) with a small project open, and every event it reports. */
async function session(): Promise<{ s: Session; dir: string; events: ProgressEvent[] }> {
  const dir = tempDir();
  const path = join(dir, 'study.fieldcode');
  closeProject(newProject(path, { coder: 'Amina' }));
  const s = createSession({ settingsFolder: join(dir, 'settings'), defaultFolder: dir });
  openInSession(s, path);
  const files = Object.entries(TEXTS).map(([name, t]) => ({ name, data: Buffer.from(t).toString('base64') }));
  await callMethod(s, 'documents.import', { files });
  const events: ProgressEvent[] = [];
  watchProgress(s, (e) => events.push(e));
  return { s, dir, events };
}

const shown = (events: ProgressEvent[]) => events.map((e) => `${e.operation} ${e.stage} ${e.done}/${e.total}`);

describe('progress and cancel of exports and QDPX, through the handler table', () => {
  it('a report export reports its stages under the caller’s operation id', async () => {
    const { s, dir, events } = await session();
    const out = join(dir, 'segments.csv');
    await callMethod(s, 'reports.exportSegments', { format: 'csv', path: out, operation: 'seg-1' });
    expect(shown(events)).toEqual(['seg-1 rendering 0/2', 'seg-1 writing 1/2', 'seg-1 writing 2/2']);
    expect(existsSync(out)).toBe(true);
  });

  it('a cancelled report export leaves no file, neither in place nor under a temporary name', async () => {
    const { s, dir, events } = await session();
    watchProgress(s, (e) => e.stage === 'writing' && cancelOperation(s, e.operation));
    const before = readdirSync(dir).sort();
    await expect(callMethod(s, 'reports.exportCodebook', { format: 'docx', path: join(dir, 'codebook.docx'), operation: 'cb' })).rejects.toThrow(
      CANCELLED_MESSAGE,
    );
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(shown(events)).toEqual(['cb rendering 0/2', 'cb writing 1/2']);
    // The id is free again once the operation ended.
    expect(await callMethod(s, 'operation.cancel', { operation: 'cb' })).toEqual({ cancelled: false });
  });

  it('a file completed under its temporary name is removed when the cancel comes before the rename', () => {
    const dir = tempDir();
    expect(() =>
      writeFileAtomic(join(dir, 'report.html'), Buffer.from('<p>whole</p>'), {
        beforeRename: () => {
          expect(readdirSync(dir).some((f) => f.endsWith('.partial'))).toBe(true);
          throw new Error('cancelled');
        },
      }),
    ).toThrow('cancelled');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a QDPX export reports reading, converting, packing and writing; cancelled, it writes nothing', async () => {
    const { s, dir, events } = await session();
    await callMethod(s, 'refi.exportProject', { path: join(dir, 'study.qdpx'), operation: 'x1' });
    expect([...new Set(events.map((e) => e.stage))]).toEqual(['rendering', 'reading', 'converting', 'packing', 'writing']);
    const before = readdirSync(dir).sort();
    watchProgress(s, (e) => e.stage === 'packing' && cancelOperation(s, e.operation));
    await expect(callMethod(s, 'refi.exportProject', { path: join(dir, 'again.qdpx'), operation: 'x2' })).rejects.toThrow(CANCELLED_MESSAGE);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('a QDPX import reports each source written; cancelled mid-way, no project file is left behind', async () => {
    const { s, dir, events } = await session();
    const qdpx = join(dir, 'study.qdpx');
    await callMethod(s, 'refi.exportProject', { path: qdpx });
    const before = readdirSync(dir).sort();
    watchProgress(s, (e) => e.stage === 'writing' && e.done === 1 && cancelOperation(s, e.operation));
    await expect(callMethod(s, 'refi.importProject', { path: qdpx, target: join(dir, 'imported'), operation: 'imp' })).rejects.toThrow(CANCELLED_MESSAGE);
    expect(shown(events)).toEqual(['imp reading 0/1', 'imp checking 0/1', 'imp writing 0/3', 'imp writing 1/3']);
    expect(readdirSync(dir).sort()).toEqual(before);
    // The project that was open stays open.
    expect(s.project?.path).toBe(join(dir, 'study.fieldcode'));
  });

  it('refuses a second operation under an id still running, and a malformed id', async () => {
    const { s, dir } = await session();
    writeFileSync(join(dir, 'note.txt'), 'Interviewer: Hello?\nTeacher: Hello.\n');
    const first = callMethod(s, 'documents.import', { paths: [join(dir, 'note.txt')], operation: 'same' });
    await expect(callMethod(s, 'documents.import', { paths: [join(dir, 'note.txt')], operation: 'same' })).rejects.toThrow('already running');
    await first;
    await expect(callMethod(s, 'operation.cancel', { operation: '../x' })).rejects.toThrow('invalid input');
  });

  it('a cancel that arrives before its call (a large upload still on its way) stops the operation as it starts', async () => {
    const { s, dir } = await session();
    const before = await callMethod(s, 'documents.list', {});
    expect(await callMethod(s, 'operation.cancel', { operation: 'late-call' })).toEqual({ cancelled: false });
    writeFileSync(join(dir, 'late.txt'), 'Interviewer: Late?\nTeacher: Yes.\n');
    await expect(callMethod(s, 'documents.import', { paths: [join(dir, 'late.txt')], operation: 'late-call' })).rejects.toThrow(CANCELLED_MESSAGE);
    expect(await callMethod(s, 'documents.list', {})).toEqual(before);
    // Only once: the id is not cancelled for ever.
    expect(await callMethod(s, 'documents.import', { paths: [join(dir, 'late.txt')], operation: 'late-call' })).toMatchObject({ imported: [{ name: 'late' }] });
  });
});
