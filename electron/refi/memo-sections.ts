// Memos written into a Description, for tools that read a memo only there
// (QualCoder keeps one memo per code, document, case and coding, and drops
// Notes attached to them). Each memo is a paragraph headed "Memo: <title>",
// after whatever the Description already says, so a person reads it plainly
// and an import splits it back into the memos it was made from.

export interface MemoSection {
  title: string;
  body: string;
}

const HEADING = /(?:^|\n\n)Memo: ([^\n]*)\n/g;

/** `text` followed by each memo as a "Memo: title" paragraph. */
export function appendMemos(text: string, memos: MemoSection[]): string {
  const parts = memos.map((m) => `Memo: ${m.title.replace(/\s+/g, ' ').trim() || 'Memo'}\n${m.body}`);
  return [text, ...parts].filter((p, i) => i > 0 || p !== '').join('\n\n');
}

/** The Description without its memo paragraphs, and those memos. */
export function splitMemos(description: string): { text: string; memos: MemoSection[] } {
  const text = description.replace(/\r\n?/g, '\n');
  const heads = [...text.matchAll(HEADING)];
  if (heads.length === 0) return { text: description, memos: [] };
  const memos = heads.map((h, i) => {
    const from = h.index + h[0].length;
    const to = i + 1 < heads.length ? heads[i + 1].index : text.length;
    return { title: h[1].trim(), body: text.slice(from, to) };
  });
  return { text: text.slice(0, heads[0].index), memos };
}
