import type { HandlerGroup } from '../project/handler';
import { autocode } from './autocode';
import { applyCode, applyCodeToMany, applyNewCode, listSegments, removeSegment, updateSegment } from './coding';
import { codedSegments } from '../reports/retrieval';
import { segmentColumns } from '../documents/open';
import { requireProject } from '../project/session';

type CodingMethods =
  | 'segments.list'
  | 'segments.columns'
  | 'segments.apply'
  | 'segments.applyNewCode'
  | 'segments.applyMany'
  | 'segments.autocode'
  | 'segments.remove'
  | 'segments.update'
  | 'segments.retrieve';

export const codingHandlers: HandlerGroup<CodingMethods> = {
  'segments.list': (s, i) => listSegments(requireProject(s), i),
  'segments.columns': (s, i) => segmentColumns(requireProject(s), i.documentId),
  'segments.apply': (s, i) => applyCode(requireProject(s), i),
  'segments.applyNewCode': (s, i) => applyNewCode(requireProject(s), i),
  'segments.applyMany': (s, i) => ({ count: applyCodeToMany(requireProject(s), i.codeId, i.passages) }),
  'segments.autocode': (s, i) => autocode(requireProject(s), i),
  'segments.remove': (s, i) => (removeSegment(requireProject(s), i.id), null),
  'segments.update': (s, { id, ...edit }) => updateSegment(requireProject(s), id, edit),
  'segments.retrieve': (s, i) => codedSegments(requireProject(s), i),
};
