import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/documents/import';
import { CANCELLED_MESSAGE } from '../../shared/progress';
import { tempProject } from '../helpers/temp';
import { recorder } from '../helpers/progress';
import { contentDump, TEXTS } from '../team/helpers';

const files = () => Object.entries(TEXTS).map(([name, t]) => ({ name, bytes: new TextEncoder().encode(t) }));
const count = (p: ReturnType<typeof tempProject>, table: string) => p.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('progress and cancel of an import', () => {
  it('reports each file read, then each document written, in order', async () => {
    const p = tempProject();
    const progress = recorder();
    const r = await importFiles(p, files(), { progress });
    expect(r.imported).toHaveLength(3);
    expect(progress.events).toEqual([
      'reading 0/3 Interview - Headteacher.txt',
      'reading 1/3 Focus group - Teachers.txt',
      'reading 2/3 Student workshop A.txt',
      'reading 3/3',
      'writing 0/3 Interview - Headteacher.txt',
      'writing 1/3 Focus group - Teachers.txt',
      'writing 2/3 Student workshop A.txt',
      'writing 3/3',
    ]);
  });

  it('cancelled while reading, imports nothing', async () => {
    const p = tempProject();
    const before = contentDump(p, true);
    const progress = recorder((e) => e.stage === 'reading' && e.done === 1);
    await expect(importFiles(p, files(), { progress })).rejects.toThrow(CANCELLED_MESSAGE);
    expect(contentDump(p, true)).toBe(before);
    expect(count(p, 'documents')).toBe(0);
  });

  it('cancelled half-way through the write transaction, rolls back the documents already written', async () => {
    const p = tempProject();
    await importFiles(p, files().slice(0, 1));
    const before = contentDump(p, true);
    const progress = recorder((e) => e.stage === 'writing' && e.done === 1);
    await expect(importFiles(p, files().slice(1), { progress, caseName: 'A new case' })).rejects.toThrow(CANCELLED_MESSAGE);
    // The first of the two new documents had been inserted (with its turns, index row and new case) before the cancel.
    expect(progress.events).toContain('writing 1/2 Student workshop A.txt');
    expect(contentDump(p, true)).toBe(before);
    expect([count(p, 'documents'), count(p, 'cases'), count(p, 'document_search')]).toEqual([1, 0, 1]);
  });
});
