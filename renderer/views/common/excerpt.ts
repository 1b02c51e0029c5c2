// Context either side of a passage, trimmed to whole words and one line.

/** Context before a passage, from a word start and on one line. */
export function lead(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  const cut = t.length >= 50 ? t.indexOf(' ') : -1;
  return cut >= 0 && cut < 20 ? `…${t.slice(cut)}` : t;
}

/** Context after a passage, to a word end and on one line. */
export function trail(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  const cut = t.length >= 50 ? t.lastIndexOf(' ') : -1;
  return cut > t.length - 20 ? `${t.slice(0, cut)}…` : t;
}
