import { z } from 'zod';

/**
 * One method of the contract: the input is validated in the main process (the
 * renderer is untrusted); the output type is for the client and not re-validated.
 */
export interface Method<I extends z.ZodType, O> {
  input: I;
  output: O;
}

/** `returns<Output>()(inputSchema)`: the output type is named, the input inferred. */
export const returns =
  <O>() =>
  <I extends z.ZodType>(input: I): Method<I, O> => ({ input, output: undefined as unknown as O });

export const id = z.string().min(1).max(200);
export const text = (max = 100_000) => z.string().max(max);
export const offset = z.number().int().min(0);
export const empty = z.object({}).strict();
