import { CODE_PALETTE } from '../../shared/codebooks/palette';
import type { CodebookImportReport } from '../../shared/api/reports';
import { flattenCodes, type RefiCode } from '../formats/refi/model';
import { cleanCodeName, refiColour } from '../formats/refi/names';
import { openCodebook } from '../formats/refi/qdpx';
import { currentCoder } from '../store/coders';
import { insertCode, listCodes, nextSort, updateCodeRow, type CodeChanges } from '../store/codes';
import type { Project } from '../store/db';
import { action } from '../store/history';
import { unpackDescription } from './description';
import { readRefiSource, type RefiSource } from './source';

// A .qdc codebook's codes merged into the open project, as one undoable step.
// Codes match by path ignoring case ("Students/Skills" = "students/skills"); a
// match takes the file's colour and description where the file has them, a new
// code is added under its parent (keeping the file's GUID when it is free).

interface Known {
  id: string;
  colour: string;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
}

const STRUCTURED = /^(Definition|When to use|When not to use|Anchor examples):/im;

export async function importCodebookQdc(p: Project, src: RefiSource): Promise<CodebookImportReport> {
  const { file, bytes } = await readRefiSource(src);
  const book = openCodebook(file, bytes);
  const coder = currentCoder(p);
  return action(p, `Import codebook "${file}"`, () => {
    const byPath = new Map<string, Known>(listCodes(p).map((c) => [c.path.toLowerCase(), c]));
    const usedIds = new Set(p.db.prepare('SELECT id FROM codes').pluck().all() as string[]);
    let top = p.db.prepare('SELECT count(*) FROM codes WHERE parent_id IS NULL AND deleted_at IS NULL').pluck().get() as number;
    const report: CodebookImportReport = { added: 0, updated: 0, unchanged: 0 };
    const placed = new Map<RefiCode, { path: string; known: Known }>();
    for (const { code, parent } of flattenCodes(book.codes)) {
      const name = cleanCodeName(code.name);
      const above = parent ? placed.get(parent)! : null;
      const path = above ? `${above.path}/${name}` : name;
      const d = unpackDescription(code.description);
      const colour = refiColour(code.color);
      const found = byPath.get(path.toLowerCase());
      if (found) {
        const changes: CodeChanges = {};
        if (colour && colour.toLowerCase() !== found.colour.toLowerCase()) changes.colour = colour;
        if (code.description.trim()) {
          if (d.definition !== found.definition.trim()) changes.definition = d.definition;
          if (STRUCTURED.test(code.description)) {
            if (d.whenToUse !== found.whenToUse.trim()) changes.when_to_use = d.whenToUse;
            if (d.whenNotToUse !== found.whenNotToUse.trim()) changes.when_not_to_use = d.whenNotToUse;
          }
        }
        if (Object.keys(changes).length) {
          updateCodeRow(p, found.id, changes, coder.id);
          Object.assign(found, { colour: changes.colour ?? found.colour, definition: changes.definition ?? found.definition });
          report.updated++;
        } else report.unchanged++;
        placed.set(code, { path, known: found });
        continue;
      }
      const id = code.guid && !usedIds.has(code.guid) ? code.guid : p.newId();
      usedIds.add(id);
      const parentId = above?.known.id ?? null;
      const known: Known = {
        id,
        colour: colour || (above ? above.known.colour : CODE_PALETTE[top % CODE_PALETTE.length]),
        definition: d.definition,
        whenToUse: d.whenToUse,
        whenNotToUse: d.whenNotToUse,
      };
      insertCode(p, {
        id,
        parent_id: parentId,
        name,
        colour: known.colour,
        sort: nextSort(p, parentId),
        definition: known.definition,
        when_to_use: known.whenToUse,
        when_not_to_use: known.whenNotToUse,
        updated_at: p.now(),
        coder_id: coder.id,
        deleted_at: null,
      });
      if (!above) top++;
      byPath.set(path.toLowerCase(), known);
      placed.set(code, { path, known });
      report.added++;
    }
    return report;
  });
}
