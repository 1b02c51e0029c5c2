import type { HandlerGroup } from '../project/handler';
import { projectFilePath, requireProject } from '../project/session';
import { exportAgreement, exportMethods } from './reliability-report';
import { drawSample, listSamples, sampleCoderCopy } from './samples';

type ReliabilityMethods = 'team.samples' | 'team.drawSample' | 'team.sampleCoderCopy' | 'team.exportAgreement' | 'team.exportMethods';

export const reliabilityHandlers: HandlerGroup<ReliabilityMethods> = {
  'team.samples': (s) => listSamples(requireProject(s)),
  'team.drawSample': (s, i) => drawSample(requireProject(s), i),
  'team.sampleCoderCopy': (s, i) => sampleCoderCopy(requireProject(s), i.sample, projectFilePath(s, i.out), i.coder),
  'team.exportAgreement': (s, { format, path, ...o }) => exportAgreement(requireProject(s), o, format, path),
  'team.exportMethods': (s, { format, path, ...o }) => exportMethods(requireProject(s), o, format, path),
};
