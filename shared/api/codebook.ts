import { z } from 'zod';
import type { Code } from '../types';
import { id, returns, text } from './method';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const entry = {
  definition: text(20_000).optional(),
  whenToUse: text(20_000).optional(),
  whenNotToUse: text(20_000).optional(),
};

export const codebookApi = {
  'codes.list': returns<Code[]>()(z.object({})),
  'codes.create': returns<Code>()(z.object({ name: text(200).min(1), parentId: id.nullable().optional(), colour: colour.optional(), ...entry })),
  'codes.update': returns<Code>()(z.object({ id, name: text(200).min(1).optional(), colour: colour.optional(), ...entry })),
  'codes.move': returns<Code>()(z.object({ id, parentId: id.nullable(), beforeId: id.nullable().optional() })),
  'codes.impact': returns<{ codes: number; segments: number }>()(z.object({ id })),
  'codes.delete': returns<{ codes: number; segments: number }>()(z.object({ id })),
  'codes.merge': returns<Code>()(z.object({ fromId: id, intoId: id })),
  'codes.setAnchor': returns<Code>()(z.object({ codeId: id, segmentId: id, note: text(5000).nullable() })),
};
