import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../electron/formats/transcripts';
import { readFixture, sliced, utf8 } from './helpers';

describe('transcripts with a speaker-and-time line before each turn', () => {
  it('reads an Otter.ai export: speakers, start times, multi-line turns, no signature', async () => {
    const r = await readFixture('otter-focus-group-kisumu.txt');
    expect(r.format).toBe('txt');
    expect(sliced(r)).toEqual([
      ['Facilitator', 'Facilitator: Karibuni, welcome everyone. Shall we begin with the exchange visit?', 1, 9],
      ['Teacher 1', 'Teacher 1: It changed how I plan lessons. We now do more group work,\nand the learners present to visitors.', 9, 62],
      ['Mrs. Achieng', 'Mrs. Achieng: For me it is confidence. Café, naïve, résumé — they spell them all now.', 62, 4530],
      ['Facilitator', 'Facilitator: Asante sana.', 4530, null],
    ]);
    expect(r.text).not.toContain('otter.ai');
  });

  it('reads a Microsoft Word transcription saved as text (CRLF, "Speaker 1 00:00:01")', async () => {
    const r = await readFixture('word-transcription-headteacher.txt');
    expect(sliced(r).map(([speaker, , start]) => [speaker, start])).toEqual([
      ['Speaker 1', 1],
      ['Speaker 2', 6],
      ['Speaker 1', 15],
      ['Speaker 2', 17],
    ]);
    expect(r.text).toContain('Speaker 2: Yes. We started in 2019.\n');
  });

  it('reads a Microsoft Word transcription .docx, keeping the title line as speaker-less text', async () => {
    const r = await readFixture('word-transcription-lahore.docx');
    expect(r.format).toBe('docx');
    expect(sliced(r)).toEqual([
      [null, 'Teacher interview, Lahore.m4a', null, null],
      ['Speaker 1', 'Speaker 1: Thank you for making time after school. How did the partnership start?', 3, 9],
      ['Speaker 2', 'Speaker 2: It started with letters. Our Year 9 wrote to a school in Manchester — بہت اچھا تجربہ تھا.', 9, 74],
      ['Speaker 1', 'Speaker 1: And the video calls?', 74, 77],
      ['Speaker 2', 'Speaker 2: Twice a term. The connection was poor, but the children did not mind 😊', 77, null],
    ]);
  });

  it('accepts the time before the name', async () => {
    const r = await readTranscript('t.txt', utf8('00:00:02 Interviewer\nHello.\n\n00:00:05 Head\nHi.\n'));
    expect(sliced(r)).toEqual([
      ['Interviewer', 'Interviewer: Hello.', 2, 5],
      ['Head', 'Head: Hi.', 5, null],
    ]);
  });

  it('leaves prose with a single dated line, and ordinary "Name: words" transcripts, as they were', async () => {
    const prose = 'Meeting 10:30\nWe discussed the visit.\n';
    const r = await readTranscript('notes.txt', utf8(prose));
    expect(r.text).toBe(prose);
    expect(r.turns.every((t) => t.speaker === null)).toBe(true);
    const colon = 'Interviewer: Hello.\nHead: Hi 10:30\nInterviewer: Thanks.\n';
    expect((await readTranscript('c.txt', utf8(colon))).text).toBe(colon);
  });
});
