import { agreement } from './agreement';
import { listTeamCoders } from './agreement-data';
import { coderCopy } from './coder-copy';
import { acceptAgreements, resolveDisagreement } from './consensus';
import { listDisagreements } from './disagreements';
import type { HandlerGroup } from '../project/handler';
import { merge, mergeLog, mergePreview } from './merge/merge';
import { projectFilePath, requireProject } from '../project/session';
import { discardCopies } from './uploads';
import { runOperation } from '../project/operations';

type TeamMethods =
  | 'team.coders'
  | 'team.coderCopy'
  | 'team.mergePreview'
  | 'team.merge'
  | 'team.merges'
  | 'team.agreement'
  | 'team.disagreements'
  | 'team.resolve'
  | 'team.acceptAgreements';

export const teamHandlers: HandlerGroup<TeamMethods> = {
  'team.coders': (s) => listTeamCoders(requireProject(s)),
  'team.coderCopy': (s, i) => coderCopy(requireProject(s), projectFilePath(s, i.out), i.coder, { documents: i.documents, withCodings: i.withCodings }),
  'team.mergePreview': (s, i) =>
    runOperation(s, i.operation, (progress) => mergePreview(requireProject(s), i.paths, { nativeBinding: s.nativeBinding, progress })),
  'team.merge': (s, i) =>
    runOperation(s, i.operation, async (progress) => {
      const report = await merge(requireProject(s), i.paths, { nativeBinding: s.nativeBinding, progress });
      discardCopies(i.paths); // copies uploaded from a browser's file picker, once merged
      return report;
    }),
  'team.merges': (s) => mergeLog(requireProject(s)),
  'team.agreement': (s, i) => agreement(requireProject(s), i),
  'team.disagreements': (s, i) => listDisagreements(requireProject(s), i),
  'team.resolve': (s, i) => resolveDisagreement(requireProject(s), i),
  'team.acceptAgreements': (s, i) => acceptAgreements(requireProject(s), i),
};
