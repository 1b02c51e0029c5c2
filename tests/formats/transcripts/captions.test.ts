import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../electron/formats/transcripts';
import { parseSrtTime } from '../../../electron/formats/transcripts/srt';
import { parseVttTime, voicePieces } from '../../../electron/formats/transcripts/vtt';
import { fixture, readFixture, refusal, sliced, utf8 } from './helpers';

describe('WebVTT', () => {
  it('reads voices (with classes), merges a speaker’s consecutive cues, drops NOTE/STYLE blocks and inline tags', async () => {
    const r = await readFixture('teacher-focus-group-kenya.vtt');
    expect(r).toMatchObject({ format: 'vtt', encoding: 'utf-8' });
    expect(r.text).toBe(
      'Facilitator: Karibuni. Thank you all for staying after school. Shall we start with the exchange visit?\n' +
        'Teacher 1: It changed everything for my Form 2 class. They wrote letters every week & waited for replies.\n' +
        'Teacher 2: Mimi pia — for me too.\n' +
        'Facilitator: Asante. [laughter]\n',
    );
    expect(sliced(r)).toEqual([
      ['Facilitator', 'Facilitator: Karibuni. Thank you all for staying after school. Shall we start with the exchange visit?', 0.5, 7.25],
      ['Teacher 1', 'Teacher 1: It changed everything for my Form 2 class. They wrote letters every week & waited for replies.', 8, 16],
      ['Teacher 2', 'Teacher 2: Mimi pia — for me too.', 16, 19],
      // A cue without a voice continues the turn before it.
      ['Facilitator', 'Facilitator: Asante. [laughter]', 16, 21],
    ]);
  });

  it('reads "Name: words" cues (as Zoom writes them) as speakers', async () => {
    const r = await readFixture('online-interview-zoom.vtt');
    expect(sliced(r)).toEqual([
      ['Interviewer', 'Interviewer: Thanks for joining from Lahore. Can you hear me?', 1.2, 5.9],
      ['Ms. Qureshi', 'Ms. Qureshi: Yes, clearly. The connection is good today. We have just finished the exam season, so the timing is perfect.', 6.1, 13.4],
      ['Interviewer', 'Interviewer: Wonderful.', 14, 17],
    ]);
  });

  it('captions without any speaker are one line per cue', async () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\nThe bell rings.\n\n00:02.000 --> 00:03.500\n<i>Children   run</i>\nto the field.\n';
    const r = await readTranscript('captions.vtt', utf8(vtt));
    expect(r.text).toBe('The bell rings.\nChildren run to the field.\n');
    expect(sliced(r)).toEqual([
      [null, 'The bell rings.', 1, 2],
      [null, 'Children run to the field.', 2, 3.5],
    ]);
  });

  it('keeps text after a stray blank line inside a cue, and reads CRLF files with a BOM', async () => {
    const vtt =
      '\uFEFFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v Teacher 1>First part\r\n\r\nsecond part\r\n\r\n00:00:03.000 --> 00:00:04.000\r\n<v Teacher 2>Reply\r\n';
    const r = await readTranscript('stray.vtt', utf8(vtt));
    expect(sliced(r)).toEqual([
      ['Teacher 1', 'Teacher 1: First part second part', 1, 2],
      ['Teacher 2', 'Teacher 2: Reply', 3, 4],
    ]);
  });

  it('reads a first cue that follows the header without a blank line', async () => {
    const r = await readTranscript('tight.vtt', utf8('WEBVTT\n00:00:01.000 --> 00:00:02.000\n<v Amina>Habari za asubuhi.\n'));
    expect(sliced(r)).toEqual([['Amina', 'Amina: Habari za asubuhi.', 1, 2]]);
  });

  it('splits one cue spoken by two voices', () => {
    expect(voicePieces('<v Ana>Hi <b>there</b></v> <v.x Ben>Hello &lt;3</v>')).toEqual([
      { voice: 'Ana', text: 'Hi there' },
      { voice: 'Ben', text: 'Hello <3' },
    ]);
    expect(voicePieces('<v>no name</v>')).toEqual([{ voice: null, text: 'no name' }]);
  });

  it('parses hh:mm:ss.mmm and mm:ss.mmm times', () => {
    expect(['00:00:01.000', '01:02:03.456', '02:03.5', '120:00:00.000', '00:61.000', '1.000', 'x'].map(parseVttTime)).toEqual([
      1,
      3723.456,
      null,
      432000,
      null,
      null,
      null,
    ]);
  });

  it('refuses a file without the WEBVTT header, unreadable timings and files without words', async () => {
    expect(await refusal('no-header.vtt')).toBe('not a WebVTT file (the first line must be WEBVTT)');
    expect(await refusal('WEBVTTX.vtt', utf8('WEBVTTX\n\n00:01.000 --> 00:02.000\nhi\n'))).toBe('not a WebVTT file (the first line must be WEBVTT)');
    expect(await refusal('bad.vtt', utf8('WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\nid\n00:0x.000 --> 00:03.000\nno\n'))).toBe(
      'line 7: cannot read the cue timing "00:0x.000 --> 00:03.000" (expected 00:01:02.500 --> 00:01:05.000)',
    );
    expect(await refusal('notes-only.vtt', utf8('WEBVTT\n\nNOTE nothing was said\n'))).toBe('the file has no cues with words');
    expect(await refusal('bin.vtt', fixture('png-image.txt'))).toBe('looks like a binary file, not a transcript (it is a PNG image)');
  });

  it('every speaker change is a new line, consecutive cues of a speaker are one line', async () => {
    const cue = fc.record({
      speaker: fc.constantFrom('Facilitator', 'Teacher 1', 'Mwalimu Achieng'),
      words: fc.constantFrom('Ndiyo.', 'We planted trees —', 'letters & photos', 'café'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(cue, { minLength: 1, maxLength: 12 }), async (cues) => {
        const vtt = `WEBVTT\n\n${cues.map((c, i) => `00:00:${String(i).padStart(2, '0')}.000 --> 00:00:${String(i + 1).padStart(2, '0')}.000\n<v ${c.speaker}>${c.words.replace('&', '&amp;')}</v>\n`).join('\n')}`;
        const r = await readTranscript('p.vtt', utf8(vtt));
        const expected: [string, string, number, number][] = [];
        cues.forEach((c, i) => {
          const last = expected.at(-1);
          if (last && last[0] === c.speaker) {
            last[1] += ` ${c.words}`;
            last[3] = i + 1;
          } else expected.push([c.speaker, `${c.speaker}: ${c.words}`, i, i + 1]);
        });
        expect(sliced(r)).toEqual(expected);
        expect(r.text).toBe(expected.map((e) => `${e[1]}\n`).join(''));
      }),
      { numRuns: 100 },
    );
  });
});

describe('SubRip', () => {
  it('reads speakers from "Name: words", merges their cues, joins wrapped lines and drops <i> tags', async () => {
    const r = await readFixture('teacher-exchange-interview.srt');
    expect(r).toMatchObject({ format: 'srt', encoding: 'utf-8' });
    expect(r.text).toBe(
      'Interviewer: Could you tell me about the teacher exchange last spring?\n' +
        'Mr. Banda: Two of us went to Sheffield for three weeks. It was cold! But the welcome was warm.\n' +
        'Interviewer: What did you bring back?\n' +
        'Mr. Banda: Ideas for reading corners — and a box of books for the library.\n',
    );
    expect(sliced(r)).toEqual([
      ['Interviewer', 'Interviewer: Could you tell me about the teacher exchange last spring?', 2, 5.5],
      ['Mr. Banda', 'Mr. Banda: Two of us went to Sheffield for three weeks. It was cold! But the welcome was warm.', 6, 12.25],
      ['Interviewer', 'Interviewer: What did you bring back?', 12.5, 14],
      ['Mr. Banda', 'Mr. Banda: Ideas for reading corners — and a box of books for the library.', 14.5, 19],
    ]);
  });

  it('reads the same file written on Windows (BOM, CRLF) identically', async () => {
    const original = await readFixture('teacher-exchange-interview.srt');
    const lf = new TextDecoder().decode(fixture('teacher-exchange-interview.srt'));
    const windows = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(lf.replace(/\n/g, '\r\n'))]);
    const r = await readTranscript('windows.srt', windows);
    expect({ text: r.text, turns: r.turns }).toEqual({ text: original.text, turns: original.turns });
  });

  it('tolerates the timing variants real tools write, font tags and {\\an8} overrides, and cues without blank lines between them', async () => {
    const srt =
      '1\n0:00:01.5 --> 0:00:03,000 X1:0 X2:0\n{\\an8}<font color="#ffff00">Teacher:</font> Habari\n2\n00:00:03,000 --> 00:00:04,000\nStudent 1: Nzuri!\n';
    const r = await readTranscript('variants.srt', utf8(srt));
    expect(sliced(r)).toEqual([
      ['Teacher', 'Teacher: Habari', 1.5, 3],
      ['Student 1', 'Student 1: Nzuri!', 3, 4],
    ]);
  });

  it('parses SubRip times', () => {
    expect(['00:00:01,000', '01:02:03,456', '1:02:03.4', '02:03,500', '00:00:0x,000', '00:99:00,000'].map(parseSrtTime)).toEqual([
      1,
      3723.456,
      3723.4,
      123.5,
      null,
      null,
    ]);
  });

  it('refuses unreadable timestamps with the line number rather than guessing times', async () => {
    expect(await refusal('bad-timestamps.srt')).toBe(
      'line 6: cannot read the cue timing "00:00:0x,000 --> 00:00:08,000" (expected 00:00:01,000 --> 00:00:04,000)',
    );
    expect(await refusal('prose.srt', utf8('Interviewer: this is not a subtitle file\n'))).toBe(
      'not a SubRip file (line 1 should be a cue number or a timing like 00:00:01,000 --> 00:00:04,000)',
    );
    expect(await refusal('numbers.srt', utf8('1\n\n2\n'))).toBe(
      'not a SubRip file (line 1 should be a cue number or a timing like 00:00:01,000 --> 00:00:04,000)',
    );
    expect(await refusal('silent.srt', utf8('1\n00:00:01,000 --> 00:00:02,000\n\n'))).toBe('the file has no cues with words');
  });
});
