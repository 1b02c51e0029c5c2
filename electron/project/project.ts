import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { CODEBOOKS, flattenCodebook } from '../../shared/codebooks';
import { listCoders, setCurrentCoder, ensureCoder } from '../store/coders';
import { buildProjectFile, openProject, closeProject, type OpenOptions, type Project } from '../store/db';
import { InputError } from '../../shared/errors';
import { setSetting } from '../store/settings';
import { insertCode } from '../store/codes';

export type CodebookChoice = 'nssp' | 'empty';

export interface NewProjectOptions extends OpenOptions {
  name?: string;
  codebook?: CodebookChoice;
  coder?: string;
  /** include the optional NSSP branches (momentum factors, case-study structure) */
  optionalBranches?: boolean;
}

/** Creates a project file seeded with a codebook and its first coder. */
export function newProject(path: string, opts: NewProjectOptions = {}): Project {
  const choice = opts.codebook ?? 'nssp';
  if (!(choice in CODEBOOKS)) throw new InputError(`unknown codebook "${choice}" (choose nssp or empty)`);
  return buildProjectFile(path, opts, (p) => {
    p.db.transaction(() => {
      const now = p.now();
      const name = opts.name?.trim() || basename(path).replace(/\.fieldcode$/i, '');
      p.db.prepare('INSERT INTO project (id, name, codebook, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(p.newId(), name, choice, now, now);
      const coder = ensureCoder(p, opts.coder ?? 'Coder');
      setSetting(p, 'coder', coder.id);
      for (const c of flattenCodebook(CODEBOOKS[choice], { includeOptional: opts.optionalBranches ?? true })) {
        insertCode(p, {
          id: c.id,
          parent_id: c.parentId,
          name: c.name,
          colour: c.colour,
          sort: c.sort,
          definition: c.definition,
          when_to_use: c.whenToUse,
          when_not_to_use: c.whenNotToUse,
          updated_at: now,
          coder_id: coder.id,
          deleted_at: null,
        });
      }
    })();
  });
}

export { openProject, closeProject };
export type { Project };

export { projectRow, projectInfo } from './info';

export function renameProject(p: Project, name: string): void {
  if (!name.trim()) throw new InputError('a project needs a name');
  p.db.prepare('UPDATE project SET name = ?, updated_at = ?').run(name.trim(), p.now());
}

export { setCurrentCoder, listCoders };

/** Opens nothing: creates the project file with the NSSP codebook when it does not exist yet. Says whether it did. */
export function ensureProject(path: string, opts: NewProjectOptions = {}): boolean {
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  closeProject(newProject(path, { codebook: 'nssp', ...opts }));
  return true;
}
