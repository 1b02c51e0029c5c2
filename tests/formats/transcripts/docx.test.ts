import { strToU8, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../electron/formats/transcripts';
import { fixture, readFixture, refusal, sliced } from './helpers';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const docx = (documentXml: string, name = 'word/document.xml') => zipSync({ [name]: strToU8(documentXml) });

describe('Word transcripts', () => {
  it('one paragraph per line in document order, with line breaks, tabs, tables and non-ASCII text', async () => {
    const r = await readFixture('student-workshop-nairobi.docx');
    expect(r).toMatchObject({ format: 'docx', encoding: 'utf-8' });
    expect(r.text).toBe(
      'Student workshop — Nairobi, Form 3\n\n' +
        'Facilitator: Tell me about the letters from Bristol.\n' +
        'Student 1: They asked if we have lions at school. We laughed!\n' +
        'Student 2: I wrote about my shamba and my grandmother’s cows.\n' +
        'She said “karibu” to them in the letter.\n' +
        'Facilitator:\tWhat did you learn about Bristol?\n' +
        'Bristol\n' +
        'Zoë’s café\n' +
        'Student 3: Bristol has a harbour and a famous bridge — Clifton!\n',
    );
    expect(sliced(r)).toEqual([
      [null, 'Student workshop — Nairobi, Form 3', null, null],
      ['Facilitator', 'Facilitator: Tell me about the letters from Bristol.', null, null],
      ['Student 1', 'Student 1: They asked if we have lions at school. We laughed!', null, null],
      ['Student 2', 'Student 2: I wrote about my shamba and my grandmother’s cows.\nShe said “karibu” to them in the letter.', null, null],
      ['Facilitator', 'Facilitator:\tWhat did you learn about Bristol?\nBristol\nZoë’s café', null, null],
      ['Student 3', 'Student 3: Bristol has a harbour and a famous bridge — Clifton!', null, null],
    ]);
  });

  it('has the same characters in the same order as mammoth reads (whitespace aside: mammoth drops line breaks)', async () => {
    for (const name of ['student-workshop-nairobi.docx', 'word-extras.docx']) {
      const bytes = fixture(name);
      const ours = (await readTranscript(name, bytes)).text;
      const theirs = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
      // We write a non-breaking hyphen as "-" and drop soft hyphens, so that searching for "2018-ish" finds it.
      const comparable = theirs
        .normalize('NFC')
        .replace(/\u2011/g, '-')
        .replace(/\u00ad/g, '');
      expect(ours.replace(/\s+/g, '')).toBe(comparable.replace(/\s+/g, ''));
    }
  });

  it('leaves out deleted text, field codes, tab-stop definitions and the fallback copy of a text box', async () => {
    const r = await readFixture('word-extras.docx');
    expect(r.text).toBe(
      'Interviewer:\tHow did the new link start & grow?\n' +
        'Mrs Achieng: Through a British Council grant in 2018-ish, I think.\n' +
        'Photo caption — the Year 5 pen-pal wall\n\n' +
        'Interviewer: Asante sana — thank you 🙏\n',
    );
    expect(sliced(r).map((t) => t[0])).toEqual(['Interviewer', 'Mrs Achieng', 'Interviewer']);
  });

  it.each([
    ['truncated.docx', 'not a valid Word document (the zip is damaged or truncated)'],
    ['not-a-zip.docx', 'not a valid Word document (it is not a .docx zip package; was it renamed from another format?)'],
    ['no-document-xml.docx', 'not a valid Word document (it has no word/document.xml)'],
    ['old-word-97.docx', 'not a .docx file (it is an old Word 97–2003 document or is password-protected; save it as .docx without a password)'],
    ['empty.docx', 'the file is empty'],
  ])('refuses %s: %s', async (name, reason) => {
    expect(await refusal(name, name === 'empty.docx' ? new Uint8Array(0) : fixture(name))).toBe(reason);
  });

  it('refuses a damaged document part, a DTD, a part without a body and a document without words', async () => {
    const good = fixture('student-workshop-nairobi.docx');
    const damaged = good.slice();
    // Overwrite the middle of the compressed data: the central directory is intact, inflating fails.
    damaged.fill(0xff, 1200, 1600);
    expect(await refusal('damaged.docx', damaged)).toMatch(/^not a valid Word document \(/);
    expect(
      await refusal(
        'dtd.docx',
        docx(
          `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`,
        ),
      ),
    ).toBe('not a valid Word document (its XML declares a DTD, which Word never writes)');
    // A DTD anywhere in the part, not only in its first 4 KB.
    const late = `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${'x'.repeat(6000)}</w:t></w:r></w:p><!DOCTYPE x></w:body></w:document>`;
    expect(await refusal('late-dtd.docx', docx(late))).toBe('not a valid Word document (its XML declares a DTD, which Word never writes)');
    expect(await refusal('nobody.docx', docx('<html><p>hello</p></html>'))).toBe('not a valid Word document (word/document.xml has no document body)');
    expect(
      await refusal(
        'blank.docx',
        docx(`<w:document xmlns:w="${W}"><w:body><w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p></w:body></w:document>`),
      ),
    ).toBe('the document has no text');
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bytes = docx(`<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${'la '.repeat(1000)}</w:t></w:r></w:p></w:body></w:document>`);
    // Claim in the central directory that the part unpacks to 3 GB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let cd = -1;
    for (let i = bytes.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x02014b50) cd = i;
    expect(cd).toBeGreaterThan(0);
    view.setUint32(cd + 24, 3_000_000_000, true);
    expect(await refusal('bomb.docx', bytes)).toBe('not a valid Word document (word/document.xml would unpack to more than 100 MB: a zip bomb?)');
  });

  it('reads the namespace prefix Word declares, not a fixed "w:"', async () => {
    const xml = `<x:document xmlns:x="${W}"><x:body><x:p><x:r><x:t>T1: one</x:t></x:r></x:p><x:p><x:r><x:t>T2: two</x:t><x:br/><x:t>still two</x:t></x:r></x:p></x:body></x:document>`;
    const r = await readTranscript('prefix.docx', docx(xml));
    expect(r.text).toBe('T1: one\nT2: two\nstill two\n');
    expect(sliced(r)).toEqual([
      ['T1', 'T1: one', null, null],
      ['T2', 'T2: two\nstill two', null, null],
    ]);
  });
});
