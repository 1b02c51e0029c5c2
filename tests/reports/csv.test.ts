import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, segmentsCsv, toCsv } from '../../electron/formats/reports/csv';
import { segmentHeader, segmentRow } from '../../electron/formats/reports/report-model';
import { segmentReport } from '../../electron/reports/reports';
import { addSyntheticSegments } from './big';
import { buildStudy } from './fixture';

// The segment CSV is written straight into a byte buffer with repeated values
// quoted once; it must match, byte for byte, the plain writer (every cell quoted
// through csvCell, the file joined as one string and encoded) and read back with a
// CSV parser. (Random offsets split emoji here: both write the half as U+FFFD.)

const decode = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

describe('segment CSV', () => {
  it('is byte for byte what the plain writer makes, with context, formulas, quotes, emoji and right-to-left text', async () => {
    const { p } = await buildStudy();
    addSyntheticSegments(p, 6000, 2, 9);
    p.db.prepare("UPDATE segments SET memo = '@SUM(1)' WHERE rowid % 7 = 0").run();
    for (const context of [0, 12]) {
      const r = segmentReport(p, { context });
      const bytes = segmentsCsv(r);
      expect(
        Buffer.from(bytes).equals(
          Buffer.from(
            toCsv(
              segmentHeader(r),
              r.segments.map((s) => segmentRow(r, s)),
            ),
          ),
        ),
      ).toBe(true);
      const records = parse(decode(bytes).slice(CSV_BOM.length), { columns: true }) as Record<string, string>[];
      expect(records).toHaveLength(r.segments.length);
      expect(records.filter((x) => x.memo === "'@SUM(1)").length).toBeGreaterThan(0);
    }
  });

  it('writes the header alone, with its BOM and CRLF, when no segment matches', async () => {
    const { p } = await buildStudy();
    const bytes = segmentsCsv(segmentReport(p, { speakers: ['nobody'] }));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes)).toBe(
      `${CSV_BOM}code,text,context before,context after,document,document kind,case,continent,country,phase,speaker,role,time start,time end,coder,memo,start,end,segment id\r\n`,
    );
  });
});
