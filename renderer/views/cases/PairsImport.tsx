import type { PairImportReport } from '../../../shared/api/analysis';
import { api } from '../../api';
import { plural } from '../common/files';
import { SheetImport } from './SheetImport';

function summary(r: PairImportReport): string {
  return `${r.file}: ${plural(r.imported, 'new pair')}, ${r.unchanged} already paired${r.refused.length ? `, ${plural(r.refused.length, 'row')} refused:` : '.'}`;
}

/** A pairs sheet (two case-name columns, or a case column and a "partner" column); refused rows listed one line each. */
export function PairsImport() {
  return (
    <SheetImport
      label="Import pairs sheet…"
      testId="pairs-sheet"
      send={(name, data) => api['analysis.importPairs']({ name, data })}
      describe={(r) => ({ text: summary(r), refused: r.refused })}
    />
  );
}
