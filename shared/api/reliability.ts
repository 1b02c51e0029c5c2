import { z } from 'zod';
import type { ExportedFile } from './reports';
import type { CoderCopyResult, ReliabilitySample } from './team';
import { id, returns, text } from './method';
import { operation } from './operations';

// Reliability samples and the reliability report's exports (the agreement table
// itself is team.agreement).

const exportFilter = {
  coderIds: z.array(id).max(100).optional(),
  documentIds: z.array(id).max(10_000).optional(),
  unit: z.enum(['char', 'turn']).default('char'),
  sample: text(200).min(1).optional(),
  ci: z.number().int().min(0).max(100_000).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  path: text(4096).min(1).optional(),
  overwrite: z.boolean().optional(),
  operation: operation.optional(),
};

export const reliabilityApi = {
  'team.samples': returns<ReliabilitySample[]>()(z.object({})),
  'team.drawSample': returns<ReliabilitySample>()(
    z.object({
      name: text(200).min(1),
      documents: z.number().int().min(1).max(100_000).optional(),
      percent: z.number().gt(0).max(100).optional(),
      by: z.array(text(200).min(1)).max(4).optional(),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .optional(),
    }),
  ),
  'team.sampleCoderCopy': returns<CoderCopyResult>()(z.object({ sample: text(200).min(1), out: text(4096).min(1), coder: text(100).min(1) })),
  'team.exportAgreement': returns<ExportedFile>()(z.object({ ...exportFilter, format: z.enum(['csv', 'xlsx']) })),
  'team.exportMethods': returns<ExportedFile>()(z.object({ ...exportFilter, format: z.enum(['md', 'docx']) })),
};
