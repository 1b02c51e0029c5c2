import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTurns, parseClock, speakerName } from '../../../shared/turns';
import { expectWellFormed, readFixture, sliced } from './helpers';

const turnsOf = (text: string) => sliced({ text, turns: detectTurns(text) });

describe('speaker labels', () => {
  it.each([
    ['Interviewer: Hello.', 'Interviewer'],
    ['Name: Hello.', 'Name'],
    ['Student 3: Yes.', 'Student 3'],
    ['T1: Yes.', 'T1'],
    ['S2: Yes.', 'S2'],
    ['Mrs Okafor: Yes.', 'Mrs Okafor'],
    ['Mr. Banda: Yes.', 'Mr. Banda'],
    ['Dr. A. Khan: Yes.', 'Dr. A. Khan'],
    ["Mrs O'Neill-Wanjiru: Yes.", "Mrs O'Neill-Wanjiru"],
    ['  Interviewer:   indented label', 'Interviewer'],
    ['Interviewer:\tafter a tab', 'Interviewer'],
    ['Interviewer：full-width colon', 'Interviewer'],
    ['استاد: بہت اچھا۔', 'استاد'],
    ['Partnership coordinator Mrs Okafor: four words', 'Partnership coordinator Mrs Okafor'],
  ])('%j is spoken by %j', (line, speaker) => {
    const text = `${line}\nOther: reply\n`;
    expect(turnsOf(text)[0][0]).toBe(speaker);
  });

  it.each([
    'The main points were as follows: one',
    'Well, then: we started',
    'Why not? Because: money',
    'Dear Sir or Madam, hello: x',
    'https://example.org/page',
    'At 10:30 we met',
    'etc. and so on: yes',
    '"Quoted": no',
    'A very long speaker label that goes on and on: no',
    'Interviewer:no space after the colon',
    '1st speaker: starts with a digit',
  ])('%j has no speaker label', (line) => {
    const text = `${line}\nTeacher: one\nTeacher: two\n`;
    expect(turnsOf(text)[0]).toEqual([null, line, null, null]);
  });

  it('speakerName allows dots only in titles and initials', () => {
    expect(speakerName(' Mr.  Banda ')).toBe('Mr. Banda');
    expect(speakerName('Ms. Qureshi')).toBe('Ms. Qureshi');
    expect(speakerName('Miss. Banda')).toBeNull();
    expect(speakerName('end. Next')).toBeNull();
    expect(speakerName('')).toBeNull();
  });

  it('reads timestamps before and after the name', async () => {
    const r = await readFixture('timestamps.txt');
    expect(sliced(r)).toEqual([
      ['Interviewer', '[00:00:05] Interviewer: Can you describe the letters you received?', 5, null],
      ['Student 1', '(00:00:19) Student 1: They write about their football team.', 19, null],
      ['Student 2', '00:01:02 Student 2: And about the long rains, and planting beans.', 62, null],
      ['Facilitator', 'Facilitator (00:01:30): Thank you both.', 90, null],
      ['Student 1', '[1:02:03.5] Student 1: One more thing, miss.', 3723.5, null],
    ]);
  });

  it('parseClock reads h:mm:ss, mm:ss and fractions, and rejects impossible times', () => {
    expect(['00:00:05', '1:02:03', '02:03', '00:01:02.250', '00:01:02,5', '00:61:00', '00:00:75', 'x'].map(parseClock)).toEqual([
      5,
      3723,
      123,
      62.25,
      62.5,
      null,
      null,
      null,
    ]);
  });
});

describe('detectTurns', () => {
  it('a lone label is not a speaker; the same label twice is', () => {
    expect(turnsOf('T1: new words here')).toEqual([[null, 'T1: new words here', null, null]]);
    expect(turnsOf('Note: the recorder stopped.\nWe carried on.')).toEqual([
      [null, 'Note: the recorder stopped.', null, null],
      [null, 'We carried on.', null, null],
    ]);
    expect(turnsOf('T1: one\nmore\nT1: two')).toEqual([
      ['T1', 'T1: one\nmore', null, null],
      ['T1', 'T1: two', null, null],
    ]);
  });

  it('two different labels once each are speakers', () => {
    expect(turnsOf('Interviewer: Hello.\nMrs Okafor: Good morning.\n')).toEqual([
      ['Interviewer', 'Interviewer: Hello.', null, null],
      ['Mrs Okafor', 'Mrs Okafor: Good morning.', null, null],
    ]);
  });

  it('a turn keeps its continuation lines and blank lines but not trailing whitespace', () => {
    const text = 'Teacher:\nI will answer on the next line.\n\n  And a second paragraph.  \n\n\nStudent 1: Me too.   \n\n';
    const turns = detectTurns(text);
    expect(turns).toEqual([
      { speaker: 'Teacher', start: 0, end: 67, timeStart: null, timeEnd: null },
      { speaker: 'Student 1', start: 72, end: 90, timeStart: null, timeEnd: null },
    ]);
    expect(text.slice(0, 67)).toBe('Teacher:\nI will answer on the next line.\n\n  And a second paragraph.');
    expect(text.slice(72, 90)).toBe('Student 1: Me too.');
  });

  it('text before the first speaker becomes paragraphs without a speaker', () => {
    expect(turnsOf('Title line\nSecond title line\n\nA: one\nB: two\n')).toEqual([
      [null, 'Title line', null, null],
      [null, 'Second title line', null, null],
      ['A', 'A: one', null, null],
      ['B', 'B: two', null, null],
    ]);
  });

  it('speaker-less text: paragraphs when there are blank lines, single lines when there are none', () => {
    expect(turnsOf('\n\n  One para\ngoes on.\n\n\nTwo.\n')).toEqual([
      [null, 'One para\ngoes on.', null, null],
      [null, 'Two.', null, null],
    ]);
    expect(turnsOf('line one\nline two\nline three')).toEqual([
      [null, 'line one', null, null],
      [null, 'line two', null, null],
      [null, 'line three', null, null],
    ]);
  });

  it('empty and whitespace-only text has no turns', () => {
    expect(detectTurns('')).toEqual([]);
    expect(detectTurns(' \n\t\n')).toEqual([]);
  });

  it('heading lines (from Markdown) are never speakers and end the turn before them', () => {
    const text = 'Session one: warm-up\nA: hi\nB: hello\nPart two\nmore notes\nA: bye\n';
    expect(sliced({ text, turns: detectTurns(text, { headings: [0, 36] }) })).toEqual([
      [null, 'Session one: warm-up', null, null],
      ['A', 'A: hi', null, null],
      ['B', 'B: hello', null, null],
      [null, 'Part two', null, null],
      [null, 'more notes', null, null],
      ['A', 'A: bye', null, null],
    ]);
  });

  it('offsets count UTF-16 code units (emoji and astral characters)', () => {
    const text = '🙂 Intro\n\nT1: 𝒜 one 🙂\nT2: two\n';
    const turns = detectTurns(text);
    expect(turns.map((t) => [t.start, t.end])).toEqual([
      [0, 8],
      [10, 23],
      [24, 31],
    ]);
    expect(text.slice(10, 23)).toBe('T1: 𝒜 one 🙂');
  });

  it('turns are always ordered, non-overlapping, trimmed and cover every non-space character', () => {
    const piece = fc.constantFrom(
      'Interviewer: ',
      'Student 3: ',
      'Mr. Banda: ',
      '[00:01:02] T1: ',
      'Note: ',
      'words',
      ' ',
      '\n',
      '\n\n',
      '\t',
      'é',
      '🙂',
      ':',
      'x.',
      '\r',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const turns = detectTurns(text);
        expectWellFormed(text, turns);
        const covered = new Array<boolean>(text.length).fill(false);
        for (const t of turns) for (let i = t.start; i < t.end; i++) covered[i] = true;
        for (let i = 0; i < text.length; i++) if (/\S/.test(text[i])) expect(covered[i]).toBe(true);
        for (const t of turns) {
          if (!t.speaker) continue;
          const firstLine = text.slice(t.start, t.end).split('\n')[0].replace(/\s+/g, ' ');
          const at = firstLine.indexOf(t.speaker);
          expect(at).toBeGreaterThanOrEqual(0);
          expect(firstLine.indexOf(':', at + t.speaker.length)).toBeGreaterThan(at);
        }
      }),
      { numRuns: 500 },
    );
  });
});
