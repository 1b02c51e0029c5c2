import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportsView } from '../../../renderer/views/reports';
import { useNav } from '../../../renderer/store/nav';
import { useProject } from '../../../renderer/store/project';
import { filesIn, SAMPLES, schemaErrors, unzipText, zipOf } from '../../refi/helpers';
import { catchDownloads, openStudy, type StudySession } from './study';

// The "Codebook and exchange" tab: codebook as DOCX, CSV and QDC; the project as
// QDPX; a QDC codebook merged into this project; a QDPX opened as a new project.
// Every download is read back (CSV parsed, DOCX and QDPX unzipped, XML checked by
// xmllint against the REFI-QDA schemas), and the QDPX the view exported is the
// one it imports again.

async function exchangeTab(opts: { empty?: boolean } = {}) {
  const downloads = catchDownloads();
  const s = await openStudy(opts);
  await useProject.getState().init();
  render(<ReportsView client={s.client} />);
  fireEvent.click(await screen.findByRole('tab', { name: 'Codebook and exchange' }));
  const panel = await screen.findByRole('region', { name: 'Codebook and exchange' });
  const card = (heading: string) => within(panel).getByRole('heading', { name: heading }).closest('section')!;
  return { ...s, panel, card, downloads };
}

const file = (bytes: Uint8Array | string, name: string) => new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name);

/** Chooses a project file, names the new project and imports it; returns the line the card shows. */
async function importProject(card: HTMLElement, f: File, name?: string): Promise<HTMLElement> {
  fireEvent.change(within(card).getByLabelText('Project file (.qdpx)'), { target: { files: [f] } });
  if (name !== undefined) fireEvent.change(within(card).getByLabelText('New project name'), { target: { value: name } });
  fireEvent.click(within(card).getByRole('button', { name: 'Import and open' }));
  await within(card).findByRole('button', { name: 'Import and open' });
  return outcome(card);
}

/** The card's status or alert line, once it shows. */
function outcome(card: HTMLElement): Promise<HTMLElement> {
  return waitFor(() => {
    const line = card.querySelector<HTMLElement>('[role="status"], [role="alert"]');
    if (!line) throw new Error('no status line yet');
    return line;
  });
}

describe('codebook export', () => {
  it('downloads the codebook as CSV, DOCX and a schema-valid QDC', async () => {
    const { card, downloads } = await exchangeTab();
    const box = card('Codebook');
    expect(within(box).getByText('6 codes with their definitions.')).toBeTruthy();
    for (const f of ['CSV', 'DOCX', 'QDC']) {
      fireEvent.click(within(box).getByRole('button', { name: `Codebook as ${f}` }));
      expect((await within(box).findByRole('status')).textContent).toMatch(new RegExp(`^Downloaded .+\\.${f.toLowerCase()}: 6 codes, `));
    }
    const [csv, docx, qdc] = await downloads.files();
    const rows = parse(Buffer.from(csv.bytes), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.path)).toEqual(['Teachers', 'Teachers/Skills', 'Teachers/Pedagogy', 'Students', 'Students/Knowledge', 'Communities']);
    const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml']);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">Knowledge</);
    const codebook = strFromU8(qdc.bytes);
    expect(qdc.type).toBe('application/xml');
    expect(codebook).toMatch(/<Code [^>]*name="Teachers"[^>]*>\s*(<Description>[^<]*<\/Description>\s*)?<Code [^>]*name="Skills"/);
    expect(await schemaErrors(codebook, 'codebook')).toEqual([]);
  });

  it('has nothing to export from an empty codebook', async () => {
    const { card } = await exchangeTab({ empty: true });
    const box = card('Codebook');
    expect(within(box).getByText('0 codes with their definitions.')).toBeTruthy();
    for (const f of ['CSV', 'DOCX', 'QDC']) expect((within(box).getByRole('button', { name: `Codebook as ${f}` }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('REFI-QDA project exchange', () => {
  it('exports the project as QDPX and opens that file again as a new project', async () => {
    const { card, downloads, client, defaultFolder, study } = await exchangeTab();
    const out = card('Project for other tools');
    fireEvent.click(within(out).getByRole('button', { name: 'Export project as QDPX' }));
    expect((await within(out).findByRole('status')).textContent).toMatch(/^Downloaded Partnership study\.qdpx: 12 coded segments, /);
    const [qdpx] = await downloads.files();
    const entries = unzipText(qdpx.bytes);
    expect(Object.keys(entries).filter((n) => n.startsWith('sources/'))).toHaveLength(5);
    expect(await schemaErrors(entries['project.qde'], 'project')).toEqual([]);

    const box = card('Open a project from another tool');
    const line = await importProject(box, file(qdpx.bytes, 'Partnership study.qdpx'));
    // the name field was filled from the file name
    const path = join(defaultFolder, 'Partnership study.fieldcode');
    expect(line.getAttribute('role')).toBe('status');
    expect(line.textContent).toBe(`Opened “Partnership study” (${path}): 5 documents, 6 codes, 12 coded segments, 5 cases, 2 coders, 2 memos.`);
    // the session and the app follow the new project; the old file is untouched
    expect((await client['project.info']({}))?.path).toBe(path);
    expect(useProject.getState().info?.path).toBe(path);
    expect(study!.p.db.open).toBe(false);
    fireEvent.click(within(box).getByRole('button', { name: 'Go to its documents' }));
    expect(useNav.getState().view).toBe('code');

    // the same name again is refused, and nothing is overwritten
    const again = await importProject(box, file(qdpx.bytes, 'Partnership study.qdpx'), 'Partnership study');
    expect(again.getAttribute('role')).toBe('alert');
    expect(again.textContent).toBe('Partnership study.fieldcode: a file with this name already exists; choose another name');
    expect(filesIn(defaultFolder).filter((f) => f.endsWith('.fieldcode'))).toEqual(['Partnership study.fieldcode']);
  });

  it('opens ATLAS.ti’s blank project under the name given', async () => {
    const { card, defaultFolder } = await exchangeTab();
    const bytes = readFileSync(join(SAMPLES, 'atlasti-23.2-win_blank-atlas-project.qdpx'));
    const line = await importProject(card('Open a project from another tool'), file(bytes, 'atlasti-23.2-win_blank-atlas-project.qdpx'), 'From ATLAS');
    expect(line.getAttribute('role')).toBe('status');
    expect(line.textContent).toContain(`(${join(defaultFolder, 'From ATLAS.fieldcode')}): 0 documents`);
  });

  it('refuses empty, non-zip and hostile files in one line, leaving this project open and nothing written', async () => {
    const { card, client, defaultFolder, study } = await exchangeTab();
    const box = card('Open a project from another tool');
    const refused = async (f: File, reason: RegExp) => {
      const line = await importProject(box, f, 'Hostile');
      expect(line.getAttribute('role')).toBe('alert');
      expect(line.textContent).toMatch(reason);
      expect(line.textContent).not.toContain('\n');
      expect(filesIn(defaultFolder)).toEqual([]);
      expect((await client['project.info']({}))?.path).toBe(study!.p.path);
    };
    await refused(file('', 'empty.qdpx'), /^empty\.qdpx: the file is empty$/);
    await refused(file('just some notes, not a zip', 'notes.qdpx'), /^notes\.qdpx: /);
    await refused(file(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 2]), 'truncated.qdpx'), /^truncated\.qdpx: /);
    const slip = zipOf({ 'project.qde': '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>', aaaaaaaaaaaaa: 'evil' });
    const renamed = Buffer.from(slip);
    for (let at = renamed.indexOf('aaaaaaaaaaaaa'); at >= 0; at = renamed.indexOf('aaaaaaaaaaaaa', at + 1)) renamed.write('../../evil.tx', at, 'latin1');
    await refused(file(renamed, 'slip.qdpx'), /^slip\.qdpx: .*"\.\.\/" path/);
    const xxe = '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>';
    await refused(file(xxe, 'project.qde'), /DOCTYPE/);
  });
});

describe('codebook import', () => {
  async function importCodebook(s: StudySession & { card: (h: string) => HTMLElement }, f: File) {
    const box = s.card('Import a codebook');
    fireEvent.change(within(box).getByLabelText('Codebook file (.qdc)'), { target: { files: [f] } });
    await within(box).findByText('Choose a .qdc codebook…');
    return outcome(box);
  }

  it('merges the REFI standard’s example codebook into this project, in one undoable step', async () => {
    const s = await exchangeTab();
    const line = await importCodebook(s, file(readFileSync(join(SAMPLES, 'refi-1.5-spec_annexA1-example.qdc')), 'example.qdc'));
    expect(line.textContent).toBe('example.qdc: 6 codes added, 0 updated, 0 unchanged. Undo takes it back.');
    const codes = await s.client['codes.list']({});
    expect(codes.find((c) => c.path === 'Economy')).toMatchObject({ colour: '#FFFF00', definition: 'Anything about jobs or taxes or business' });
    // the view follows the write: the codebook card counts the new codes
    expect(await within(s.card('Codebook')).findByText('12 codes with their definitions.')).toBeTruthy();
    expect(useProject.getState().history.undo).toBeTruthy();
    await useProject.getState().undo();
    expect((await s.client['codes.list']({})).map((c) => c.path)).not.toContain('Economy');
    expect(await within(s.card('Codebook')).findByText('6 codes with their definitions.')).toBeTruthy();
  });

  it('takes Taguette’s schema-invalid codebook, and refuses a DOCTYPE or an empty file', async () => {
    const s = await exchangeTab();
    const taguette = await importCodebook(s, file(readFileSync(join(SAMPLES, 'taguette-1.5.2_from-tests-expected.qdc')), 'taguette.qdc'));
    expect(taguette.textContent).toMatch(/^taguette\.qdc: 3 codes added, 0 updated, 0 unchanged\./);
    const doctype = await importCodebook(
      s,
      file('<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY a "b">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', 'bad.qdc'),
    );
    expect(doctype.getAttribute('role')).toBe('alert');
    expect(doctype.textContent).toMatch(/^bad\.qdc: .*DOCTYPE/);
    const empty = await importCodebook(s, file('', 'empty.qdc'));
    expect(empty.textContent).toBe('empty.qdc: the file is empty');
  });
});
