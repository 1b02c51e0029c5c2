import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A deterministic synthetic corpus at NSSP scale (DESIGN.md): 55 cases, 275
// transcripts, ~2 million words. The same seed always writes the same files.

export const SCALE = { cases: 55, documentsPerCase: 5, wordsTotal: 2_000_000, coders: 10, segmentsPerCoder: 5_000 };

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'partnership school teachers students learning lesson lessons planning exchange visit partner country culture ' +
  'culture global issues climate trade friendship letters email skills leadership confidence community parents ' +
  'resources methods classroom science maths english literacy numeracy curriculum project funding challenge time ' +
  'we they our the a of to and in with about because when really think felt changed more new different understand ' +
  'stereotypes similarities differences motivation enjoy enjoyed learnt taught shared ideas reflect practice ' +
  'headteacher coordinator committee governors village city rural urban weather food music football drama ' +
  'Kenya Ghana Uganda Tanzania England Scotland Wales Pakistan India café naïve “quoted” £20 —'
).split(' ');

const KINDS = ['Interview - Headteacher', 'Interview - Coordinator', 'Focus group - Teachers', 'Student workshop A', 'Student workshop B'];
const SPEAKERS: Record<number, string[]> = {
  0: ['Interviewer', 'Headteacher'],
  1: ['Interviewer', 'Coordinator'],
  2: ['Facilitator', 'Teacher 1', 'Teacher 2', 'Teacher 3', 'Teacher 4'],
  3: ['Facilitator', 'Student 1', 'Student 2', 'Student 3', 'Student 4', 'Student 5'],
  4: ['Facilitator', 'Student 1', 'Student 2', 'Student 3'],
};

export interface CorpusFile {
  name: string;
  text: string;
}

export function makeTranscripts(seed = 42): CorpusFile[] {
  const rand = rng(seed);
  const files: CorpusFile[] = [];
  const perDoc = Math.round(SCALE.wordsTotal / (SCALE.cases * SCALE.documentsPerCase));
  for (let c = 1; c <= SCALE.cases; c++) {
    for (let k = 0; k < SCALE.documentsPerCase; k++) {
      const speakers = SPEAKERS[k];
      const lines: string[] = [];
      let words = 0;
      let turn = 0;
      while (words < perDoc) {
        const speaker = speakers[turn % 2 === 0 ? 0 : 1 + Math.floor(rand() * (speakers.length - 1))];
        const n = 8 + Math.floor(rand() * 70);
        const parts: string[] = [];
        for (let i = 0; i < n; i++) parts.push(WORDS[Math.floor(rand() * WORDS.length)]);
        lines.push(`${speaker}: ${parts.join(' ')}.`);
        words += n;
        turn++;
      }
      files.push({ name: `School ${String(c).padStart(2, '0')} - ${KINDS[k]}.txt`, text: lines.join('\n') + '\n' });
    }
  }
  return files;
}

export function writeCorpus(dir: string, files: CorpusFile[]): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
}
