import type { HandlerGroup } from '../project/handler';
import { projectFilePath, requireProject, type Session } from '../project/session';
import { runOperation } from '../project/operations';
import { exportInStages } from '../reports/staged';
import type { Rendered } from '../reports/output';
import { renderAgreement, renderMethods } from './reliability-report';
import { drawSample, listSamples, sampleCoderCopy } from './samples';

/**
 * A reliability export under the caller's operation id: "computing" (the
 * coefficients and their bootstrap), then the temporary file renamed into place;
 * cancellable between the stages, never a partial file, never over the open
 * project, over another file only when the user said replace.
 */
const staged = (s: Session, i: { path?: string; overwrite?: boolean; operation?: string }, render: () => Promise<Rendered>) =>
  runOperation(
    s,
    i.operation,
    async (progress) => (await exportInStages(progress, render, i.path, { overwrite: i.overwrite, project: s.project?.path }, 'computing')).file,
  );

type ReliabilityMethods = 'team.samples' | 'team.drawSample' | 'team.sampleCoderCopy' | 'team.exportAgreement' | 'team.exportMethods';

export const reliabilityHandlers: HandlerGroup<ReliabilityMethods> = {
  'team.samples': (s) => listSamples(requireProject(s)),
  'team.drawSample': (s, i) => drawSample(requireProject(s), i),
  'team.sampleCoderCopy': (s, i) => sampleCoderCopy(requireProject(s), i.sample, projectFilePath(s, i.out), i.coder),
  'team.exportAgreement': (s, { format, path, overwrite, operation, ...o }) =>
    staged(s, { path, overwrite, operation }, () => renderAgreement(requireProject(s), o, format)),
  'team.exportMethods': (s, { format, path, overwrite, operation, ...o }) =>
    staged(s, { path, overwrite, operation }, () => renderMethods(requireProject(s), o, format)),
};
