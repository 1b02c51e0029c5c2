// A code's structured codebook entry travels through REFI-QDA's single
// Description text. It is packed with clear labels, so another tool shows it
// readably, and unpacked on import when those labels are there. A description
// from another tool without labels becomes the definition as it stands.

export interface CodeDescription {
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  anchors: AnchorLine[];
}

export interface AnchorLine {
  quote: string;
  document: string;
  note: string;
}

const LABELS = [
  ['definition', 'Definition'],
  ['whenToUse', 'When to use'],
  ['whenNotToUse', 'When not to use'],
  ['anchors', 'Anchor examples'],
] as const;

const LABEL_LINE = /^(Definition|When to use|When not to use|Anchor examples):[ \t]*(.*)$/i;

function anchorLine(a: AnchorLine): string {
  return `- "${a.quote.replace(/\s+/g, ' ')}" (${a.document})${a.note ? ` — ${a.note.replace(/\s+/g, ' ')}` : ''}`;
}

export function packDescription(d: CodeDescription): string {
  const onlyDefinition = !d.whenToUse && !d.whenNotToUse && d.anchors.length === 0;
  // A plain definition stays plain: no label to read past in another tool.
  if (onlyDefinition && !LABEL_LINE.test(d.definition.split('\n')[0] ?? '')) return d.definition;
  const parts: string[] = [];
  if (d.definition) parts.push(`Definition: ${d.definition}`);
  if (d.whenToUse) parts.push(`When to use: ${d.whenToUse}`);
  if (d.whenNotToUse) parts.push(`When not to use: ${d.whenNotToUse}`);
  if (d.anchors.length) parts.push(`Anchor examples:\n${d.anchors.map(anchorLine).join('\n')}`);
  return parts.join('\n');
}

const ANCHOR = /^- "(.*)" \(([^()]*)\)(?: — (.*))?$/;

export function unpackDescription(text: string): CodeDescription {
  const out: CodeDescription = { definition: '', whenToUse: '', whenNotToUse: '', anchors: [] };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (!lines.some((l) => LABEL_LINE.test(l))) return { ...out, definition: text.trim() };
  const sections: Record<string, string[]> = {};
  let current: string = 'definition';
  for (const line of lines) {
    const m = LABEL_LINE.exec(line);
    if (m) {
      current = LABELS.find(([, label]) => label.toLowerCase() === m[1].toLowerCase())![0];
      sections[current] = m[2] ? [m[2]] : [];
    } else (sections[current] ??= []).push(line);
  }
  const join = (key: string) => (sections[key] ?? []).join('\n').trim();
  out.definition = join('definition');
  out.whenToUse = join('whenToUse');
  out.whenNotToUse = join('whenNotToUse');
  const unmatched: string[] = [];
  for (const line of sections.anchors ?? []) {
    if (!line.trim()) continue;
    const m = ANCHOR.exec(line.trim());
    if (m) out.anchors.push({ quote: m[1], document: m[2], note: m[3] ?? '' });
    else unmatched.push(line.trim());
  }
  // Anchor lines we cannot read stay visible in the definition rather than vanish.
  if (unmatched.length) out.definition = [out.definition, `Anchor examples:\n${unmatched.join('\n')}`].filter(Boolean).join('\n');
  return out;
}
