// The fixed choices of the report and team methods, without the schema library:
// the command line reads them while registering its options, and must start
// without loading zod (every command would pay for it).

export const SEGMENT_FORMATS = ['csv', 'xlsx', 'docx', 'html', 'md'] as const;
export type SegmentFormat = (typeof SEGMENT_FORMATS)[number];

export const TABLE_FORMATS = ['csv', 'xlsx', 'html', 'json'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** What a matrix cell counts: coded segments, cases with the code, or % of the group's cases. */
export const MATRIX_COUNTS = ['segments', 'cases', 'percent'] as const;
export type MatrixCount = (typeof MATRIX_COUNTS)[number];

/** Co-occurrence unit: overlapping segments of one coder, or one speaker turn. */
export const COOCCURRENCE_UNITS = ['overlap', 'turn'] as const;
export type CooccurrenceUnit = (typeof COOCCURRENCE_UNITS)[number];

/** What a merge brings in, in the order it is merged. */
export const MERGE_KINDS = [
  'coders',
  'cases',
  'attributes',
  'attributeValues',
  'documents',
  'codes',
  'segments',
  'anchors',
  'memos',
  'summaries',
  'templates',
  'pairs',
] as const;
export type MergeKind = (typeof MERGE_KINDS)[number];

/** Who a REFI-QDA project is written for: the standard, or shaped for QualCoder's import. */
export const REFI_TARGETS = ['standard', 'qualcoder'] as const;
export type RefiTarget = (typeof REFI_TARGETS)[number];

export const AUTOCODE_UNITS = ['match', 'turn'] as const;
