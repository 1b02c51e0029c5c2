import type { HandlerGroup } from '../project/handler';
import { codeImpact, createCode, deleteCode, listCodes, mergeCodes, moveCode, setAnchorExample, updateCode } from './codebook';
import { requireProject } from '../project/session';

type CodebookMethods = 'codes.list' | 'codes.create' | 'codes.update' | 'codes.move' | 'codes.impact' | 'codes.delete' | 'codes.merge' | 'codes.setAnchor';

export const codebookHandlers: HandlerGroup<CodebookMethods> = {
  'codes.list': (s) => listCodes(requireProject(s)),
  'codes.create': (s, i) => createCode(requireProject(s), i),
  'codes.update': (s, { id, ...edit }) => updateCode(requireProject(s), id, edit),
  'codes.move': (s, i) => moveCode(requireProject(s), i.id, i.parentId, i.beforeId),
  'codes.impact': (s, i) => codeImpact(requireProject(s), i.id),
  'codes.delete': (s, i) => deleteCode(requireProject(s), i.id),
  'codes.merge': (s, i) => mergeCodes(requireProject(s), i.fromId, i.intoId),
  'codes.setAnchor': (s, i) => setAnchorExample(requireProject(s), i.codeId, i.segmentId, i.note),
};
