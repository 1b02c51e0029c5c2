import type { z } from 'zod';
import { autocodeApi } from './api/autocode';
import { casesApi } from './api/cases';
import { codebookApi } from './api/codebook';
import { codingApi } from './api/coding';
import { documentsApi } from './api/documents';
import { projectApi } from './api/project';
import { reportsApi } from './api/reports';
import { teamApi } from './api/team';
import { analysisApi } from './api/analysis';
import { reliabilityApi } from './api/reliability';
import { workspaceApi } from './api/workspace';
import { operationsApi } from './api/operations';

// The single table of methods: name → input schema and output type. Preload, IPC
// registration, the HTTP bridge and the renderer client all derive from it, so a
// missing or misspelt handler is a type error.
export const api = {
  ...projectApi,
  ...documentsApi,
  ...codebookApi,
  ...codingApi,
  ...autocodeApi,
  ...casesApi,
  ...teamApi,
  ...reliabilityApi,
  ...reportsApi,
  ...analysisApi,
  ...workspaceApi,
  ...operationsApi,
};

export type Api = typeof api;
export type MethodName = keyof Api;
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = Api[M]['output'];

export const METHOD_NAMES = Object.keys(api) as MethodName[];

/** The client every transport implements (IPC under Electron, HTTP in browser mode). */
export type Client = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

export type { CodedSegment } from './api/coding';
export type { ImportReport, SearchHit } from './api/documents';
export type { CaseSheetReport } from './api/cases';
export type { RecentProject, HistoryState } from './api/project';

/** Builds a typed client over any transport that can call a method by name. */
export function makeClient(call: (method: MethodName, input: unknown) => Promise<unknown>): Client {
  const client = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const name of METHOD_NAMES) client[name] = (input: unknown) => call(name, input ?? {});
  return client as unknown as Client;
}
