import data from './sample.json';

/** The sample project's content: fictional transcripts, their schools (paired by the sheet's partner column), two coders' coding, a few summaries. */
export interface SampleData {
  transcripts: { name: string; kind: string; caseName: string; text: string }[];
  casesCsv: string;
  codings: { document: string; code: string; quote: string; coder: string; memo: string }[];
  /** framework-matrix summaries: column "code:PATH" or "section:ID" (the default template's) */
  summaries?: { caseName: string; column: string; text: string }[];
}

export const SAMPLE: SampleData = data;
