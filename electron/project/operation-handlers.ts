import type { HandlerGroup } from './handler';
import { cancelOperation } from './operations';

// The one method of long operations themselves; their progress travels as events
// (shell worker, bridge), not as calls.
export const operationHandlers: HandlerGroup<'operation.cancel'> = {
  'operation.cancel': (s, i) => ({ cancelled: cancelOperation(s, i.operation) }),
};
