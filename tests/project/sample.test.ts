import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE } from '../../shared/sample';
import { buildSampleProject, openSampleProject } from '../../electron/project/sample';
import { projectInfo } from '../../electron/project/project';
import { listCases } from '../../electron/store/cases';
import { listDocuments } from '../../electron/store/documents';
import { codedSegments } from '../../electron/reports/retrieval';
import { buildSampleData } from '../fixtures/sample/sample-data';
import { tempDir, track } from '../helpers/temp';

describe('the sample project', () => {
  it('ships exactly the readable fixture files (regenerate with make-sample.ts)', () => {
    expect(SAMPLE).toEqual(buildSampleData());
  });

  it("builds three transcripts with cases, attributes and two coders' coding", async () => {
    const p = track(await buildSampleProject(join(tempDir(), 'sample.fieldcode')));
    const info = projectInfo(p);
    expect(info.coder.name).toBe('Amina');
    expect(info.counts).toMatchObject({ documents: 3, cases: 3, coders: 2 });
    const docs = listDocuments(p);
    expect(docs.map((d) => [d.kind, d.caseName])).toEqual(
      expect.arrayContaining([
        ['interview', 'Mbale Primary School'],
        ['focus group', 'Hillcrest Academy'],
        ['student workshop', 'Lahore Crescent School'],
      ]),
    );
    expect(listCases(p).find((c) => c.name === 'Lahore Crescent School')?.attributes.continent).toBe('Asia');
    const segs = codedSegments(p);
    expect(segs.length).toBe(SAMPLE.codings.length);
    for (const c of SAMPLE.codings)
      expect(segs.some((s) => s.text === c.quote && s.coder === c.coder && s.code.toLowerCase() === c.code.toLowerCase())).toBe(true);
  });

  it('reopens the same sample the second time', async () => {
    const folder = tempDir();
    const first = await openSampleProject(folder);
    const id = projectInfo(first).id;
    first.db.close();
    const again = track(await openSampleProject(folder));
    expect(projectInfo(again).id).toBe(id);
  });
});

describe('the sample project is never lost or half built', () => {
  it('sets a damaged sample aside and builds a new one beside it', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'Sample project.fieldcode'), 'not a database');
    const p = track(await openSampleProject(folder));
    expect(projectInfo(p).counts.documents).toBe(3);
    const aside = readdirSync(folder).filter((n) => n.startsWith('Sample project (damaged '));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(folder, aside[0]!), 'utf8')).toBe('not a database');
  });

  it('clears a killed build and leaves only the finished sample in the folder', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, '.sample-building-x1'));
    writeFileSync(join(folder, '.sample-building-x1', 'Sample project.fieldcode'), 'half');
    track(await openSampleProject(folder));
    expect(readdirSync(folder).filter((n) => !n.endsWith('-wal') && !n.endsWith('-shm') && !n.endsWith('.lock'))).toEqual(['Sample project.fieldcode']);
  });
});
