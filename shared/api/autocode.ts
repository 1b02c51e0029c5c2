import { z } from 'zod';
import { returns, text } from './method';
import { AUTOCODE_UNITS } from './choices';

export interface AutocodeReport {
  /** the code's full path (created if it was missing) */
  code: string;
  coder: string;
  /** passages found */
  passages: number;
  /** segments they became (overlapping passages of one code join into one segment) */
  segments: number;
}

export { AUTOCODE_UNITS };

export const autocodeApi = {
  /** code every match of a pattern, or every turn of a speaker, in every document: one undo step */
  'segments.autocode': returns<AutocodeReport>()(
    z
      .object({
        code: text(1000).min(1),
        pattern: text(2000).min(1).optional(),
        speaker: text(200).min(1).optional(),
        unit: z.enum(AUTOCODE_UNITS).optional(),
        coder: text(100).min(1).optional(),
      })
      .refine((i) => i.pattern !== undefined || i.speaker !== undefined, { message: 'needs a pattern or a speaker' }),
  ),
};
