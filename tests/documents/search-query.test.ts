import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/documents/import';
import { parseQuery } from '../../electron/documents/query';
import { searchText } from '../../electron/documents/search';
import { tempProject } from '../helpers/temp';

const enc = (s: string) => new TextEncoder().encode(s);

async function corpus() {
  const p = tempProject();
  await importFiles(p, [
    {
      name: 'Focus group - Kisumu.txt',
      bytes: enc(
        'Facilitator: What changed?\nMrs Achieng: We plan lessons together. The partner school in Leeds sent books! Our learners loved them 😊\nMr Otieno: The garden is our lab.\n',
      ),
    },
    {
      name: 'Interview - Lahore.txt',
      bytes: enc('Interviewer: And the visit?\nHead: The partner school visit was short. بہت اچھا۔ Café culture, nai\u0308ve questions 📚.\n'),
    },
    { name: 'Workshop - Leeds.txt', bytes: enc('Facilitator: Draw your school.\nStudent 1: A big field and a garden.\n') },
  ]);
  return p;
}

const where = (hits: { document: string; match: string }[]) => hits.map((h) => `${h.document}: ${h.match}`);

describe('search: phrases, boolean queries, regular expressions, emoji and marks', () => {
  it('a plain query is one phrase, ignoring case and accents', async () => {
    const p = await corpus();
    expect(where(searchText(p, 'Partner School')).sort()).toEqual(['Focus group - Kisumu: partner school', 'Interview - Lahore: partner school']);
    expect(where(searchText(p, 'cafe'))).toEqual(['Interview - Lahore: Café']);
  });

  it('AND, OR, NOT, "-word", quotes and brackets combine per document', async () => {
    const p = await corpus();
    expect(where(searchText(p, 'garden AND "partner school"'))).toEqual(['Focus group - Kisumu: partner school', 'Focus group - Kisumu: garden']);
    expect(where(searchText(p, 'garden NOT partner'))).toEqual(['Workshop - Leeds: garden']);
    expect(where(searchText(p, 'garden -field'))).toEqual(['Focus group - Kisumu: garden']);
    expect(where(searchText(p, '(books OR visit) "partner school"')).sort()).toEqual(
      [
        'Focus group - Kisumu: books',
        'Focus group - Kisumu: partner school',
        'Interview - Lahore: partner school',
        'Interview - Lahore: visit',
        'Interview - Lahore: visit',
      ].sort(),
    );
  });

  it('regular expressions: /pattern/flags or the regex option, over the exact text', async () => {
    const p = await corpus();
    expect(where(searchText(p, '/\\bl\\w+s\\b/'))).toEqual(['Focus group - Kisumu: lessons', 'Focus group - Kisumu: learners']);
    expect(where(searchText(p, 'Mrs? \\w+', { regex: true }))).toEqual(['Focus group - Kisumu: Mrs Achieng', 'Focus group - Kisumu: Mr Otieno']);
    expect(() => searchText(p, '/(unclosed/')).toThrow(/is not a regular expression Fieldcode can read/);
  });

  it('finds emoji, Urdu and a combining mark, which the FTS5 tokenizer cannot', async () => {
    const p = await corpus();
    expect(where(searchText(p, '😊'))).toEqual(['Focus group - Kisumu: 😊']);
    expect(where(searchText(p, '📚'))).toEqual(['Interview - Lahore: 📚']);
    expect(where(searchText(p, 'اچھا'))).toEqual(['Interview - Lahore: اچھا']);
    // Imported text is NFC, so the diaeresis typed alone is found inside ï.
    expect(where(searchText(p, '\u0308'))).toEqual(['Interview - Lahore: ï']);
    expect(where(searchText(p, 'nai\u0308ve'))).toEqual(['Interview - Lahore: naïve']);
  });

  it('each hit says the sentence and the turn it would spread to, inside the turn and without the label', async () => {
    const p = await corpus();
    const [hit] = searchText(p, 'Leeds sent');
    const text = 'Mrs Achieng: We plan lessons together. The partner school in Leeds sent books! Our learners loved them 😊';
    const base = 'Facilitator: What changed?\n'.length;
    const slice = (r: { start: number; end: number }) => text.slice(r.start - base, r.end - base);
    expect(slice(hit.sentence)).toBe('The partner school in Leeds sent books!');
    expect(slice(hit.turn)).toBe('We plan lessons together. The partner school in Leeds sent books! Our learners loved them 😊');
  });

  it('refuses unreadable boolean queries in plain words', () => {
    expect(() => parseQuery('garden AND')).toThrow('The search ends too early');
    expect(() => parseQuery('(garden OR field')).toThrow('A bracket in the search is not closed.');
    expect(() => parseQuery('OR garden')).toThrow(/cannot stand there/);
  });
});
