import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listImportable } from '../../../electron/formats/transcripts/walk';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'fieldcode-walk-'));
  dirs.push(root);
  const file = (path: string, text = 'Interviewer: hi\n') => writeFileSync(join(root, path), text);
  mkdirSync(join(root, 'Kisumu', 'focus groups'), { recursive: true });
  mkdirSync(join(root, '.git'));
  file('.git/config.txt');
  file('Kisumu/Interview 2.txt');
  file('Kisumu/Interview 10.docx');
  file('Kisumu/interview 3.MD');
  file('Kisumu/.DS_Store');
  file('Kisumu/.draft.txt');
  file('Kisumu/~$terview 10.docx');
  file('Kisumu/Thumbs.db');
  file('Kisumu/consent form.pdf');
  file('Kisumu/focus groups/teachers.vtt');
  file('Kisumu/focus groups/students.srt');
  file('README');
  // A link back up the tree, a second name for a file, and a link to nothing.
  symlinkSync(join(root, 'Kisumu'), join(root, 'Kisumu', 'focus groups', 'back to Kisumu'));
  symlinkSync(join(root, 'Kisumu', 'Interview 2.txt'), join(root, 'Kisumu', 'Interview 2 (shortcut).txt'));
  symlinkSync(join(root, 'gone.txt'), join(root, 'broken.txt'));
  return root;
}

describe('listImportable', () => {
  it('expands folders recursively in natural order, skipping hidden and lock files, reporting the rest', async () => {
    const root = tree();
    const at = (...p: string[]) => join(root, ...p);
    const { files, skipped } = await listImportable([root]);
    expect(files).toEqual([
      at('Kisumu', 'focus groups', 'students.srt'),
      at('Kisumu', 'focus groups', 'teachers.vtt'),
      at('Kisumu', 'Interview 2 (shortcut).txt'),
      at('Kisumu', 'interview 3.MD'),
      at('Kisumu', 'Interview 10.docx'),
    ]);
    expect(skipped).toEqual([
      { file: at('broken.txt'), reason: 'a link to a file that no longer exists' },
      { file: at('Kisumu', 'consent form.pdf'), reason: 'unsupported file type .pdf' },
      { file: at('README'), reason: 'unsupported file type (the name has no extension)' },
    ]);
  });

  it('takes files named directly (hidden ones too), reports missing ones and Word lock files, lists a file once and follows a link up the tree once', async () => {
    const root = tree();
    const at = (...p: string[]) => join(root, ...p);
    const { files, skipped } = await listImportable([
      at('Kisumu', 'Interview 2.txt'),
      at('Kisumu', '.draft.txt'),
      at('missing.txt'),
      at('Kisumu', '~$terview 10.docx'),
      at('Kisumu', 'Interview 2 (shortcut).txt'),
      at('Kisumu', 'focus groups'),
      at('Kisumu', 'focus groups'),
    ]);
    expect(files).toEqual([
      at('Kisumu', 'Interview 2.txt'),
      at('Kisumu', '.draft.txt'),
      // The link inside "focus groups" leads up to Kisumu: followed once, without coming back down.
      at('Kisumu', 'focus groups', 'back to Kisumu', 'interview 3.MD'),
      at('Kisumu', 'focus groups', 'back to Kisumu', 'Interview 10.docx'),
      at('Kisumu', 'focus groups', 'students.srt'),
      at('Kisumu', 'focus groups', 'teachers.vtt'),
    ]);
    expect(skipped).toEqual([
      { file: at('missing.txt'), reason: 'no such file or folder' },
      { file: at('Kisumu', '~$terview 10.docx'), reason: 'a Word lock file, not a document (Word creates it while the document is open)' },
      { file: at('Kisumu', 'focus groups', 'back to Kisumu', 'consent form.pdf'), reason: 'unsupported file type .pdf' },
    ]);
  });

  it('reports a link to a file that no longer exists, and still lists the rest', async () => {
    const root = tree();
    symlinkSync(join(root, 'gone.txt'), join(root, 'Kisumu', 'old link.txt'));
    const { files, skipped } = await listImportable([join(root, 'Kisumu')]);
    expect(files.length).toBeGreaterThan(2);
    expect(files).not.toContain(join(root, 'Kisumu', 'old link.txt'));
    expect(skipped).toContainEqual({ file: join(root, 'Kisumu', 'old link.txt'), reason: 'a link to a file that no longer exists' });
  });

  it('an empty list gives nothing', async () => {
    expect(await listImportable([])).toEqual({ files: [], skipped: [] });
  });
});
