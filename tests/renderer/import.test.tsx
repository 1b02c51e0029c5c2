import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRevision } from '../../renderer/store/revision';
import { useUi } from '../../renderer/store/ui';
import { ImportDialog } from '../../renderer/views/import/ImportDialog';
import { fixture, openProject } from './views-session';

const transcript = (name: string) => new File([fixture('transcripts', name)], name);

async function setup() {
  const calls: string[] = [];
  const f = await openProject({ onCall: (m) => calls.push(m) });
  useUi.getState().setImporting(true);
  render(<ImportDialog />);
  return { ...f, calls, dialog: screen.getByTestId('import-dialog') };
}

function choose(...files: File[]) {
  fireEvent.change(screen.getByTestId('import-file-input'), { target: { files } });
}

async function results(): Promise<[string, string, string][]> {
  await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Finished/), { timeout: 15_000 });
  return [...screen.getByTestId('import-results').querySelectorAll('li')].map((li) => [
    li.getAttribute('data-status')!,
    li.querySelector('.file-name')!.textContent!,
    li.querySelector('.import-detail')!.textContent!,
  ]);
}

describe('Import dialog', () => {
  it('imports a real transcript and lists a binary file and a broken .docx as failed, with reasons', async () => {
    const { client, dialog } = await setup();
    expect(dialog.getAttribute('role')).toBe('dialog');
    const before = useRevision.getState().revision;
    choose(transcript('headteacher-interview-england.txt'), transcript('png-image.txt'), transcript('not-a-zip.docx'));
    expect(within(screen.getByRole('list', { name: 'Files to import' })).getAllByRole('listitem')).toHaveLength(3);
    fireEvent.click(screen.getByTestId('import-start'));
    const r = await results();
    expect(r.map(([status, file]) => [status, file])).toEqual([
      ['imported', 'headteacher-interview-england.txt'],
      ['failed', 'png-image.txt'],
      ['failed', 'not-a-zip.docx'],
    ]);
    expect(r[1][2]).toBe('looks like a binary file, not a transcript (it is a PNG image)');
    expect(r[2][2]).toBe('not a valid Word document (it is not a .docx zip package; was it renamed from another format?)');
    expect(r[0][2]).toMatch(/^as “headteacher-interview-england”, \d+ speaker turns$/);
    expect((screen.getByTestId('import-progress') as HTMLProgressElement).value).toBe(3);
    expect(screen.getByText('1 imported · 0 duplicates · 2 failed')).toBeTruthy();
    expect((await client['documents.list']({})).map((d) => d.name)).toEqual(['headteacher-interview-england']);
    expect(useRevision.getState().revision).toBeGreaterThan(before);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('import-dialog')).toBeNull();
    expect(useUi.getState().importing).toBe(false);
  });

  it('sends the files in one call (one transaction, so Cancel leaves nothing half-imported), and recognises duplicates', async () => {
    const { calls, client } = await setup();
    const names = [
      'student-workshop-lahore.txt',
      'observation-notes.txt',
      'online-interview-zoom.vtt',
      'student-workshop-manchester.md',
      'student-workshop-nairobi.docx',
      'focus-group-kenya-utf8-bom.txt',
      'focus-group-kenya-utf16le.txt',
    ];
    const drop = screen.getByTestId('import-drop-zone');
    fireEvent.dragOver(drop, { dataTransfer: { files: [] } });
    expect(drop.className).toContain('over');
    fireEvent.drop(drop, { dataTransfer: { files: names.map(transcript) } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'student workshop' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Case (optional)' }), { target: { value: 'Lahore Crescent' } });
    fireEvent.click(screen.getByTestId('import-start'));
    const r = await results();
    expect(calls.filter((c) => c === 'documents.import')).toHaveLength(1);
    expect(r.filter(([s]) => s === 'imported')).toHaveLength(6);
    // the same Kenyan focus group in UTF-8 and UTF-16: one text, imported once
    expect(r.filter(([s]) => s === 'duplicate').map(([, file, detail]) => [file, detail])).toEqual([
      ['focus-group-kenya-utf16le.txt', 'the same text as “focus-group-kenya-utf8-bom”, not imported again'],
    ]);
    const docs = await client['documents.list']({});
    expect(new Set(docs.map((d) => `${d.kind} / ${d.caseName}`))).toEqual(new Set(['student workshop / Lahore Crescent']));
  });

  it('closes with Escape, and an empty choice cannot start', async () => {
    const { calls } = await setup();
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(true);
    choose(transcript('empty.txt'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove empty.txt' }));
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(screen.getByTestId('import-file-input'), { key: 'Escape' });
    expect(screen.queryByTestId('import-dialog')).toBeNull();
    expect(calls).not.toContain('documents.import');
  });

  it('lists an empty file as failed and still imports the rest', async () => {
    await setup();
    choose(transcript('empty.txt'), transcript('student-workshop-crlf.txt'));
    fireEvent.click(screen.getByTestId('import-start'));
    const r = await results();
    expect(r.map(([s, f]) => `${s} ${f}`)).toEqual(['imported student-workshop-crlf.txt', 'failed empty.txt']);
    expect(r[1][2]).toMatch(/empty/);
  });
});
