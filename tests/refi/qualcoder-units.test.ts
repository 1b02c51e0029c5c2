import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCodeName, refiColour } from '../../electron/formats/refi/names';
import { dialectFor, fromPositions, QUALCODER } from '../../electron/formats/refi/positions';
import type { RefiCode, RefiProject } from '../../electron/formats/refi/model';
import { restoredNames } from '../../electron/refi/foreign';
import { appendMemos, splitMemos } from '../../electron/refi/memo-sections';

// The pure parts of the QualCoder exchange: its position counting (UTF-16 units
// of LF text) read back exactly and never splitting a character, memos carried
// in a Description and split out again, and the one colour / code-name rule.

const pieces = ['a', 'é', 'e\u0301', '🌍', '👩🏽‍🏫', '🇵🇰', '𝒻', 'ہم', '\n', ' ', 'x̄', 'Memo: x', '\n\n'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));

describe('QualCoder positions', () => {
  it('is chosen by origin, for QualCoder itself and for our export made for it', () => {
    expect(dialectFor('QualCoder 4.0 Beta')).toBe(QUALCODER);
    expect(dialectFor('Fieldcode 0.1.0 (for QualCoder)')).toBe(QUALCODER);
    expect(dialectFor('Fieldcode 0.1.0')).not.toBe(QUALCODER);
  });

  it('UTF-16 offsets at character boundaries come back unchanged, in LF text and in QualCoder’s CRLF option (a line ending counts 1)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const cuts = [0];
        for (let i = 0; i < t.length;) cuts.push((i += t.codePointAt(i)! > 0xffff ? 2 : 1));
        const lf = fromPositions(t, cuts, QUALCODER);
        expect([Array.from(lf.offsets), lf.splitPairs]).toEqual([cuts, 0]);
        const crlf = fromPositions(t.replace(/\n/g, '\r\n'), cuts, QUALCODER);
        expect([crlf.text, Array.from(crlf.offsets), crlf.splitPairs]).toEqual([t, cuts, 0]);
      }),
    );
  });

  it('moves a position inside a surrogate pair to the end of the character, and counts it', () => {
    for (const raw of ['ab🌍cd', 'ab🌍c\r\nd']) {
      const m = fromPositions(raw, [0, 3, 4, 5], QUALCODER);
      expect(Array.from(m.offsets)).toEqual([0, 4, 4, 5]);
      expect(m.splitPairs).toBe(1);
    }
  });
});

describe('memos in a description', () => {
  it('split back into exactly the text and memos they were made from', () => {
    const memo = fc.record({ title: fc.constantFrom('Scope', 'Visit 🌧', 'Memo', 'ہم'), body: text });
    fc.assert(
      // Only text that itself holds a "Memo:" heading (a blank line, then "Memo: ") could be read differently.
      fc.property(
        text.filter((t) => !`\n\n${t}`.includes('\n\nMemo: ')),
        fc.array(memo, { maxLength: 4 }),
        (t, all) => {
          const memos = all.filter((m) => !`\n${m.body}`.includes('\n\nMemo: '));
          expect(splitMemos(appendMemos(t, memos))).toEqual({ text: t, memos });
        },
      ),
    );
  });

  it('a description with no memo paragraph stays as it is', () => {
    expect(splitMemos('Definition: a\nWhen to use: b')).toEqual({ text: 'Definition: a\nWhen to use: b', memos: [] });
    expect(appendMemos('Definition: a', [{ title: ' Two\nlines ', body: 'x' }])).toBe('Definition: a\n\nMemo: Two lines\nx');
  });
});

describe('one colour and one code-name rule', () => {
  it('normalises colours and names the same way for every REFI-QDA import', () => {
    expect(['#abc', 'abcdef', ' #0072b2 ', '#12345', 'red', null].map(refiColour)).toEqual(['#AABBCC', '#ABCDEF', '#0072B2', '', '', '']);
    expect(['A/B', '  two   words ', '', '\t'].map(cleanCodeName)).toEqual(['A\u2215B', 'two words', 'Unnamed code', 'Unnamed code']);
  });
});

describe('names QualCoder needed, taken off again', () => {
  const code = (name: string, children: RefiCode[] = []): RefiCode => ({
    guid: name,
    name,
    color: null,
    isCodable: true,
    description: '',
    noteRefs: [],
    children,
  });
  const project = (origin: string, codes: RefiCode[]) => ({ origin, codes }) as RefiProject;

  it('removes the branch our export added, parents restored first, but only from QualCoder files and never onto a sibling', () => {
    const gi = code('global issues (Students › Knowledge)');
    const knowledge = code('Knowledge (Students)', [gi]);
    const trust = code('Trust (Parents)');
    const tree = [code('Students', [knowledge]), code('Parents', [trust, code('Trust')])];
    const names = (m: Map<RefiCode, string>) => [...m].map(([c, n]) => [c.name, n]);
    expect(names(restoredNames(project('QualCoder 4.0', tree)))).toEqual([
      ['Knowledge (Students)', 'Knowledge'],
      ['global issues (Students › Knowledge)', 'global issues'],
    ]);
    expect(names(restoredNames(project('MAXQDA 2022', tree)))).toEqual([]);
  });
});
