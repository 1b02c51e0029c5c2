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
import { reliabilityHandlers } from './team/reliability-handlers';
import { workspaceHandlers } from './coding/workspace-handlers';
import { operationHandlers } from './project/operation-handlers';
import { PASS_THE_GATE, throughGate } from './project/gate';

type Table = Partial<Handlers>;
/** The methods a list of tables covers: the union of each table's own keys. */
type Covered<T extends readonly Table[]> = T[number] extends infer U ? (U extends unknown ? keyof U : never) : never;
/** Handlers when the tables cover every method; otherwise a type naming the missing ones. */
type Joined<T extends readonly Table[]> = [Exclude<MethodName, Covered<T>>] extends [never] ? Handlers : { missingHandlers: Exclude<MethodName, Covered<T>> };

/**
 * One table per capability, joined here. The type makes a method without a handler
 * a compile error (naming it); naming a method twice is refused when the table is built.
 */
export function joinHandlerTables<const T extends readonly Table[]>(...tables: T): Joined<T> {
  const all: Record<string, unknown> = {};
  for (const t of tables) {
    for (const [name, handler] of Object.entries(t)) {
      if (name in all) throw new Error(`handler "${name}" is registered twice`);
      all[name] = handler;
    }
  }
  return all as Joined<T>;
}

export const handlers: Handlers = joinHandlerTables(
  projectHandlers,
  documentsHandlers,
  codebookHandlers,
  codingHandlers,
  casesHandlers,
  teamHandlers,
  reliabilityHandlers,
  reportsHandlers,
  analysisHandlers,
  workspaceHandlers,
  operationHandlers,
);

/**
 * Validates untrusted input against the contract, then runs the handler — through the
 * session's gate (project/gate.ts), which holds calls back while a long operation's
 * stepped write has the project's connection inside an open transaction.
 */
export async function callMethod(s: Session, name: string, rawInput: unknown): Promise<unknown> {
  if (!Object.prototype.hasOwnProperty.call(api, name)) throw new InputError(`unknown method "${name}"`);
  const method = name as MethodName;
  const parsed = api[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`invalid input for ${method}: ${issue.path.join('.') || 'input'} ${issue.message}`);
  }
  const handler = handlers[method] as (s: Session, input: unknown) => unknown;
  if (PASS_THE_GATE.has(method)) return await handler(s, parsed.data);
  return await throughGate(s, () => handler(s, parsed.data));
}
