import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliInProcess } from '../helpers/cli';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../electron/handlers';
import { closeSession, createSession } from '../../electron/project/session';
import { closeProject } from '../../electron/store/db';
import { tempDir } from '../helpers/temp';
import { buildStudy } from '../reports/fixture';
import { filesIn, schemaErrors, unzipText, zipOf } from './helpers';

// REFI-QDA through the two front doors: the API handlers (the app and browser
// mode, with files travelling as base64) and the `fieldcode` command line.

const cli = cliInProcess;

describe('REFI-QDA handlers', () => {
  it('export as base64, import as a new project in the default folder (then open), codebook in and out', async () => {
    const { p } = await buildStudy();
    const studyPath = p.path;
    closeProject(p);
    const s = createSession({ settingsFolder: tempDir(), defaultFolder: tempDir() });
    try {
      await callMethod(s, 'project.open', { path: studyPath });
      const exported = (await callMethod(s, 'refi.exportProject', {})) as { data: string; fileName: string; rows: number };
      expect(exported).toMatchObject({ fileName: 'Partnership study.qdpx', rows: 12 });
      const report = (await callMethod(s, 'refi.importProject', { file: { name: 'study.qdpx', data: exported.data }, target: 'Copy' })) as {
        project: { path: string; counts: { segments: number } };
        skipped: string[];
      };
      expect(report.project.path).toBe(join(s.defaultFolder, 'Copy.fieldcode'));
      expect(report.project.counts.segments).toBe(12);
      expect(s.project?.path).toBe(report.project.path);
      const qdc = join(tempDir(), 'codes.qdc');
      expect(await callMethod(s, 'reports.exportCodebook', { format: 'qdc', path: qdc })).toMatchObject({ path: qdc, rows: 6, mime: 'application/xml' });
      expect(await schemaErrors(readFileSync(qdc, 'utf8'), 'codebook')).toEqual([]);
      expect(await callMethod(s, 'refi.importCodebook', { path: qdc })).toEqual({ added: 0, updated: 0, unchanged: 6 });
      await expect(callMethod(s, 'refi.importProject', { path: qdc, file: { name: 'x', data: '' }, target: 'X' })).rejects.toThrow(/give either file or path/);
      await expect(callMethod(s, 'refi.importProject', { file: { name: 'bad.qdpx', data: 'AAAA' }, target: 'Bad' })).rejects.toThrow(
        /^bad\.qdpx: not a QDPX file/,
      );
      expect(existsSync(join(s.defaultFolder, 'Bad.fieldcode'))).toBe(false);
    } finally {
      closeSession(s);
    }
  });
});

describe('fieldcode export --format qdpx|qdc, import-qdpx, import-qdc', () => {
  it('round-trips through files on disk', async () => {
    const { p } = await buildStudy();
    const path = p.path;
    closeProject(p);
    const dir = tempDir();
    const qdpx = join(dir, 'study.qdpx');
    const exported = await cli('export', path, '--format', 'qdpx', '-o', qdpx);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(/^wrote 12 segments to .*study\.qdpx \(\d+ (bytes|KB)\)\n$/);
    expect(await schemaErrors(unzipText(readFileSync(qdpx))['project.qde'], 'project')).toEqual([]);
    const qdc = join(dir, 'codes.qdc');
    expect((await cli('codebook', path, '--format', 'qdc', '-o', qdc)).stdout).toMatch(/^wrote 6 codes to /);
    expect((await cli('export', path, '--format', 'qdc', '-o', join(dir, 'c2.qdc'))).stdout).toMatch(/^wrote 6 codes to /);

    const copy = join(dir, 'copy.fieldcode');
    const imported = await cli('import-qdpx', qdpx, copy);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toBe(`Created ${copy}: 5 documents, 6 codes, 12 segments, 5 cases, 2 coders, 2 memos\n`);
    const json = await cli('import-qdpx', qdpx, join(dir, 'copy2.fieldcode'), '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ documents: 5, segments: 12, skipped: [] });
    expect((await cli('import-qdc', copy, qdc)).stdout).toBe(`${qdc}: 0 codes added, 0 updated, 6 unchanged\n`);
  });

  it('refuses a hostile file and an existing target with one line, exit 1, and nothing written', async () => {
    const dir = tempDir();
    const evil = join(dir, 'evil.qdpx');
    writeFileSync(evil, zipOf({ 'project.qde': '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="&x;"/>' }));
    const r = await cli('import-qdpx', evil, join(dir, 'new.fieldcode'));
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'fieldcode: evil.qdpx: project.qde declares a DOCTYPE, which REFI-QDA files never need; refused for safety\n',
    });
    writeFileSync(join(dir, 'taken.fieldcode'), 'x');
    expect((await cli('import-qdpx', evil, join(dir, 'taken.fieldcode'))).stderr).toBe(
      'fieldcode: taken.fieldcode: a file with this name already exists; choose another name\n',
    );
    expect(filesIn(dir)).toEqual(['evil.qdpx', 'taken.fieldcode']);
  });
});
