import { describe, expect, it } from 'vitest';
import { inList, sqlName } from '../../electron/store/sql';
import { listSegmentRows } from '../../electron/store/segments';
import { resolveCodePath } from '../../electron/store/codes';
import { applyCode } from '../../electron/coding/coding';
import { tempProject } from '../helpers/temp';
import { at, FOCUS_GROUP, importFocusGroup } from '../helpers/corpus';

describe('SQL built from parts', () => {
  it('reads an IN list of any length as one bound value (past SQLite’s 32,766 bound parameters)', async () => {
    const p = tempProject();
    const doc = await importFocusGroup(p);
    const code = resolveCodePath(p, 'Teachers/Pedagogic changes/lesson planning');
    applyCode(p, { documentId: doc, codeId: code.id, ...at(FOCUS_GROUP, 'We plan lessons together') });
    const many = [...Array.from({ length: 40_000 }, (_, i) => `not-a-code-${i}`), code.id];
    expect(listSegmentRows(p, { codeIds: many })).toHaveLength(1);
    expect(listSegmentRows(p, { codeIds: [] })).toHaveLength(0);
    const list = inList('code_id', many);
    expect(p.db.prepare(`SELECT count(*) FROM codes WHERE id IN (SELECT value FROM json_each(?))`).pluck().get(list.param)).toBe(1);
  });

  it('builds in only names from a fixed list', () => {
    expect(sqlName('segments', ['segments', 'codes'])).toBe('segments');
    expect(() => sqlName('segments; DROP TABLE codes', ['segments'])).toThrow('is not a known table or column');
    expect(() => sqlName('memos', ['segments', 'codes'])).toThrow('"memos" is not a known table or column');
    expect(() => inList('code_id) OR (1=1', ['x'])).toThrow('is not a column name');
  });
});
