import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTranscript, supportedFormat } from '../../../electron/formats/transcripts';
import { decodeText } from '../../../electron/formats/transcripts/decode';
import { MAX_TRANSCRIPT_BYTES } from '../../../electron/formats/transcripts/errors';
import { fixture, readFixture, refusal, sliced, utf8 } from './helpers';

const KENYA = `Focus group with teachers, Kisumu, Kenya

Facilitator: Karibuni, welcome everyone. Let us begin with introductions.
Teacher 1: I am Wanjiru; I teach science in Form 2.
Teacher 2: Mimi ni Otieno — I teach English and Kiswahili.
Facilitator: What has the partnership with the school in Leeds changed for you?
Teacher 1: The exchange visit changed how I plan lessons. We now do more group work.
Teacher 3: For me it is the learners’ confidence. They present to visitors now.
Teacher 2: But we should say it: the visits are short, and the learners keep asking “when will they come back?”
`;

const KENYA_TURNS = [
  [null, 'Focus group with teachers, Kisumu, Kenya', null, null],
  ['Facilitator', 'Facilitator: Karibuni, welcome everyone. Let us begin with introductions.', null, null],
  ['Teacher 1', 'Teacher 1: I am Wanjiru; I teach science in Form 2.', null, null],
  ['Teacher 2', 'Teacher 2: Mimi ni Otieno — I teach English and Kiswahili.', null, null],
  ['Facilitator', 'Facilitator: What has the partnership with the school in Leeds changed for you?', null, null],
  ['Teacher 1', 'Teacher 1: The exchange visit changed how I plan lessons. We now do more group work.', null, null],
  ['Teacher 3', 'Teacher 3: For me it is the learners’ confidence. They present to visitors now.', null, null],
  ['Teacher 2', 'Teacher 2: But we should say it: the visits are short, and the learners keep asking “when will they come back?”', null, null],
];

describe('plain-text transcripts in every encoding', () => {
  it.each([
    ['focus-group-kenya-utf8-bom.txt', 'utf-8'],
    ['focus-group-kenya-utf16le.txt', 'utf-16le'],
    ['focus-group-kenya-utf16be.txt', 'utf-16be'],
    ['focus-group-kenya-utf16le-nobom.txt', 'utf-16le'],
  ])('%s reads as the same words and turns (%s), BOM gone, CRLF turned into LF', async (name, encoding) => {
    const r = await readFixture(name);
    expect(r).toMatchObject({ format: 'txt', encoding });
    expect(r.text).toBe(KENYA);
    expect(sliced(r)).toEqual(KENYA_TURNS);
  });

  it('UTF-8 without a BOM keeps every character and finds the speakers and their continuation lines', async () => {
    const r = await readFixture('headteacher-interview-england.txt');
    expect(r.encoding).toBe('utf-8');
    expect(r.text.startsWith('Interview with the headteacher, Millbrook Primary School (England)\nRecorded 14 March 2024.')).toBe(true);
    expect(sliced(r)).toEqual([
      [null, 'Interview with the headteacher, Millbrook Primary School (England)', null, null],
      [null, 'Recorded 14 March 2024. Names changed.', null, null],
      ['Interviewer', 'Interviewer: Thank you for making time this afternoon. Could you start by telling me how the link with Kisumu began?', null, null],
      [
        'Mrs Okafor',
        "Mrs Okafor: Of course. It started at a conference in 2019, really. One of our teachers met Mr. Otieno there and they simply kept writing to each other.\nWe didn't plan a partnership at all at first.",
        null,
        null,
      ],
      ['Interviewer', 'Interviewer: And what does the partnership look like now?', null, null],
      [
        'Mrs Okafor',
        'Mrs Okafor: Every Year 5 class has pen pals. We swap letters twice a term, and last summer two of their teachers stayed with us for a fortnight.\n\nHonestly, the children talk about it more than anything else we do.',
        null,
        null,
      ],
      ['Interviewer', 'Interviewer: Has anything been difficult?', null, null],
      ['Mrs Okafor', "Mrs Okafor: Money, always. And time: the letters take weeks to arrive, so we've started sending short videos instead.", null, null],
    ]);
  });

  it('Windows-1252 keeps curly quotes, £, é, — and … (and CRLF becomes LF)', async () => {
    const r = await readFixture('headteacher-windows-1252.txt');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe(
      'Interviewer: What did the visit cost the school?\n' +
        'Mr. Hughes: About £1,200 in the end — the café at the community centre did the catering.\n' +
        'Interviewer: And the parents’ reaction?\n' +
        'Mr. Hughes: “Brilliant,” one of them said. Another called it a ‘once in a lifetime’ trip for the staff…\n',
    );
    expect(sliced(r).map((t) => t[0])).toEqual(['Interviewer', 'Mr. Hughes', 'Interviewer', 'Mr. Hughes']);
  });

  it('reads a short legacy file that chardet cannot place as Windows-1252', () => {
    expect(decodeText('short.txt', iconv.encode('Café £5 — “ok”', 'windows-1252'))).toEqual({ text: 'Café £5 — “ok”', encoding: 'windows-1252' });
  });

  it('names Latin-1 guesses Windows-1252 and trusts a confident guess of another code page', () => {
    const latin = 'Interviewer: Did the café in the village help with the visit?\nMr. Hughes: Yes, the café and the école both helped. It cost £40.\n';
    expect(decodeText('latin.txt', iconv.encode(latin, 'windows-1252'))).toEqual({ text: latin, encoding: 'windows-1252' });
    const russian = 'Учитель: Мы переписываемся со школой в Кисуму уже три года.\nИнтервьюер: Что изменилось для учеников за это время?\n';
    expect(decodeText('russian.txt', iconv.encode(russian, 'windows-1251'))).toEqual({ text: russian, encoding: 'windows-1251' });
  });

  it.each(['student-workshop-crlf.txt', 'student-workshop-cr.txt'])('%s: line endings become LF and offsets are into the LF text', async (name) => {
    const r = await readFixture(name);
    expect(r.text).toBe(
      'Facilitator: What do you know about Kisumu?\nStudent 1: It is next to Lake Victoria.\nStudent 2: They eat fish called tilapia.\n\nFacilitator: Good. Anything else?\n',
    );
    expect(sliced(r)).toEqual([
      ['Facilitator', 'Facilitator: What do you know about Kisumu?', null, null],
      ['Student 1', 'Student 1: It is next to Lake Victoria.', null, null],
      ['Student 2', 'Student 2: They eat fish called tilapia.', null, null],
      ['Facilitator', 'Facilitator: Good. Anything else?', null, null],
    ]);
  });

  it('Urdu speaker names are speakers, digits and all', async () => {
    const r = await readFixture('student-workshop-lahore.txt');
    expect(sliced(r)).toEqual([
      ['سہولت کار', 'سہولت کار: آج ہم اپنے شراکت دار اسکول کے بارے میں بات کریں گے۔', null, null],
      ['طالب علم ۱', 'طالب علم ۱: ہم نے مانچسٹر کے بچوں کو خط لکھے۔', null, null],
      ['طالب علم ۲', 'طالب علم ۲: انہوں نے ہمیں اپنے شہر کی تصویریں بھیجیں۔', null, null],
      ['Facilitator', 'Facilitator: Thank you — شکریہ۔', null, null],
    ]);
  });

  it('normalises to NFC so the same word typed on a Mac and on Windows is the same text', async () => {
    const r = await readTranscript('nfd.txt', utf8('Teacher: cafe\u0301\nStudent: café\n'));
    expect(r.text).toBe('Teacher: café\nStudent: café\n');
    expect(sliced(r)).toEqual([
      ['Teacher', 'Teacher: café', null, null],
      ['Student', 'Student: café', null, null],
    ]);
  });

  it('prose without speakers is one turn per paragraph; a lone "Note:" is not a speaker', async () => {
    const r = await readFixture('observation-notes.txt');
    expect(sliced(r)).toEqual([
      [null, 'Observation notes, Year 9 geography lesson, Leeds', null, null],
      [
        null,
        'The class were preparing questions for their partner school in Lahore. The teacher had printed photographs of both schools and pinned them to the board.\nMost students worked in pairs.',
        null,
        null,
      ],
      [null, 'Note: the names of students have been removed.', null, null],
      [null, 'After twenty minutes the teacher asked each pair to read one question aloud: most were about food, sport and the weather.', null, null],
    ]);
  });
});

describe('refusing files that are not transcripts', () => {
  it.each([
    ['empty.txt', 'the file is empty'],
    ['whitespace-only.txt', 'the file is empty'],
    ['png-image.txt', 'looks like a binary file, not a transcript (it is a PNG image)'],
    ['random-bytes.txt', 'looks like a binary file, not a transcript'],
    ['control-characters.txt', 'looks like a binary file, not a transcript'],
    ['zip-archive.txt', 'looks like a binary file, not a transcript (it is a zip archive; if it is a Word document, rename it to .docx)'],
  ])('%s: %s', async (name, reason) => {
    expect(await refusal(name)).toBe(reason);
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const huge = new Uint8Array(MAX_TRANSCRIPT_BYTES + 1).fill(0x61);
    expect(await refusal('whole-term-recordings.txt', huge)).toBe('the file is too large (51 MB; the limit is 50 MB)');
    expect(await refusal('interview.docx', new Uint8Array(80 * 1024 * 1024))).toBe('the file is too large (80 MB; the limit is 50 MB)');
  });

  it('accepts a file of exactly 50 MB', () => {
    const text = new Uint8Array(MAX_TRANSCRIPT_BYTES).fill(0x61);
    expect(decodeText('big.txt', text).text).toHaveLength(MAX_TRANSCRIPT_BYTES);
  });

  it('names unsupported types and the types it reads', async () => {
    expect(await refusal('report.pdf', utf8('%PDF-1.7'))).toBe('unsupported file type .pdf; Fieldcode reads .txt, .md, .docx, .vtt and .srt');
    expect(await refusal('README', utf8('hello'))).toBe('unsupported file type (the name has no extension); Fieldcode reads .txt, .md, .docx, .vtt and .srt');
  });

  it('decodeText refuses binary and empty input for case sheets too', () => {
    expect(() => decodeText('cases.csv', fixture('png-image.txt'))).toThrow('cases.csv: looks like a binary file, not a transcript (it is a PNG image)');
    expect(() => decodeText('cases.csv', new Uint8Array(0))).toThrow('cases.csv: the file is empty');
  });
});

describe('supportedFormat', () => {
  it('knows formats by extension, whatever the case and folder', () => {
    expect(['a.txt', 'B.TXT', 'x/y/notes.md', 'n.markdown', 'C:\\data\\w.DOCX', 'f.vtt', 'f.srt', '.x/y.text'].map(supportedFormat)).toEqual([
      'txt',
      'txt',
      'md',
      'md',
      'docx',
      'vtt',
      'srt',
      'txt',
    ]);
    expect(['a.doc', 'a.pdf', 'txt', '.txt', 'a.txt.zip', 'folder.txt/readme'].map(supportedFormat)).toEqual([null, null, null, null, null, null]);
  });
});
