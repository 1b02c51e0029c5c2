import type { HandlerGroup } from '../project/handler';
import {
  attributeUse,
  createCase,
  deleteAttribute,
  deleteCase,
  importCaseSheet,
  listAttributes,
  listCases,
  renameAttribute,
  renameCase,
  setCaseAttribute,
} from './cases';
import { deleteMemo, listMemos, saveMemo } from '../coding/memos';
import { requireProject } from '../project/session';

type CaseMethods =
  | 'cases.list'
  | 'cases.attributes'
  | 'cases.create'
  | 'cases.rename'
  | 'cases.delete'
  | 'cases.setAttribute'
  | 'cases.renameAttribute'
  | 'cases.attributeUse'
  | 'cases.deleteAttribute'
  | 'cases.importSheet'
  | 'memos.list'
  | 'memos.save'
  | 'memos.delete';

export const casesHandlers: HandlerGroup<CaseMethods> = {
  'cases.list': (s) => listCases(requireProject(s)),
  'cases.attributes': (s) => listAttributes(requireProject(s)),
  'cases.create': (s, i) => createCase(requireProject(s), i.name),
  'cases.rename': (s, i) => renameCase(requireProject(s), i.id, i.name),
  'cases.delete': (s, i) => (deleteCase(requireProject(s), i.id), null),
  'cases.setAttribute': (s, i) => setCaseAttribute(requireProject(s), i.caseId, i.attribute, i.value),
  'cases.renameAttribute': (s, i) => renameAttribute(requireProject(s), i.id, i.name),
  'cases.attributeUse': (s, i) => ({ cases: attributeUse(requireProject(s), i.id) }),
  'cases.deleteAttribute': (s, i) => deleteAttribute(requireProject(s), i.id),
  'cases.importSheet': (s, i) => importCaseSheet(requireProject(s), i.name, Buffer.from(i.data, 'base64')),
  'memos.list': (s, i) => listMemos(requireProject(s), i.target, i.targetId),
  'memos.save': (s, i) => saveMemo(requireProject(s), i),
  'memos.delete': (s, i) => (deleteMemo(requireProject(s), i.id), null),
};
