import type { MergeKind } from '../../../shared/api/team';
import type { Row, Tables } from './model';

// What a researcher calls an entity in a merge report: a code by its path, a
// document by its name, a passage by code, document, offsets and coder.

export function codePath(t: Tables, id: unknown): string {
  const names: string[] = [];
  for (let c = t.codes.get(String(id)), hops = 0; c && hops < 1000; c = c.parent_id === null ? undefined : t.codes.get(String(c.parent_id)), hops++) {
    names.unshift(String(c.name));
  }
  return names.length ? names.join('/') : String(id);
}

const nameOf = (t: Tables, kind: MergeKind, id: unknown) => String(t[kind].get(String(id))?.name ?? id);

export function conflictLabel(t: Tables, kind: MergeKind, row: Row): string {
  switch (kind) {
    case 'codes':
      return row.parent_id === null ? String(row.name) : `${codePath(t, row.parent_id)}/${row.name}`;
    case 'segments':
      return `"${codePath(t, row.code_id)}" on "${nameOf(t, 'documents', row.document_id)}" ${row.start}\u2013${row.end} (${nameOf(t, 'coders', row.coder_id)})`;
    case 'attributeValues':
      return `${nameOf(t, 'cases', row.case_id)}: ${nameOf(t, 'attributes', row.attribute_id)}`;
    case 'anchors':
      return `anchor example of "${codePath(t, row.code_id)}"`;
    case 'memos':
      return `memo "${row.title || '(untitled)'}"`;
    case 'summaries':
      return `summary of ${row.row_kind === 'case' ? nameOf(t, 'cases', row.row_key) : row.row_kind === 'document' ? nameOf(t, 'documents', row.row_key) : row.row_key} × ${row.column_kind === 'code' ? codePath(t, row.column_key) : row.column_key}`;
    case 'pairs':
      return `pair ${[nameOf(t, 'cases', row.case_a), nameOf(t, 'cases', row.case_b)].sort((x, y) => x.localeCompare(y)).join(' – ')}`;
    default:
      return String(row.name ?? row.id);
  }
}
