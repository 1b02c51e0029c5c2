import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeImpact, createCode, deleteCode, ensureCodePath, mergeCodes, moveCode, setAnchorExample, updateCode } from '../../electron/codebook/codebook';
import { applyCode, listSegments } from '../../electron/coding/coding';
import { listBackups } from '../../electron/store/backup';
import { listCodes, resolveCodePath } from '../../electron/store/codes';
import { enableHistory, undo } from '../../electron/store/history';
import { at, FOCUS_GROUP, importFocusGroup } from '../helpers/corpus';
import { tempProject } from '../helpers/temp';

describe('codebook', () => {
  it('starts with the NSSP frame, or empty', () => {
    const nssp = tempProject();
    const paths = listCodes(nssp).map((c) => c.path);
    expect(paths).toContain('Students/Motivation/Sources in African schools/learning English');
    expect(paths).toContain('Communities/Influence on the wider community');
    expect(listCodes(tempProject({ codebook: 'empty' }, 'empty.fieldcode'))).toHaveLength(0);
  });

  it('creates, renames, recolours, describes and moves codes', () => {
    const p = tempProject();
    const skills = resolveCodePath(p, 'students/skills');
    const drama = createCode(p, { name: 'Drama', parentId: skills.id, definition: 'Performing for partner schools' });
    expect(drama.path).toBe('Students/Skills/Drama');
    expect(drama.colour).toBe(skills.colour);
    expect(() => createCode(p, { name: 'drama', parentId: skills.id })).toThrow(/already exists/);
    expect(() => createCode(p, { name: 'a/b' })).toThrow(/cannot contain "\/"/);
    expect(updateCode(p, drama.id, { name: 'Drama and music' }).path).toBe('Students/Skills/Drama and music');
    expect(updateCode(p, drama.id, { colour: '#D55E00' }).colour).toBe('#D55E00');
    const described = updateCode(p, drama.id, { whenToUse: 'performing arts', whenNotToUse: 'sport' });
    expect(described).toMatchObject({ definition: 'Performing for partner schools', whenToUse: 'performing arts', whenNotToUse: 'sport' });
    const moved = moveCode(p, drama.id, null);
    expect(moved.path).toBe('Drama and music');
    expect(() => moveCode(p, skills.id, resolveCodePath(p, 'students/skills/ict').id)).toThrow(/inside itself/);
  });

  it('ensures a path by creating what is missing, matching existing parts ignoring case', () => {
    const p = tempProject();
    const before = listCodes(p).length;
    expect(ensureCodePath(p, 'students/skills/Drama').path).toBe('Students/Skills/Drama');
    expect(listCodes(p).length).toBe(before + 1);
  });

  it('merges two codes: segments move, duplicates collapse, children follow, a backup is made', async () => {
    const p = tempProject();
    const doc = await importFocusGroup(p);
    const a = resolveCodePath(p, 'Teachers/Pedagogic changes/lesson planning');
    const b = resolveCodePath(p, 'Teachers/Pedagogic changes/delivery of lessons');
    const span = at(FOCUS_GROUP, 'We plan lessons together');
    applyCode(p, { documentId: doc, codeId: a.id, ...span });
    applyCode(p, { documentId: doc, codeId: b.id, ...span });
    applyCode(p, { documentId: doc, codeId: a.id, ...at(FOCUS_GROUP, 'fewer resources') });
    const child = createCode(p, { name: 'weekly', parentId: a.id });
    const merged = await mergeCodes(p, a.id, b.id);
    expect(merged.segments).toBe(2);
    expect(listCodes(p).find((c) => c.id === child.id)?.path).toBe('Teachers/Pedagogic changes/delivery of lessons/weekly');
    expect(listCodes(p).some((c) => c.id === a.id)).toBe(false);
    expect(listBackups(p)).toHaveLength(1);
    expect(existsSync(listBackups(p)[0])).toBe(true);
  });

  it('deletes a code with its descendants and segments, reports the impact, and undoes', async () => {
    const p = tempProject();
    enableHistory(p);
    const doc = await importFocusGroup(p);
    const skills = resolveCodePath(p, 'Teachers/Skills');
    applyCode(p, { documentId: doc, codeId: resolveCodePath(p, 'Teachers/Skills/teaching skills').id, ...at(FOCUS_GROUP, 'I learnt to teach') });
    expect(codeImpact(p, skills.id)).toEqual({ codes: 7, segments: 1 });
    expect(await deleteCode(p, skills.id)).toEqual({ codes: 7, segments: 1 });
    expect(listCodes(p).some((c) => c.path.startsWith('Teachers/Skills'))).toBe(false);
    expect(listSegments(p)).toHaveLength(0);
    undo(p);
    expect(listCodes(p).filter((c) => c.path.startsWith('Teachers/Skills'))).toHaveLength(7);
    expect(listSegments(p)).toHaveLength(1);
  });

  it('links anchor examples to real segments', async () => {
    const p = tempProject();
    const doc = await importFocusGroup(p);
    const code = resolveCodePath(p, 'Teachers/Pedagogic changes/lesson planning');
    const seg = applyCode(p, { documentId: doc, codeId: code.id, ...at(FOCUS_GROUP, 'We plan lessons together') });
    expect(setAnchorExample(p, code.id, seg.id, 'clear case').anchors).toEqual([{ segmentId: seg.id, note: 'clear case' }]);
    expect(setAnchorExample(p, code.id, seg.id, null).anchors).toEqual([]);
  });
});
