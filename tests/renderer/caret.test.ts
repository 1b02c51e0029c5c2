import { describe, expect, it } from 'vitest';
import { nextSentenceEnd, nextWord, previousSentenceStart, previousWord, sentenceAt } from '../../renderer/views/transcript/caret';
import { runsOf } from '../../renderer/views/transcript/layout';

const TEXT = 'We planned it. Then the pupils wrote! ہم نے بات کی۔ Done?';

describe('moving by keyboard through a transcript', () => {
  it('moves by word over spaces and punctuation, in Urdu too', () => {
    expect(TEXT.slice(0, nextWord(TEXT, 0))).toBe('We');
    expect(TEXT.slice(0, nextWord(TEXT, 2))).toBe('We planned');
    expect(TEXT.slice(previousWord(TEXT, 14))).toMatch(/^it\. Then/);
    const urdu = TEXT.indexOf('ہم');
    expect(TEXT.slice(urdu, nextWord(TEXT, urdu))).toBe('ہم');
    expect(previousWord(TEXT, 0)).toBe(0);
    expect(nextWord(TEXT, TEXT.length)).toBe(TEXT.length);
  });

  it('finds the sentence at the caret, ending at . ! ? or the Urdu full stop', () => {
    const inside = (q: string) => TEXT.indexOf(q) + 1;
    const at = (q: string) => {
      const s = sentenceAt(TEXT, inside(q), 0, TEXT.length);
      return TEXT.slice(s.start, s.end);
    };
    expect(at('planned')).toBe('We planned it.');
    expect(at('pupils')).toBe('Then the pupils wrote!');
    expect(at('بات')).toBe('ہم نے بات کی۔');
    expect(at('Done')).toBe('Done?');
    expect(TEXT.slice(0, nextSentenceEnd(TEXT, 0, 0, TEXT.length))).toBe('We planned it.');
    expect(TEXT.slice(previousSentenceStart(TEXT, TEXT.indexOf('Then'), 0, TEXT.length))).toMatch(/^We planned/);
  });

  it('cuts a run at the caret so it can be drawn', () => {
    const runs = runsOf({ start: 0, end: 10 }, [], null, 4);
    expect(runs.map((r) => [r.start, r.end])).toEqual([
      [0, 4],
      [4, 10],
    ]);
  });
});
