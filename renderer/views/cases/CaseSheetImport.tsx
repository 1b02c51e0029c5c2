import type { CaseSheetReport } from '../../../shared/api';
import { api } from '../../api';
import { plural } from '../common/files';
import { SheetImport } from './SheetImport';

function summary(r: CaseSheetReport): string {
  const attrs = r.attributes.length ? ` Attributes: ${r.attributes.join(', ')}.` : '';
  return `${r.file}: ${plural(r.created, 'new case')}, ${r.updated} updated, ${r.unchanged} unchanged.${attrs}`;
}

/** Case-sheet import: the first column names the case, the others are attributes (CSV or Excel). */
export function CaseSheetImport() {
  return (
    <SheetImport
      label="Import case sheet…"
      testId="case-sheet"
      hint="CSV or Excel: case names in the first column, one attribute per column."
      send={(name, data) => api['cases.importSheet']({ name, data })}
      describe={(r) => ({ text: summary(r) })}
    />
  );
}
