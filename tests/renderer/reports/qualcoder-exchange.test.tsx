import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCodePath } from '../../../electron/codebook/codebook';
import { ReportsView } from '../../../renderer/views/reports';
import { useProject } from '../../../renderer/store/project';
import { REFI, schemaErrors, unzipText, zipOf } from '../../refi/helpers';
import { catchDownloads, openStudy } from './study';

// The export dialog's choice of tool: "QualCoder" writes the export for
// QualCoder and lists the codes it renamed; opening a QualCoder project shows
// how the file was read (its position convention, what was converted, renamed).

async function exchangeTab() {
  const downloads = catchDownloads();
  const s = await openStudy();
  await useProject.getState().init();
  render(<ReportsView client={s.client} />);
  fireEvent.click(await screen.findByRole('tab', { name: 'Codebook and exchange' }));
  const panel = await screen.findByRole('region', { name: 'Codebook and exchange' });
  const card = (heading: string) => within(panel).getByRole('heading', { name: heading }).closest('section')!;
  return { ...s, card, downloads };
}

describe('QDPX for QualCoder in the Reports view', () => {
  it('exports for QualCoder when chosen, and lists every renamed code', async () => {
    const { card, downloads, study } = await exchangeTab();
    ensureCodePath(study!.p, 'Teachers/Knowledge');
    const out = card('Project for other tools');
    expect((within(out).getByRole('radio', { name: /Standard REFI-QDA/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(out).getByRole('radio', { name: /QualCoder/ }));
    fireEvent.click(within(out).getByRole('button', { name: 'Export project for QualCoder' }));
    expect((await within(out).findByRole('status')).textContent).toMatch(/^Downloaded Partnership study for QualCoder\.qdpx: 12 coded segments, /);
    const renamed = within(out).getByRole('list', { name: 'Renamed codes' });
    expect(
      within(renamed)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Teachers/Knowledge → Knowledge (Teachers)', 'Students/Knowledge → Knowledge (Students)']);
    const [qdpx] = await downloads.files();
    const qde = unzipText(qdpx.bytes)['project.qde'];
    expect(qde).toContain('origin="Fieldcode 0.1.0 (for QualCoder)"');
    expect(await schemaErrors(qde, 'project')).toEqual([]);

    fireEvent.click(within(out).getByRole('radio', { name: /Standard REFI-QDA/ }));
    fireEvent.click(within(out).getByRole('button', { name: 'Export project as QDPX' }));
    await waitFor(() => expect(within(out).queryByRole('list', { name: 'Renamed codes' })).toBeNull());
    expect((await within(out).findByRole('status')).textContent).toMatch(/^Downloaded Partnership study\.qdpx/);
  });

  it('opening a QualCoder project shows how it was read', async () => {
    const { card } = await exchangeTab();
    const files: Record<string, Uint8Array> = { 'project.qde': readFileSync(join(REFI, 'qualcoder', 'project.qde')) };
    for (const f of readdirSync(join(REFI, 'qualcoder', 'sources'))) files[`sources/${f}`] = readFileSync(join(REFI, 'qualcoder', 'sources', f));
    const box = card('Open a project from another tool');
    fireEvent.change(within(box).getByLabelText('Project file (.qdpx)'), { target: { files: [new File([new Uint8Array(zipOf(files))], 'fieldwork.qdpx')] } });
    fireEvent.click(within(box).getByRole('button', { name: 'Import and open' }));
    expect((await within(box).findByRole('status')).textContent).toMatch(/^Opened “fieldwork.qda” .*: 2 documents, 8 codes, 6 coded segments/);
    const read = within(box).getByRole('list', { name: 'Converted and renamed' });
    const items = within(read)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toBe('positions read as UTF-16 code units, a line ending counted as 1 (origin "QualCoder 4.0 Beta")');
    expect(items).toHaveLength(7);
  });
});
