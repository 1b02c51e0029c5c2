import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCodebookQdc, importProjectQdpx } from '../../electron/refi/refi';
import { listCases } from '../../electron/store/cases';
import { listCodes } from '../../electron/store/codes';
import type { Project } from '../../electron/store/db';
import { listMemos } from '../../electron/store/memos';
import { tempDir, tempProject, track } from '../helpers/temp';
import { QDE_HEAD, zipOf } from './helpers';

// What other tools do that the standard does not say (fixtures README): NVivo's
// UTF-16 positions with CRLF as 2, code points with CRLF as 2 elsewhere,
// `Sources/` vs `sources/`, `Project.qde`, bare file names, inline text, and
// codebooks with a mistyped or missing namespace.

const U1 = '11111111-1111-4111-8111-111111111111';
const CODE = '22222222-2222-4222-8222-222222222222';
const SRC = '33333333-3333-4333-8333-333333333333';
const TEXT = 'Intro 🌍 line\r\nSecond line: the café\r\nThird 👩🏽‍🏫 line';
const WANTED = ['the café', 'Third 👩🏽‍🏫 line'];

/** A project.qde with one text source whose selections are placed with `count`. */
function qde(origin: string, count: (s: string) => number, path = `internal://${SRC}.txt`): string {
  const sel = (quote: string, i: number) => {
    const at = TEXT.indexOf(quote);
    const start = count(TEXT.slice(0, at));
    const end = start + count(quote);
    const guid = `4444444${i}-4444-4444-8444-444444444444`;
    return `<PlainTextSelection guid="${guid}" startPosition="${start}" endPosition="${end}"><Coding guid="5555555${i}-5555-4555-8555-555555555555" creatingUser="${U1}"><CodeRef targetGUID="${CODE}"/></Coding></PlainTextSelection>`;
  };
  return `${QDE_HEAD} name="Quirks" origin="${origin}">
<Users><User guid="${U1}" name="Ann"/></Users>
<CodeBook><Codes><Code guid="${CODE}" name="Place" isCodable="true" color="#0F0"/></Codes></CodeBook>
<Sources><TextSource guid="${SRC}" name="Talk.txt" plainTextPath="${path}">${WANTED.map(sel).join('')}</TextSource></Sources>
</Project>`;
}

async function load(name: string, files: Record<string, string>): Promise<Project> {
  const { project } = await importProjectQdpx({ name, bytes: zipOf(files) }, join(tempDir(), 'q.fieldcode'));
  return track(project);
}

function quotes(p: Project): string[] {
  return (
    p.db.prepare('SELECT substr(d.text, 1) AS text, s.start, s.end FROM segments s JOIN documents d ON d.id = s.document_id ORDER BY s.start').all() as {
      text: string;
      start: number;
      end: number;
    }[]
  ).map((r) => r.text.slice(r.start, r.end));
}

const codePoints = (s: string) => [...s].length;
const utf16 = (s: string) => s.length;
const atlas = (s: string) => [...s.replace(/\r\n/g, '\n')].length;
const qualcoder = (s: string) => s.replace(/\r\n/g, '\n').length;

describe('position dialects by Project@origin', () => {
  it('NVivo: UTF-16 code units, CRLF counted as 2', async () => {
    const p = await load('nvivo.qdpx', { 'project.qde': qde('NVivo 12 (Windows)', utf16), [`sources/${SRC}.txt`]: TEXT });
    expect(quotes(p)).toEqual(WANTED);
    expect(p.db.prepare('SELECT text FROM documents').pluck().get()).toBe(TEXT.replace(/\r\n/g, '\n'));
  });

  it('the standard (MAXQDA, Fieldcode): code points, CRLF counted as 2', async () => {
    expect(quotes(await load('maxqda.qdpx', { 'project.qde': qde('MAXQDA 2022', codePoints), [`sources/${SRC}.txt`]: TEXT }))).toEqual(WANTED);
  });

  it("QualCoder: UTF-16 code units (its Qt text view's), a line ending counted as 1", async () => {
    expect(quotes(await load('qualcoder.qdpx', { 'project.qde': qde('QualCoder 4.0 Beta', qualcoder), [`sources/${SRC}.txt`]: TEXT }))).toEqual(WANTED);
  });

  it('ATLAS.ti: code points, a line ending counted as 1', async () => {
    expect(quotes(await load('atlas.qdpx', { 'project.qde': qde('ATLAS.ti 23.2', atlas), [`sources/${SRC}.txt`]: TEXT }))).toEqual(WANTED);
  });

  it('the dialect matters: NVivo positions read as standard land elsewhere', async () => {
    expect(quotes(await load('mislabelled.qdpx', { 'project.qde': qde('MAXQDA 2022', utf16), [`sources/${SRC}.txt`]: TEXT }))).not.toEqual(WANTED);
  });
});

describe('zip layouts and source references', () => {
  it('Project.qde with Sources/ and an upper-case file name', async () => {
    const p = await load('maxqda.qdpx', { 'Project.qde': qde('MAXQDA 2022', codePoints), [`Sources/${SRC.toUpperCase()}.TXT`]: TEXT });
    expect(quotes(p)).toEqual(WANTED);
  });

  it('a bare file name instead of internal://, stored at the root or in sources/', async () => {
    expect(quotes(await load('bare.qdpx', { 'project.qde': qde('Tool', codePoints, 'Talk.txt'), 'sources/Talk.txt': TEXT }))).toEqual(WANTED);
    expect(quotes(await load('root.qdpx', { 'project.qde': qde('Tool', codePoints, 'Talk.txt'), 'Talk.txt': TEXT }))).toEqual(WANTED);
  });

  it('inline PlainTextContent, whole-source coding, typed variables, notes on selections and in files', async () => {
    const V = ['66666666-6666-4666-8666-666666666661', '66666666-6666-4666-8666-666666666662'];
    const xml = `${QDE_HEAD} name="Inline" origin="Other tool">
<CodeBook><Codes><Code guid="{${CODE.toUpperCase()}}" name="A/B" isCodable="false"><Code guid="${CODE.replace(/2/g, '7')}" name="child"/></Code></Codes></CodeBook>
<Variables><Variable guid="${V[0]}" name="age" typeOfVariable="Integer"/><Variable guid="${V[1]}" name="consent" typeOfVariable="Boolean"/></Variables>
<Cases><Case guid="${U1}" name="Ann"><VariableValue><VariableRef targetGUID="${V[0]}"/><IntegerValue>34</IntegerValue></VariableValue><VariableValue><VariableRef targetGUID="${V[1]}"/><BooleanValue>true</BooleanValue></VariableValue><SourceRef targetGUID="${SRC}"/></Case></Cases>
<Sources><TextSource guid="${SRC}" name="Inline.docx"><PlainTextContent>Hello &amp; welcome &#x1F30D;</PlainTextContent>
<PlainTextSelection guid="44444444-4444-4444-8444-444444444444" startPosition="0" endPosition="5"><Description>greeting</Description><Coding guid="55555555-5555-4555-8555-555555555555"><CodeRef targetGUID="${CODE}"/></Coding><NoteRef targetGUID="88888888-8888-4888-8888-888888888888"/></PlainTextSelection>
<Coding guid="99999999-9999-4999-8999-999999999999"><CodeRef targetGUID="${CODE}"/></Coding></TextSource></Sources>
<Notes><Note guid="88888888-8888-4888-8888-888888888888" name="On hello"><PlainTextContent>Said warmly.</PlainTextContent></Note><Note guid="88888888-8888-4888-8888-888888888889" name="File note" plainTextPath="internal://note.txt"/></Notes>
</Project>`;
    const p = await load('inline.qdpx', { 'project.qde': xml, 'sources/note.txt': 'From a file.\r\n' });
    expect(listCodes(p).map((c) => c.path)).toEqual(['A∕B', 'A∕B/child']);
    expect(p.db.prepare('SELECT name, text, kind FROM documents').get()).toEqual({ name: 'Inline', text: 'Hello & welcome 🌍', kind: 'interview' });
    expect(p.db.prepare('SELECT start, end, memo FROM segments ORDER BY end').all()).toEqual([
      { start: 0, end: 5, memo: 'greeting' },
      { start: 0, end: 18, memo: '' },
    ]);
    expect(listCases(p)).toMatchObject([{ name: 'Ann', attributes: { age: '34', consent: 'true' }, documents: 1 }]);
    const memos = listMemos(p);
    expect(memos.find((m) => m.title === 'On hello')).toMatchObject({
      target: 'segment',
      targetId: '44444444-4444-4444-8444-444444444444',
      body: 'Said warmly.',
    });
    expect(memos.find((m) => m.title === 'File note')).toMatchObject({ target: 'project', body: 'From a file.\n' });
  });
});

describe('lenient codebook namespaces', () => {
  const book = (open: string, close: string) =>
    new TextEncoder().encode(
      `<?xml version="1.0"?>${open}<Codes><Code guid="${CODE}" name="Weather" isCodable="true" color="#123"><Description>Rain, sun</Description><Code guid="${SRC}" name="Rain" isCodable="true"/></Code></Codes>${close}`,
    );

  it('reads a codebook with a mistyped, a missing or a prefixed namespace', async () => {
    for (const [open, close] of [
      ['<CodeBook xmlns="urn:QDA-XML:codebook:1:0">', '</CodeBook>'],
      ['<CodeBook>', '</CodeBook>'],
      ['<qda:CodeBook xmlns:qda="urn:QDA-XML:codebook:1.0">', '</qda:CodeBook>'],
    ]) {
      const p = tempProject({ codebook: 'empty' });
      expect(await importCodebookQdc(p, { name: 'weather.qdc', bytes: book(open, close) })).toEqual({ added: 2, updated: 0, unchanged: 0 });
      expect(listCodes(p).map((c) => [c.path, c.colour, c.definition])).toEqual([
        ['Weather', '#112233', 'Rain, sun'],
        ['Weather/Rain', '#112233', ''],
      ]);
    }
  });
});
