import type { HandlerGroup } from '../handlers';

export const reportsHandlers: HandlerGroup<never> = {};
