import { forgetHistory } from '../store/history';
import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { agreement } from './agreement';
import { listTeamCoders } from './agreement-data';
import { coderCopy } from './coder-copy';
import { acceptAgreements, resolveDisagreement } from './consensus';
import { listDisagreements } from './disagreements';
import type { HandlerGroup } from '../project/handler';
import { merge, mergeLog, mergePreview } from './merge/merge';
import { requireProject, type Session } from '../project/session';

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

/** A relative copy name goes in the default projects folder; ".fieldcode" is added when missing. */
function copyPath(s: Session, out: string): string {
  const withExt = /\.fieldcode$/i.test(out) ? out : `${out}.fieldcode`;
  if (isAbsolute(withExt)) return withExt;
  mkdirSync(s.defaultFolder, { recursive: true });
  return join(s.defaultFolder, withExt);
}

export const teamHandlers: HandlerGroup<TeamMethods> = {
  'team.coders': (s) => listTeamCoders(requireProject(s)),
  'team.coderCopy': (s, i) => coderCopy(requireProject(s), copyPath(s, i.out), i.coder, { documents: i.documents, withCodings: i.withCodings }),
  'team.mergePreview': (s, i) => mergePreview(requireProject(s), i.paths, { nativeBinding: s.nativeBinding }),
  'team.merge': async (s, i) => {
    const p = requireProject(s);
    const report = await merge(p, i.paths, { nativeBinding: s.nativeBinding });
    if (report.changed) forgetHistory(p);
    return report;
  },
  'team.merges': (s) => mergeLog(requireProject(s)),
  'team.agreement': (s, i) => agreement(requireProject(s), i),
  'team.disagreements': (s, i) => listDisagreements(requireProject(s), i),
  'team.resolve': (s, i) => resolveDisagreement(requireProject(s), i),
  'team.acceptAgreements': (s, i) => acceptAgreements(requireProject(s), i),
};
