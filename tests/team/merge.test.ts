import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coderCopy } from '../../electron/team/coder-copy';
import { deleteCode, ensureCodePath, updateCode } from '../../electron/codebook/codebook';
import { applyCode, removeSegment, updateSegment } from '../../electron/coding/coding';
import { merge, mergeLog, mergePreview } from '../../electron/team/merge/merge';
import { saveMemo } from '../../electron/coding/memos';
import { resolveCodePath } from '../../electron/store/codes';
import { closeProject } from '../../electron/store/db';
import { listBackups } from '../../electron/store/backup';
import { tempDir } from '../helpers/temp';
import { codings, contentDump, docId, hashFolder, makeMaster, open, span } from './helpers';

const PLANNING = 'Teachers/Pedagogic changes/lesson planning';
const RESOURCES = 'Teachers/Pedagogic changes/different teaching methods based on fewer resources';
const GLOBAL = 'Students/Knowledge/global issues';

async function twoCoders() {
  const dir = tempDir();
  const master = await makeMaster(dir);
  const copies = { amina: join(dir, 'amina.fieldcode'), ben: join(dir, 'ben.fieldcode') };
  coderCopy(master, copies.amina, 'Amina');
  coderCopy(master, copies.ben, 'Ben');
  return { dir, master, copies };
}

describe('coder copies', () => {
  it('hand a coder all or chosen documents, with the coder set and nothing of the master changed', async () => {
    const dir = tempDir();
    const master = await makeMaster(dir);
    applyCode(master, { ...span(master, docId(master, 'Focus group - Teachers'), 'We plan lessons'), codeId: resolveCodePath(master, PLANNING).id });
    const before = contentDump(master);
    const r = coderCopy(master, join(dir, 'amina.fieldcode'), 'Amina', { documents: ['focus group - teachers', 'Student workshop A'] });
    expect(r).toMatchObject({ file: 'amina.fieldcode', coder: { name: 'Amina' }, documents: 2, segments: 0 });
    expect(contentDump(master)).toBe(before);
    const copy = open(r.path);
    expect(copy.db.prepare('SELECT name FROM documents ORDER BY name').pluck().all()).toEqual(['Focus group - Teachers', 'Student workshop A']);
    expect(copy.db.prepare('SELECT count(*) FROM document_search').pluck().get()).toBe(2);
    expect(copy.db.prepare("SELECT c.name FROM settings s JOIN coders c ON c.id = s.value WHERE s.key = 'coder'").pluck().get()).toBe('Amina');
    expect(copy.db.prepare('SELECT id FROM project').pluck().get()).toBe(master.db.prepare('SELECT id FROM project').pluck().get());
    // Others' codings stay out unless asked for.
    expect(copy.db.prepare('SELECT count(*) FROM segments').pluck().get()).toBe(0);
    const all = coderCopy(master, join(dir, 'ben.fieldcode'), 'Ben', { withCodings: true });
    expect(all).toMatchObject({ documents: 3, segments: 1 });
  });

  it('refuses an existing file, the master itself, unknown documents and a missing name', async () => {
    const dir = tempDir();
    const master = await makeMaster(dir);
    expect(() => coderCopy(master, master.path, 'Amina')).toThrow(/master\.fieldcode: this is the master project itself/);
    coderCopy(master, join(dir, 'a.fieldcode'), 'Amina');
    expect(() => coderCopy(master, join(dir, 'a.fieldcode'), 'Ben')).toThrow(/a\.fieldcode: a file with this name already exists/);
    expect(() => coderCopy(master, join(dir, 'b.fieldcode'), 'Ben', { documents: ['Nope'] })).toThrow(/no document named "Nope"/);
    expect(() => coderCopy(master, join(dir, 'c.fieldcode'), '  ')).toThrow(/needs the name of the coder/);
    expect(Object.keys(hashFolder(dir)).filter((f) => !f.startsWith('master'))).toEqual(['a.fieldcode']);
  });
});

describe('merging coder copies', () => {
  it('brings in both coders\u2019 work, unifies codes invented twice, reports a rename conflict', async () => {
    const { dir, master, copies } = await twoCoders();
    const a = open(copies.amina);
    const fg = docId(a, 'Focus group - Teachers');
    applyCode(a, { ...span(a, fg, 'We plan lessons together'), codeId: resolveCodePath(a, PLANNING).id, memo: 'joint planning' });
    const dramaA = ensureCodePath(a, 'Students/Skills/Drama');
    applyCode(a, { ...span(a, docId(a, 'Student workshop A'), 'They play cricket'), codeId: dramaA.id });
    updateCode(a, resolveCodePath(a, GLOBAL).id, { name: 'global issues (climate, trade)' });
    saveMemo(a, { target: 'code', targetId: dramaA.id, title: 'Drama', body: 'plays, role play' });
    closeProject(a);

    const b = open(copies.ben);
    applyCode(b, {
      ...span(b, docId(b, 'Focus group - Teachers'), 'We plan lessons together with our partner school'),
      codeId: resolveCodePath(b, PLANNING).id,
    });
    const dramaB = ensureCodePath(b, 'students/skills/drama');
    applyCode(b, { ...span(b, docId(b, 'Student workshop A'), 'have a big library'), codeId: dramaB.id });
    updateCode(b, resolveCodePath(b, GLOBAL).id, { name: 'world issues' });
    closeProject(b);

    const inputs = hashFolder(dir);
    const preview = await mergePreview(master, [copies.amina, copies.ben]);
    expect(preview.dryRun).toBe(true);
    expect(listBackups(master)).toHaveLength(0);
    const r = await merge(master, [copies.amina, copies.ben]);
    expect(preview).toEqual({ ...r, dryRun: true, backup: null });
    expect(r.totals.segments).toMatchObject({ new: 4, conflicts: 0 });
    expect(r.totals.codes.new).toBe(1); // Drama once: Ben's "drama" is Amina's "Drama"
    expect(r.files[1].counts.codes).toMatchObject({ new: 0, updated: 1, conflicts: 1 });
    expect(r.files[1].conflicts[0]).toMatchObject({ kind: 'codes', reason: expect.stringMatching(/changed in both files/), fields: [{ field: 'name' }] });
    expect(r.totals.memos.new).toBe(1);
    expect(r.backup).toMatch(/before-merge\.fieldcode$/);
    const rows = codings(master).map((c) => c.split('\t'));
    expect(
      rows
        .filter((c) => c[1] === 'Students/Skills/Drama')
        .map((c) => c[2])
        .sort(),
    ).toEqual(['amina', 'ben']);
    expect(
      rows
        .filter((c) => c[1] === PLANNING)
        .map((c) => c[2])
        .sort(),
    ).toEqual(['amina', 'ben']);
    expect(rows.find((c) => c[2] === 'amina' && c[1] === PLANNING)?.[4]).toBe('joint planning');
    // Whichever rename is newer wins: Ben renamed last.
    expect(resolveCodePath(master, 'Students/Knowledge/world issues')).toBeTruthy();
    // The copies were not written, and nothing was left beside them.
    const after = hashFolder(dir);
    for (const f of Object.keys(inputs).filter((f) => !f.startsWith('master'))) expect(after[f]).toBe(inputs[f]);
    expect(
      Object.keys(after)
        .filter((f) => !f.startsWith('master'))
        .sort(),
    ).toEqual(['amina.fieldcode', 'ben.fieldcode']);

    const log = mergeLog(master);
    expect(log.map((l) => l.file).sort()).toEqual(['amina.fieldcode', 'ben.fieldcode']);
    expect(log[0]).toMatchObject({ projectId: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), counts: { segments: expect.any(Object) } });

    // Again: nothing changes, in either order, with or without re-reading the files.
    const content = contentDump(master);
    const again = await merge(master, [copies.ben, copies.amina]);
    expect(again.changed).toBe(false);
    expect(again.files.every((f) => f.alreadyMerged !== null)).toBe(true);
    const forced = await merge(master, [copies.ben, copies.amina], { force: true });
    expect(forced.changed).toBe(false);
    expect(contentDump(master)).toBe(content);
  });

  it('carries deletions and edits both ways by time, and keeps a code matched by name after a rename', async () => {
    const { master, copies } = await twoCoders();
    const seg = applyCode(master, {
      ...span(master, docId(master, 'Interview - Headteacher'), 'fair trade'),
      codeId: resolveCodePath(master, GLOBAL).id,
      coder: 'Amina',
    });
    const amina = join(copies.amina, '..', 'amina2.fieldcode');
    coderCopy(master, amina, 'Amina');
    const a = open(amina);
    updateSegment(a, seg.id, { end: seg.end + 12 });
    const drama = ensureCodePath(a, 'Students/Skills/Drama');
    applyCode(a, { ...span(a, docId(a, 'Student workshop A'), 'cricket'), codeId: drama.id });
    closeProject(a);
    await merge(master, [amina]);
    expect(master.db.prepare('SELECT end FROM segments WHERE id = ?').pluck().get(seg.id)).toBe(seg.end + 12);

    // Ben invented Drama too; the lead renames Amina's Drama before Ben's copy comes in.
    const b = open(copies.ben);
    const dramaB = ensureCodePath(b, 'Students/Skills/Drama');
    applyCode(b, { ...span(b, docId(b, 'Student workshop A'), 'big library'), codeId: dramaB.id });
    closeProject(b);
    await merge(master, [copies.ben]);
    updateCode(master, resolveCodePath(master, 'Students/Skills/Drama').id, { name: 'Drama and role play' });
    removeSegment(master, seg.id);
    const content = contentDump(master);
    await merge(master, [copies.ben, amina], { force: true });
    expect(contentDump(master)).toBe(content);
    expect(codings(master).filter((c) => c.includes('Drama and role play'))).toHaveLength(2);
    expect(master.db.prepare('SELECT deleted_at IS NOT NULL FROM segments WHERE id = ?').pluck().get(seg.id)).toBe(1);
  });

  it('merges a copy again after the coder went on coding in it, and knows a copied file by its hash', async () => {
    const { dir, master, copies } = await twoCoders();
    const a = open(copies.amina);
    const fg = docId(a, 'Focus group - Teachers');
    applyCode(a, { ...span(a, fg, 'We plan lessons'), codeId: resolveCodePath(a, PLANNING).id });
    closeProject(a);
    expect((await merge(master, [copies.amina])).totals.segments.new).toBe(1);
    const again = open(copies.amina);
    applyCode(again, { ...span(again, fg, 'fewer resources'), codeId: resolveCodePath(again, RESOURCES).id });
    closeProject(again);
    const second = await merge(master, [copies.amina]);
    expect(second.files[0].alreadyMerged).toBeNull();
    expect(second.totals.segments).toMatchObject({ new: 1, unchanged: 1 });
    // The same bytes under another name (emailed back, copied from a stick): known by hash, nothing to do.
    copyFileSync(copies.amina, join(dir, 'amina (1).fieldcode'));
    const third = await merge(master, [join(dir, 'amina (1).fieldcode')]);
    expect(third.files[0]).toMatchObject({ file: 'amina (1).fieldcode', alreadyMerged: expect.any(String) });
    expect(third.changed).toBe(false);
    expect(mergeLog(master)).toHaveLength(3);
  });

  it('keeps a document whose text differs under the same id as a separate document, with its codings', async () => {
    const { master, copies } = await twoCoders();
    const b = open(copies.ben);
    const fg = docId(b, 'Focus group - Teachers');
    // Another program (or a damaged re-import) changed the text under the same id.
    b.db.prepare("UPDATE documents SET text = text || 'Mr Otieno: And the parents came too.', chars = chars + 36, sha256 = 'changed' WHERE id = ?").run(fg);
    applyCode(b, { ...span(b, fg, 'And the parents came too'), codeId: resolveCodePath(b, PLANNING).id });
    closeProject(b);
    const r = await merge(master, [copies.ben]);
    expect(r.files[0].conflicts).toEqual([expect.objectContaining({ kind: 'documents', kept: 'both', reason: expect.stringMatching(/text differs/) })]);
    expect(r.totals.documents.new).toBe(1);
    const names = master.db.prepare('SELECT name FROM documents WHERE deleted_at IS NULL ORDER BY name').pluck().all();
    expect(names).toContain('Focus group - Teachers (ben.fieldcode)');
    const seg = master.db
      .prepare('SELECT d.name, substr(d.text, s.start + 1, s.end - s.start) AS quote FROM segments s JOIN documents d ON d.id = s.document_id')
      .get();
    expect(seg).toEqual({ name: 'Focus group - Teachers (ben.fieldcode)', quote: 'And the parents came too' });
    const content = contentDump(master);
    expect((await merge(master, [copies.ben], { force: true })).changed).toBe(false);
    expect(contentDump(master)).toBe(content);
  });

  it('reports segments that come in on a code the master deleted, and keeps them', async () => {
    const { master, copies } = await twoCoders();
    const a = open(copies.amina);
    applyCode(a, { ...span(a, docId(a, 'Focus group - Teachers'), 'fewer resources'), codeId: resolveCodePath(a, RESOURCES).id });
    closeProject(a);
    await deleteCode(master, resolveCodePath(master, RESOURCES).id);
    const r = await merge(master, [copies.amina]);
    expect(r.totals.segments.new).toBe(1);
    expect(r.files[0].conflicts).toEqual([
      expect.objectContaining({ kind: 'codes', reason: expect.stringMatching(/1 segment\(s\) from the copy use this code, which is deleted in the master/) }),
    ]);
  });
});
