import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../electron/handlers';
import { closeSession, createSession } from '../../electron/project/session';
import { closeProject } from '../../electron/store/db';
import { cliInProcess as cli } from '../helpers/cli';
import { tempDir, tempProject } from '../helpers/temp';
import { REFI, schemaErrors, unzipText, zipOf } from './helpers';

// The QualCoder choice through the front doors: `fieldcode export --for` (which
// prints every renamed code), the API handler the export dialog calls, and
// `fieldcode import-qdpx`, which prints what it converted and renamed.

describe('fieldcode export --format qdpx --for qualcoder', () => {
  it('writes the export for QualCoder and prints each renamed code; the default stays standard', async () => {
    const p = tempProject();
    const path = p.path;
    closeProject(p);
    const dir = tempDir();
    const out = join(dir, 'for-qc.qdpx');
    const r = await cli('export', path, '--format', 'qdpx', '--for', 'qualcoder', '-o', out);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^wrote 0 segments to .*for-qc\.qdpx/);
    expect(lines).toContain('renamed: Students/Knowledge/global issues → global issues (Students › Knowledge)');
    expect(lines).toContain('for QualCoder: positions counted in UTF-16 units, as QualCoder counts them');
    const renamed = lines.filter((l) => l.startsWith('renamed: '));
    expect(lines).toContain(`for QualCoder: ${renamed.length} code(s) renamed: QualCoder needs every code name to be unique`);
    const qde = unzipText(readFileSync(out))['project.qde'];
    expect(qde).toContain('origin="Fieldcode 0.1.0 (for QualCoder)"');
    expect(await schemaErrors(qde, 'project')).toEqual([]);

    const standard = await cli('export', path, '--format', 'qdpx', '--for', 'standard', '-o', join(dir, 'std.qdpx'));
    expect(standard.stdout).toMatch(/^wrote 0 segments to .*std\.qdpx \(\d+ (bytes|KB)\)\n$/);
    expect(unzipText(readFileSync(join(dir, 'std.qdpx')))['project.qde']).toContain('origin="Fieldcode 0.1.0"');
  });

  it('refuses --for on another format, and an unknown tool, with one line', async () => {
    const p = tempProject();
    closeProject(p);
    const dir = tempDir();
    expect(await cli('export', p.path, '--format', 'csv', '--for', 'qualcoder', '-o', join(dir, 'x.csv'))).toEqual({
      code: 1,
      stdout: '',
      stderr: 'fieldcode: --for chooses the tool a qdpx export is for; it does not apply to --format csv\n',
    });
    const bad = await cli('export', p.path, '--format', 'qdpx', '--for', 'nvivo', '-o', join(dir, 'x.qdpx'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/argument 'nvivo' is invalid.*standard, qualcoder/);
  });
});

describe('the export dialog and fieldcode import-qdpx', () => {
  it('refi.exportProject with target qualcoder returns the renamed codes with the file', async () => {
    const p = tempProject();
    closeProject(p);
    const s = createSession({ settingsFolder: tempDir(), defaultFolder: tempDir() });
    try {
      await callMethod(s, 'project.open', { path: p.path });
      const r = (await callMethod(s, 'refi.exportProject', { target: 'qualcoder' })) as {
        fileName: string;
        renamed: string[];
        adapted: string[];
        data: string;
      };
      expect(r.fileName).toMatch(/for QualCoder\.qdpx$/);
      expect(r.renamed).toContain('Teachers/Skills/creativity → creativity (Teachers › Skills)');
      expect(unzipText(Buffer.from(r.data, 'base64'))['project.qde']).toContain('name="creativity (Teachers › Skills)"');
      expect(((await callMethod(s, 'refi.exportProject', {})) as { renamed: string[] }).renamed).toEqual([]);
    } finally {
      closeSession(s);
    }
  });

  it('import-qdpx of a QualCoder project prints the convention, what was converted and renamed', async () => {
    const dir = tempDir();
    const files: Record<string, Uint8Array> = { 'project.qde': readFileSync(join(REFI, 'qualcoder', 'project.qde')) };
    for (const f of readdirSync(join(REFI, 'qualcoder', 'sources'))) files[`sources/${f}`] = readFileSync(join(REFI, 'qualcoder', 'sources', f));
    const qdpx = join(dir, 'fieldwork.qdpx');
    writeFileSync(qdpx, zipOf(files));
    const r = await cli('import-qdpx', qdpx, join(dir, 'fieldwork.fieldcode'));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`Created ${join(dir, 'fieldwork.fieldcode')}: 2 documents, 8 codes, 6 segments, 2 cases, 2 coders, 5 memos`);
    expect(lines[1]).toBe('converted: positions read as UTF-16 code units, a line ending counted as 1 (origin "QualCoder 4.0 Beta")');
    expect(lines).toContain('renamed: code "global issues (Students › Knowledge)" → "global issues" (the branch added for QualCoder\'s unique names removed)');
    const json = JSON.parse((await cli('import-qdpx', qdpx, join(dir, 'again.fieldcode'), '--json')).stdout);
    expect(json).toMatchObject({ segments: 6, skipped: [], renamed: [expect.stringMatching(/^code "global issues/)] });
    expect(json.converted).toHaveLength(6);
  });
});
