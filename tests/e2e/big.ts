import { join } from 'node:path';
import { createCode } from '../../electron/codebook/codebook';
import { applyCodeToMany } from '../../electron/coding/coding';
import { importFiles } from '../../electron/documents/import';
import { newProject } from '../../electron/project/project';
import { listCodes } from '../../electron/store/codes';
import { closeProject } from '../../electron/store/db';
import { rng } from '../bench/corpus';

const WORDS =
  'partnership school teachers students learning lesson planning exchange visit partner culture letters skills confidence community resources methods classroom science curriculum we they felt changed understand enjoyed learnt shared ideas'.split(
    ' ',
  );

/** A project holding one 150,000-word focus group with 3,000 coded segments, and a fresh "Timing" code. */
export async function bigProject(dir: string): Promise<{ path: string; timingCode: string }> {
  const rand = rng(7);
  const lines: string[] = [];
  const speakers = ['Facilitator', 'Teacher 1', 'Teacher 2', 'Teacher 3'];
  for (let words = 0, turn = 0; words < 150_000; turn++) {
    const n = 20 + Math.floor(rand() * 80);
    const parts = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
    lines.push(`${speakers[turn % 4]}: ${parts.join(' ')}.`);
    words += n;
  }
  const text = `${lines.join('\n')}\n`;
  const path = join(dir, 'big.fieldcode');
  const p = newProject(path, { codebook: 'nssp', coder: 'Amina' });
  const report = await importFiles(p, [
    { name: 'Focus group - 150k words.txt', bytes: new TextEncoder().encode(text) },
    { name: 'Interview - short.txt', bytes: new TextEncoder().encode('Interviewer: Hello.\nHeadteacher: Hello, welcome to the school.\n') },
  ]);
  const documentId = report.imported.find((d) => d.name.startsWith('Focus'))!.documentId;
  const leaves = listCodes(p).slice(0, 30);
  const step = Math.floor(text.length / 3000);
  for (let k = 0; k < leaves.length; k++) {
    const passages = [];
    for (let i = k; i < 3000; i += leaves.length) passages.push({ documentId, start: i * step, end: i * step + Math.floor(step * 0.6) });
    applyCodeToMany(p, leaves[k].id, passages);
  }
  const timing = createCode(p, { name: 'Timing', parentId: null });
  closeProject(p);
  return { path, timingCode: timing.id };
}
