import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/documents/import';
import { searchText } from '../../electron/documents/search';
import { listDocuments, getDocument } from '../../electron/store/documents';
import { listBackups } from '../../electron/store/backup';
import { tempProject } from '../helpers/temp';

const enc = (s: string) => new TextEncoder().encode(s);

describe('importing transcripts', () => {
  it('imports a batch, refusing bad files by name and still importing the rest', async () => {
    const p = tempProject();
    const report = await importFiles(p, [
      { name: 'Interview - Headteacher.txt', bytes: enc('Interviewer: Hello.\nHeadteacher: Good morning.\n') },
      { name: 'blank.txt', bytes: enc('') },
      { name: 'scan.docx', bytes: enc('not a zip at all') },
      { name: 'Workshop - Year 9.txt', bytes: enc('Facilitator: Draw your partner school.\nStudent 1: They have a big field.\n') },
    ]);
    expect(report.imported.map((d) => d.name)).toEqual(['Interview - Headteacher', 'Workshop - Year 9']);
    expect(report.failed.map((f) => f.file)).toEqual(['blank.txt', 'scan.docx']);
    for (const f of report.failed) expect(f.reason).not.toMatch(/\n/);
    const docs = listDocuments(p);
    expect(docs.map((d) => [d.name, d.kind, d.turns])).toEqual([
      ['Interview - Headteacher', 'interview', 2],
      ['Workshop - Year 9', 'student workshop', 2],
    ]);
  });

  it('recognises the same text imported twice, and backs up before a batch into a project with documents', async () => {
    const p = tempProject();
    const text = enc('Interviewer: Hello.\nHeadteacher: Good morning.\n');
    await importFiles(p, [{ name: 'a.txt', bytes: text }]);
    const again = await importFiles(p, [
      { name: 'copy of a.txt', bytes: text },
      { name: 'b.txt', bytes: enc('T1: new words here') },
    ]);
    expect(again.duplicates).toEqual([{ file: 'copy of a.txt', existing: 'a' }]);
    expect(again.imported.map((d) => d.name)).toEqual(['b']);
    expect(listBackups(p)).toHaveLength(1);
    // The next batch of the same import (minutes apart at most) shares that backup.
    await importFiles(p, [{ name: 'c.txt', bytes: enc('T1: third batch') }]);
    expect(listBackups(p)).toHaveLength(1);
  });

  it('assigns kind and case at import and detects right-to-left text', async () => {
    const p = tempProject();
    const r = await importFiles(p, [{ name: 'Lahore.txt', bytes: enc('طالب علم: ہم نے اپنے دوستوں کو خط لکھے۔\nاستاد: بہت اچھا۔\n') }], {
      kind: 'student workshop',
      caseName: 'Lahore Grammar',
    });
    const doc = getDocument(p, r.imported[0].documentId);
    expect(doc).toMatchObject({ kind: 'student workshop', caseName: 'Lahore Grammar', rtl: true });
  });
});

describe('full-text search', () => {
  it('finds every occurrence ignoring case and accents, with offsets into the text', async () => {
    const p = tempProject();
    const text = 'Facilitator: What about the café?\nStudent 1: The Cafe sells fair trade tea. FAIR TRADE matters.\n';
    await importFiles(p, [{ name: 'w.txt', bytes: enc(text) }]);
    const doc = listDocuments(p)[0];
    const stored = getDocument(p, doc.id).text;
    const hits = searchText(p, 'fair trade');
    expect(hits.map((h) => stored.slice(h.start, h.end))).toEqual(['fair trade', 'FAIR TRADE']);
    expect(hits[0]).toMatchObject({ document: 'w', speaker: 'Student 1', match: 'fair trade' });
    expect(searchText(p, 'cafe').map((h) => h.match)).toEqual(['café', 'Cafe']);
    // FTS syntax in the query is treated as words.
    expect(searchText(p, 'tea" OR "x')).toEqual([]);
    expect(searchText(p, '***')).toEqual([]);
  });
});
