export { ReportsView, type ReportsViewProps } from './ReportsView';
export type { ChooseSavePath, ReportsClient } from './types';
