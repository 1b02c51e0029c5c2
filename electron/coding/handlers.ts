import { getCode } from '../store/codes';
import { action } from '../store/history';
import { getSegmentRow, rowToSegment } from '../store/segments';
import type { HandlerGroup } from '../project/handler';
import { createCode } from '../codebook/codebook';
import { applyCode, applyCodeToMany, listSegments, removeSegment, updateSegment } from './coding';
import { codedSegments } from '../reports/retrieval';
import { requireProject } from '../project/session';

type CodingMethods =
  | 'segments.list'
  | 'segments.apply'
  | 'segments.applyNewCode'
  | 'segments.applyMany'
  | 'segments.remove'
  | 'segments.update'
  | 'segments.retrieve';

export const codingHandlers: HandlerGroup<CodingMethods> = {
  'segments.list': (s, i) => listSegments(requireProject(s), i),
  'segments.apply': (s, i) => applyCode(requireProject(s), i),
  'segments.applyNewCode': (s, i) => {
    const p = requireProject(s);
    // One undo step: the new code and its first passage come and go together.
    return action(p, `Code with new code "${i.name.trim()}"`, () => {
      const code = createCode(p, { name: i.name, parentId: i.parentId ?? null });
      const segment = applyCode(p, { documentId: i.documentId, codeId: code.id, start: i.start, end: i.end });
      return { code: getCode(p, code.id), segment: rowToSegment(getSegmentRow(p, segment.id)) };
    });
  },
  'segments.applyMany': (s, i) => ({ count: applyCodeToMany(requireProject(s), i.codeId, i.passages) }),
  'segments.remove': (s, i) => (removeSegment(requireProject(s), i.id), null),
  'segments.update': (s, { id, ...edit }) => updateSegment(requireProject(s), id, edit),
  'segments.retrieve': (s, i) => codedSegments(requireProject(s), i),
};
