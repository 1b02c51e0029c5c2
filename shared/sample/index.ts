import data from './sample.json';

/** The sample project's content: fictional transcripts, their schools, two coders' coding. */
export interface SampleData {
  transcripts: { name: string; kind: string; caseName: string; text: string }[];
  casesCsv: string;
  codings: { document: string; code: string; quote: string; coder: string; memo: string }[];
}

export const SAMPLE: SampleData = data;
