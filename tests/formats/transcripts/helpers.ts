import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ImportError, readTranscript, type ImportedTranscript } from '../../../electron/formats/transcripts';
import type { TurnDraft } from '../../../shared/turns';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'transcripts');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** Turns are ordered, non-empty, non-overlapping, inside the text and trimmed. */
export function expectWellFormed(text: string, turns: TurnDraft[]): void {
  let previousEnd = 0;
  for (const t of turns) {
    expect(t.start).toBeGreaterThanOrEqual(previousEnd);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.end).toBeLessThanOrEqual(text.length);
    const slice = text.slice(t.start, t.end);
    expect(slice).toBe(slice.trim());
    previousEnd = t.end;
  }
}

/** Each turn as [speaker, the exact text it covers, timeStart, timeEnd]. */
export function sliced(r: { text: string; turns: TurnDraft[] }): [string | null, string, number | null, number | null][] {
  expectWellFormed(r.text, r.turns);
  return r.turns.map((t) => [t.speaker, r.text.slice(t.start, t.end), t.timeStart, t.timeEnd]);
}

export async function readFixture(name: string): Promise<ImportedTranscript> {
  return readTranscript(name, fixture(name));
}

/** The one-line reason an import is refused with (fails the test if it is not refused). */
export async function refusal(name: string, bytes: Uint8Array = fixture(name)): Promise<string> {
  try {
    await readTranscript(name, bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    const err = e as ImportError;
    expect(err.file).toBe(name);
    expect(err.message).toBe(`${name}: ${err.reason}`);
    expect(err.message).not.toMatch(/\n/);
    return err.reason;
  }
  throw new Error(`${name} was imported but should have been refused`);
}
