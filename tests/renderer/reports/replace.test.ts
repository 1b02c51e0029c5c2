import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../shared/api/reports';
import { saveExport } from '../../../renderer/views/reports/save';

// The core refuses to replace an existing file unless told to; the app asks first.

const file = (path: string): ExportedFile => ({ fileName: 'r.csv', path, data: null, mime: 'text/csv', bytes: 10, rows: 2 });
const exists = (path: string) => new Error(`${path}: the file already exists; choose another name or confirm replacing it (--force on the command line)`);

describe('saving an export over an existing file', () => {
  it('asks, and replaces only after a yes', async () => {
    const calls: (boolean | undefined)[] = [];
    const call = async (path?: string, overwrite?: boolean) => {
      calls.push(overwrite);
      if (!overwrite) throw exists(path!);
      return file(path!);
    };
    const asked: string[] = [];
    const text = await saveExport(
      'r.csv',
      'segment',
      call,
      async () => '/tmp/r.csv',
      (p) => (asked.push(p), true),
    );
    expect(asked).toEqual(['/tmp/r.csv']);
    expect(calls).toEqual([undefined, true]);
    expect(text).toBe('Saved 2 segments to /tmp/r.csv');
  });

  it('keeps the file when the answer is no, and says why', async () => {
    const calls: (boolean | undefined)[] = [];
    const call = async (path?: string, overwrite?: boolean) => {
      calls.push(overwrite);
      throw exists(path!);
    };
    await expect(
      saveExport(
        'r.csv',
        'segment',
        call,
        async () => '/tmp/r.csv',
        () => false,
      ),
    ).rejects.toThrow(/the file already exists/);
    expect(calls).toEqual([undefined]);
  });
});
