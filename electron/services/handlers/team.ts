import type { HandlerGroup } from '../handlers';

export const teamHandlers: HandlerGroup<never> = {};
