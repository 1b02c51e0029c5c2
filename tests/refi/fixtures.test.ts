import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCodebookQdc, importProjectQdpx } from '../../electron/refi/refi';
import { listCoders } from '../../electron/store/coders';
import { listCodes } from '../../electron/store/codes';
import { listMemos } from '../../electron/store/memos';
import { tempDir, tempProject, track } from '../helpers/temp';
import { SAMPLES, zipOf } from './helpers';

// The real files in tests/fixtures/refi/samples (a copy of ../shared/fixtures/refi), made by ATLAS.ti, Taguette
// and the standard's own annex, with counts checked against the files by hand.

const ATLAS_QDE = join(SAMPLES, 'atlasti-8.4-mac_REFI-standard-project.project.qde');

describe('importing samples made by other tools', () => {
  it('ATLAS.ti 23.2 blank project (.qdpx with only project.qde)', async () => {
    const { project, report } = await importProjectQdpx(
      { path: join(SAMPLES, 'atlasti-23.2-win_blank-atlas-project.qdpx') },
      join(tempDir(), 'blank.fieldcode'),
    );
    track(project);
    expect(report.project.name).toBe('blank-atlas-project');
    expect(report.counts).toEqual({ documents: 0, codes: 0, segments: 0, cases: 0, coders: 2, memos: 0 });
    expect(
      listCoders(project)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['ATLAS.ti', 'Enric Llagostera']);
    expect(report.project.coder.name).toBe('Enric Llagostera');
    expect(report.skipped).toEqual([]);
  });

  it('ATLAS.ti 8.4 REFI standard project as a bare project.qde: codes, users, notes; sources listed as skipped', async () => {
    const { project, report } = await importProjectQdpx({ path: ATLAS_QDE }, join(tempDir(), 'atlas.fieldcode'));
    track(project);
    expect(report.counts).toEqual({ documents: 0, codes: 14, segments: 0, cases: 0, coders: 3, memos: 2 });
    const codes = listCodes(project);
    expect(codes.find((c) => c.name === 'Coke')).toMatchObject({ colour: '#966450', definition: 'the breakfast of champions' });
    expect(codes.find((c) => c.name === '"rushed"')).toBeTruthy();
    expect(codes.find((c) => c.name === 'milk')!.colour).toMatch(/^#[0-9A-F]{6}$/);
    const memo = listMemos(project).find((m) => m.title === 'Research Plan')!;
    expect(memo.body).toBe('day to day log about this amazing project\n\nThis is a great project by a dynamic team of researcher-developers. ');
    expect(report.skipped).toEqual([
      '6 text source(s) whose text is not in a bare project.qde (import the .qdpx to get them)',
      '7 coding(s) of those sources',
      '1 link(s) other than memo links',
      '1 picture source(s)',
      '2 PDF source(s)',
      '1 audio source(s)',
      '2 video source(s)',
      '16 set(s)',
      '1 graph(s)',
    ]);
  });

  it('the same ATLAS.ti project zipped with CRLF texts: line endings count as 1, as ATLAS.ti does', async () => {
    const qde = readFileSync(ATLAS_QDE, 'utf8');
    // Texts long enough for every selection, with CRLF line ends; the coded words sit at the ATLAS.ti positions.
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Line ${String(i).padStart(3, '0')} of talk.`).join('\r\n');
    const place = (base: string, at: number, words: string) => {
      const lf = base.replace(/\r\n/g, '\n');
      const text = lf.slice(0, at) + words + lf.slice(at + words.length);
      return text.replace(/\n/g, '\r\n');
    };
    const simon = place(filler(60), 215, 'I did try the gluten free bread, but it was always so soggy,');
    const files = {
      'project.qde': qde,
      'Sources/01106019-2518-43DD-BBD1-8F0252BACB30.txt': filler(5),
      'Sources/C8A57C71-D156-4A94-8407-2BD2FA57E2A4.txt': filler(5),
      'Sources/230B768E-5A3D-42B7-BE92-2A3721177944.txt': filler(20),
      'Sources/88293C71-CB70-4AB7-8413-C24110A19C2E.txt': '\uFEFF' + filler(30),
      'Sources/B2F54555-0D2D-43B2-B40C-2A1C048F5F1C.txt': filler(30),
      'Sources/C1C745F7-8E4D-48B2-9710-655AFE7E54FA.TXT': simon,
    };
    const { project, report } = await importProjectQdpx({ name: 'atlas.qdpx', bytes: zipOf(files) }, join(tempDir(), 'atlas.fieldcode'));
    track(project);
    // 6 selections carry 7 codings; the one without a code (a comment only) is skipped.
    expect(report.counts).toMatchObject({ documents: 6, codes: 14, segments: 7, coders: 3, memos: 2 });
    expect(report.skipped).toContain('1 selection(s) without a code (Fieldcode keeps coded passages)');
    const sel = project.db
      .prepare(`SELECT s.start, s.end, d.text FROM segments s JOIN documents d ON d.id = s.document_id WHERE s.id = ?`)
      .get('789a62d6-a2ad-4b59-ab90-ef1d4ab1868f') as { start: number; end: number; text: string };
    expect(sel.text.includes('\r')).toBe(false);
    expect(sel.text.slice(sel.start, sel.end)).toBe('I did try the gluten free bread, but it was always so soggy,');
    const names = project.db.prepare('SELECT name FROM documents ORDER BY name').pluck().all();
    // macOS wrote the name decomposed (e + combining circumflex): it is kept exactly.
    expect(names).toContain('Mabêl 2ième'.normalize('NFD'));
  });

  it('the REFI 1.5 annex codebook (.qdc with braced GUIDs) into a project', async () => {
    const p = tempProject({ codebook: 'empty' });
    const r = await importCodebookQdc(p, { path: join(SAMPLES, 'refi-1.5-spec_annexA1-example.qdc') });
    expect(r).toEqual({ added: 6, updated: 0, unchanged: 0 });
    const codes = listCodes(p);
    expect(codes.map((c) => c.path)).toEqual(['Topics', 'Economy', 'Health care', 'Values', 'Conservatives', 'Liberals']);
    expect(codes.find((c) => c.name === 'Economy')).toMatchObject({
      id: 'd7aa29da-519b-4946-9b90-253b6db8fd0a',
      colour: '#FFFF00',
      definition: 'Anything about jobs or taxes or business',
    });
    expect(await importCodebookQdc(p, { path: join(SAMPLES, 'refi-1.5-spec_annexA1-example.qdc') })).toEqual({ added: 0, updated: 0, unchanged: 6 });
  });

  it('Taguette’s codebook, which is not schema-valid (an empty <Sets/>)', async () => {
    const p = tempProject({ codebook: 'empty' });
    const r = await importCodebookQdc(p, { path: join(SAMPLES, 'taguette-1.5.2_from-tests-expected.qdc') });
    expect(r).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(
      listCodes(p)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['interesting', 'interesting\\places', 'people']);
  });
});
