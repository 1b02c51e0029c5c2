import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeCaseStudies } from '../../electron/analysis/drafts';
import { callMethod } from '../../electron/handlers';
import { cancelOperation, watchProgress } from '../../electron/project/operations';
import { closeProject } from '../../electron/project/project';
import { closeSession, createSession, openInSession, type Session } from '../../electron/project/session';
import { openProject } from '../../electron/store/db';
import { CANCELLED_MESSAGE, type ProgressEvent } from '../../shared/progress';
import { recorder } from '../helpers/progress';
import { tempDir } from '../helpers/temp';
import { buildStudy } from './study';

// The analysis and reliability exports under an operation id, through the handler
// table as the app calls them: stages and one step per case for the drafts of all
// 54 schools, and a cancel at any step leaves no file at all.

let master: string;
let schools: string[];
// The 54-school study is built once and kept for the file (the helpers' folders go after each test).
const kept = mkdtempSync(join(tmpdir(), 'fieldcode-analysis-progress-'));
const sessions: Session[] = [];

beforeAll(async () => {
  const study = await buildStudy({ file: 'nssp.fieldcode' });
  schools = study.cases;
  closeProject(study.p);
  master = join(kept, 'nssp.fieldcode');
  copyFileSync(study.p.path, master);
});

afterEach(() => {
  for (const s of sessions.splice(0)) closeSession(s);
});

afterAll(() => rmSync(kept, { recursive: true, force: true }));

function session(): { s: Session; dir: string; events: ProgressEvent[] } {
  const dir = tempDir();
  const s = createSession({ settingsFolder: join(dir, 'settings'), defaultFolder: dir });
  openInSession(s, master);
  sessions.push(s);
  const events: ProgressEvent[] = [];
  watchProgress(s, (e) => events.push(e));
  return { s, dir, events };
}

const cancelWhen = (s: Session, when: (e: ProgressEvent) => boolean) => watchProgress(s, (e) => when(e) && cancelOperation(s, e.operation));

describe('analysis exports with progress and cancel', () => {
  it('drafts of all 54 schools: one step per school in case order, then packing and writing one ZIP', async () => {
    const { s, dir, events } = session();
    const out = join(dir, 'drafts.zip');
    const file = await callMethod(s, 'analysis.export', { what: 'caseStudies', format: 'md', path: out, operation: 'all-1' });
    expect(file).toMatchObject({ path: out, rows: 54, fileName: 'drafts.zip' });
    const drafting = events.filter((e) => e.stage === 'drafting');
    expect(drafting.map((e) => e.done)).toEqual([...Array(54).keys()]);
    expect(drafting.every((e) => e.total === 54 && e.operation === 'all-1')).toBe(true);
    expect(drafting.map((e) => e.file)).toEqual([...schools].sort((a, b) => a.localeCompare(b)).map((n) => n));
    expect([...new Set(events.map((e) => e.stage))]).toEqual(['rendering', 'drafting', 'packing', 'writing']);
    const entries = unzipSync(readFileSync(out));
    expect(Object.keys(entries)).toHaveLength(54);
    const first = new TextDecoder().decode(entries[`${drafting[0].file}.md`]);
    expect(first.split('\n')[0]).toBe(`# ${drafting[0].file}`);
  });

  it('cancelled at the 10th school, the drafts export answers “Cancelled — nothing was changed” and leaves no file', async () => {
    const { s, dir, events } = session();
    cancelWhen(s, (e) => e.stage === 'drafting' && e.done === 9);
    const before = readdirSync(dir).sort();
    await expect(callMethod(s, 'analysis.export', { what: 'caseStudies', format: 'docx', path: join(dir, 'drafts.zip'), operation: 'all-2' })).rejects.toThrow(
      CANCELLED_MESSAGE,
    );
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(events.at(-1)).toMatchObject({ stage: 'drafting', done: 9 });
  });

  it('the framework matrix, pair matrix and one draft report rendering then writing; a cancel at writing leaves nothing', async () => {
    const { s, dir, events } = session();
    const caseId = (callMethod(s, 'cases.list', {}) as Promise<{ id: string }[]>).then((l) => l[0].id);
    const requests = [
      { what: 'matrix', format: 'xlsx', matrix: { rows: 'case', columns: { kind: 'sections' } } },
      { what: 'pairMatrix', format: 'docx' },
      { what: 'caseStudy', format: 'docx', caseId: await caseId },
    ] as const;
    for (const [i, r] of requests.entries()) {
      events.length = 0;
      await callMethod(s, 'analysis.export', { ...r, path: join(dir, `out-${i}.${r.format}`), operation: `one-${i}` });
      expect(events.map((e) => `${e.stage} ${e.done}/${e.total}`)).toEqual(['rendering 0/2', 'writing 1/2', 'writing 2/2']);
    }
    const before = readdirSync(dir).sort();
    const stop = cancelWhen(s, (e) => e.stage === 'writing');
    for (const [i, r] of requests.entries())
      await expect(callMethod(s, 'analysis.export', { ...r, path: join(dir, `again-${i}.${r.format}`), operation: `two-${i}` })).rejects.toThrow(
        CANCELLED_MESSAGE,
      );
    stop();
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('never writes over the open project, nor over another file unless told to replace it', async () => {
    const { s, dir } = session();
    await expect(callMethod(s, 'analysis.export', { what: 'caseStudies', format: 'md', path: master })).rejects.toThrow(/Fieldcode project file/);
    const existing = join(dir, 'mine.zip');
    writeFileSync(existing, 'keep me');
    await expect(callMethod(s, 'analysis.export', { what: 'caseStudies', format: 'md', path: existing })).rejects.toThrow(/already exists/);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    await callMethod(s, 'analysis.export', { what: 'caseStudies', format: 'md', path: existing, overwrite: true });
    expect(Object.keys(unzipSync(readFileSync(existing)))).toHaveLength(54);
  });

  it('drafts into a folder (the CLI’s way): a cancel half-way removes the drafts already written and the folder it made', async () => {
    const p = openProject(master, { readonly: true });
    try {
      const ids = p.db.prepare('SELECT id FROM cases WHERE deleted_at IS NULL').pluck().all() as string[];
      const fresh = join(tempDir(), 'drafts');
      const progress = recorder((e) => e.stage === 'writing' && e.done === 20);
      await expect(writeCaseStudies(p, ids, fresh, 'md', undefined, progress)).rejects.toThrow(CANCELLED_MESSAGE);
      expect(existsSync(fresh)).toBe(false);
      expect(progress.events.filter((e) => e.startsWith('drafting'))).toHaveLength(54);
      // A folder that was there stays, with only what it held before.
      const kept = join(tempDir(), 'reports');
      mkdirSync(kept);
      writeFileSync(join(kept, 'notes.txt'), 'mine');
      await expect(
        writeCaseStudies(
          p,
          ids,
          kept,
          'md',
          undefined,
          recorder((e) => e.stage === 'writing' && e.done === 5),
        ),
      ).rejects.toThrow(CANCELLED_MESSAGE);
      expect(readdirSync(kept)).toEqual(['notes.txt']);
    } finally {
      closeProject(p);
    }
  });
});

describe('reliability exports with progress and cancel', () => {
  it('compute then write, under the operation id; cancelled, no file is left', async () => {
    const { s, dir, events } = session();
    const coders = ((await callMethod(s, 'team.coders', {})) as { id: string }[]).map((c) => c.id);
    const table = join(dir, 'agreement.xlsx');
    await callMethod(s, 'team.exportAgreement', { format: 'xlsx', coderIds: coders, ci: 200, path: table, operation: 'rel-1' });
    expect(events.map((e) => `${e.operation} ${e.stage} ${e.done}/${e.total}`)).toEqual(['rel-1 computing 0/2', 'rel-1 writing 1/2', 'rel-1 writing 2/2']);
    expect(existsSync(table)).toBe(true);
    const before = readdirSync(dir).sort();
    const stop = cancelWhen(s, (e) => e.stage === 'computing');
    await expect(
      callMethod(s, 'team.exportMethods', { format: 'docx', coderIds: coders, path: join(dir, 'methods.docx'), operation: 'rel-2' }),
    ).rejects.toThrow(CANCELLED_MESSAGE);
    stop();
    cancelWhen(s, (e) => e.stage === 'writing' && e.done === 1);
    await expect(
      callMethod(s, 'team.exportAgreement', { format: 'csv', coderIds: coders, path: join(dir, 'agreement.csv'), operation: 'rel-3' }),
    ).rejects.toThrow(CANCELLED_MESSAGE);
    expect(readdirSync(dir).sort()).toEqual(before);
    // Over an existing file only when told to replace it.
    await expect(callMethod(s, 'team.exportAgreement', { format: 'xlsx', coderIds: coders, path: table })).rejects.toThrow(/already exists/);
  });
});
