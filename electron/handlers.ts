import { api, type MethodName } from '../shared/api';
import type { Handlers } from './project/handler';
import { InputError } from '../shared/errors';
import type { Session } from './project/session';
import { casesHandlers } from './cases/handlers';
import { codebookHandlers } from './codebook/handlers';
import { codingHandlers } from './coding/handlers';
import { documentsHandlers } from './documents/handlers';
import { projectHandlers } from './project/handlers';
import { reportsHandlers } from './reports/handlers';
import { teamHandlers } from './team/handlers';
import { analysisHandlers } from './analysis/handlers';


/** One table per domain, joined here; naming a method twice is refused. */
function join(...groups: Partial<Handlers>[]): Handlers {
  const all: Partial<Handlers> = {};
  for (const g of groups) {
    for (const name of Object.keys(g) as MethodName[]) {
      if (name in all) throw new Error(`handler "${name}" is registered twice`);
      (all as Record<string, unknown>)[name] = g[name];
    }
  }
  return all as Handlers;
}

// The type says every method of the contract has exactly one handler.
export const handlers: Handlers = join(
  projectHandlers,
  documentsHandlers,
  codebookHandlers,
  codingHandlers,
  casesHandlers,
  teamHandlers,
  reportsHandlers,
  analysisHandlers,
);

/** Validates untrusted input against the contract, then runs the handler. */
export async function callMethod(s: Session, name: string, rawInput: unknown): Promise<unknown> {
  if (!Object.prototype.hasOwnProperty.call(api, name)) throw new InputError(`unknown method "${name}"`);
  const method = name as MethodName;
  const parsed = api[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`invalid input for ${method}: ${issue.path.join('.') || 'input'} ${issue.message}`);
  }
  const handler = handlers[method] as (s: Session, input: unknown) => unknown;
  return await handler(s, parsed.data);
}
