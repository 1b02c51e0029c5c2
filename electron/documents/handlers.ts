import type { HandlerGroup } from '../project/handler';
import { deleteDocument, getDocument, listDocuments, updateDocument } from './documents';
import { importDocuments } from './import';
import { openDocument } from './open';
import { searchText } from './search';
import { requireProject } from '../project/session';
import { runOperation } from '../project/operations';

type DocumentMethods = 'documents.list' | 'documents.get' | 'documents.open' | 'documents.update' | 'documents.delete' | 'documents.import' | 'search.text';

export const documentsHandlers: HandlerGroup<DocumentMethods> = {
  'documents.list': (s) => listDocuments(requireProject(s)),
  'documents.get': (s, i) => getDocument(requireProject(s), i.id),
  'documents.open': (s, i) => openDocument(requireProject(s), i.id),
  'documents.update': (s, { id, ...edit }) => updateDocument(requireProject(s), id, edit),
  'documents.delete': (s, i) => (deleteDocument(requireProject(s), i.id), null),
  'documents.import': (s, i) =>
    runOperation(s, i.operation, (progress) =>
      importDocuments(requireProject(s), {
        files: i.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.data, 'base64') })),
        paths: i.paths,
        kind: i.kind,
        caseName: i.caseName,
        progress,
      }),
    ),
  'search.text': (s, i) => searchText(requireProject(s), i.query, { documentIds: i.documentIds, limit: i.limit, regex: i.regex }),
};
