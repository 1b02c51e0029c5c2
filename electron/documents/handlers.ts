import { deleteDocument, getDocument, getDocumentSummary, listDocuments, updateDocument } from '../store/documents';
import { currentCoder } from '../store/coders';
import { action } from '../store/history';
import type { HandlerGroup } from '../project/handler';
import { importFiles, importPaths } from './import';
import { searchText } from './search';
import { requireProject } from '../project/session';

type DocumentMethods = 'documents.list' | 'documents.get' | 'documents.update' | 'documents.delete' | 'documents.import' | 'search.text';

export const documentsHandlers: HandlerGroup<DocumentMethods> = {
  'documents.list': (s) => listDocuments(requireProject(s)),
  'documents.get': (s, i) => getDocument(requireProject(s), i.id),
  'documents.update': (s, i) => {
    const p = requireProject(s);
    const doc = getDocumentSummary(p, i.id);
    action(p, `Edit document "${doc.name}"`, () => updateDocument(p, i.id, { name: i.name, kind: i.kind, caseId: i.caseId }, currentCoder(p).id));
    return getDocumentSummary(p, i.id);
  },
  'documents.delete': (s, i) => {
    const p = requireProject(s);
    const doc = getDocumentSummary(p, i.id);
    action(p, `Delete document "${doc.name}"`, () => deleteDocument(p, i.id, currentCoder(p).id));
    return null;
  },
  'documents.import': async (s, i) => {
    const p = requireProject(s);
    const fromFiles = await importFiles(p, i.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.data, 'base64') })), { kind: i.kind, caseName: i.caseName });
    if (i.paths.length === 0) return fromFiles;
    const fromPaths = await importPaths(p, i.paths, { kind: i.kind, caseName: i.caseName });
    return {
      imported: [...fromFiles.imported, ...fromPaths.imported],
      duplicates: [...fromFiles.duplicates, ...fromPaths.duplicates],
      failed: [...fromFiles.failed, ...fromPaths.failed],
    };
  },
  'search.text': (s, i) => searchText(requireProject(s), i.query, { documentIds: i.documentIds, limit: i.limit }),
};
