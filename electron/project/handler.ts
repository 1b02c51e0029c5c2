import type { MethodName, Output, ParsedInput } from '../../shared/api';
import type { Session } from './session';

// The shape of a handler, shared by every capability's handler table and by
// electron/handlers.ts, which joins the tables.
export type Handler<M extends MethodName> = (s: Session, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };
