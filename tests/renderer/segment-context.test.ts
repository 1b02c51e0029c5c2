import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTexts, openProject } from './views-session';

// The context the coded-segments list shows around a segment, on a real transcript
// (the sample focus group, short turns one after another): it never runs on into
// the next or previous speaker's turn.

const FILE = 'Focus group - Teachers, Hillcrest Academy.txt';

describe('coded segment context', () => {
  it('stays inside the speaker turn of each segment, however much context is asked for', async () => {
    const { client } = await openProject();
    const { [FILE.replace(/\.txt$/, '')]: id } = await importTexts(client, { [FILE]: readFileSync(join('tests/fixtures/sample', FILE), 'utf8') });
    const doc = await client['documents.get']({ id });
    const code = await client['codes.create']({ name: 'Roles' });
    // the middle of each of the first eight turns: the words around it belong to the same speaker
    const turns = doc.turnList.slice(0, 8);
    expect(turns.map((t) => t.speaker).filter((s, i, all) => s !== all[i - 1]).length).toBeGreaterThan(4);
    for (const t of turns) {
      const third = Math.floor((t.end - t.start) / 3);
      await client['segments.apply']({ documentId: id, codeId: code.id, start: t.start + third, end: t.end - third });
    }
    // the list asks for 120 characters; these turns are shorter than that
    const rows = (await client['segments.retrieve']({ context: 120 })).sort((a, b) => a.start - b.start);
    expect(rows).toHaveLength(turns.length);
    rows.forEach((r, i) => {
      const t = turns[i];
      expect(t.end - t.start).toBeLessThan(2 * 120);
      expect(r.speaker).toBe(t.speaker);
      expect(r.before).toBe(doc.text.slice(t.start, r.start));
      expect(r.after).toBe(doc.text.slice(r.end, t.end));
      const next = turns[i + 1];
      if (next) expect(r.after).not.toContain(doc.text.slice(next.start, next.end).trim());
    });
    // a long turn is cut by length, not by the turn's edge
    const long = doc.turnList.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const middle = long.start + Math.floor((long.end - long.start) / 2) - 10;
    expect(long.end - long.start).toBeGreaterThan(2 * 140);
    await client['segments.apply']({ documentId: id, codeId: code.id, start: middle, end: middle + 20 });
    const inLong = (await client['segments.retrieve']({ context: 120 })).find((r) => r.start === middle)!;
    expect([inLong.before.length, inLong.after.length]).toEqual([120, 120]);
  });
});
