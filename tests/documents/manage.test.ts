import { describe, expect, it } from 'vitest';
import { ensureCodePath } from '../../electron/codebook/codebook';
import { applyCode, listSegments } from '../../electron/coding/coding';
import { createCase } from '../../electron/cases/cases';
import { deleteDocument as removeDocument, updateDocument as editDocument } from '../../electron/documents/documents';
import { searchText } from '../../electron/documents/search';
import { closeProject, openProject } from '../../electron/store/db';
import { getDocument, listDocuments } from '../../electron/store/documents';
import { enableHistory, historyState, redo, undo } from '../../electron/store/history';
import { at, importFocusGroup } from '../helpers/corpus';
import { tempProject } from '../helpers/temp';

async function codedFocusGroup() {
  const p = tempProject();
  enableHistory(p);
  const id = await importFocusGroup(p);
  const text = getDocument(p, id).text;
  const code = ensureCodePath(p, 'Teachers/Lesson planning');
  applyCode(p, { documentId: id, codeId: code.id, ...at(text, 'We plan lessons together') });
  applyCode(p, { documentId: id, codeId: code.id, ...at(text, 'fewer resources') });
  return { p, id };
}

describe('changing documents', () => {
  it('renames, changes kind and case — each one undo step saying what it did', async () => {
    const { p, id } = await codedFocusGroup();
    const kisumu = createCase(p, 'Kisumu Girls');
    expect(editDocument(p, id, { name: '  Focus group   Kisumu ' }).name).toBe('Focus group Kisumu');
    expect(historyState(p).undo).toBe('Rename document "Focus group - Teachers, Kisumu" to "Focus group Kisumu"');
    expect(editDocument(p, id, { kind: 'interview' }).kind).toBe('interview');
    expect(editDocument(p, id, { caseId: kisumu.id }).caseName).toBe('Kisumu Girls');
    expect(historyState(p).undo).toBe('Change the case of "Focus group Kisumu"');
    undo(p);
    undo(p);
    expect(listDocuments(p).map((d) => [d.name, d.kind, d.caseName])).toEqual([['Focus group Kisumu', 'focus group', null]]);
  });

  it('refuses an empty name and a case that does not exist, leaving the document unchanged', async () => {
    const { p, id } = await codedFocusGroup();
    expect(() => editDocument(p, id, { name: '   ' })).toThrow('A document needs a name.');
    expect(() => editDocument(p, id, { caseId: '00000000-0000-4000-8000-000000000999' })).toThrow(/case no longer exists/);
    expect(listDocuments(p)[0]).toMatchObject({ name: 'Focus group - Teachers, Kisumu', caseId: null });
  });

  it('deletes a document with its segments, says how many, and undo brings back a searchable document', async () => {
    const { p, id } = await codedFocusGroup();
    expect(removeDocument(p, id)).toEqual({ name: 'Focus group - Teachers, Kisumu', segments: 2 });
    expect(historyState(p).undo).toBe('Delete document "Focus group - Teachers, Kisumu" and its 2 coded segments');
    expect(listDocuments(p)).toEqual([]);
    expect(listSegments(p, {})).toEqual([]);
    expect(searchText(p, 'garden')).toEqual([]);
    undo(p);
    expect(listDocuments(p).map((d) => [d.name, d.segments])).toEqual([['Focus group - Teachers, Kisumu', 2]]);
    expect(searchText(p, 'garden').map((h) => h.match)).toEqual(['garden']);
    redo(p);
    expect(listDocuments(p)).toEqual([]);
  });

  it('keeps the deletion in the file after closing and reopening', async () => {
    const { p, id } = await codedFocusGroup();
    removeDocument(p, id);
    const path = p.path;
    closeProject(p);
    const again = openProject(path);
    try {
      expect(listDocuments(again)).toEqual([]);
      expect(searchText(again, 'garden')).toEqual([]);
    } finally {
      closeProject(again);
    }
  });
});
