import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import type { Project } from '../../electron/store/db';
import { readSnapshot } from '../../electron/refi/snapshot';

// A copy of ../shared/fixtures/refi kept in the repository, so a clean clone tests alone.
export const REFI = join(import.meta.dirname, '..', 'fixtures', 'refi');
export const SAMPLES = join(REFI, 'samples');

const schemas = {
  project: readFileSync(join(REFI, 'schemas', 'Project-mrt2019.xsd'), 'utf8'),
  codebook: readFileSync(join(REFI, 'schemas', 'Codebook-mrt2019.xsd'), 'utf8'),
};

/** xmllint's verdict on an XML document against the REFI-QDA project or codebook schema. */
export async function schemaErrors(xml: string, schema: 'project' | 'codebook'): Promise<string[]> {
  const r = await validateXML({
    xml: { fileName: schema === 'project' ? 'project.qde' : 'codebook.qdc', contents: xml },
    schema: { fileName: `${schema}.xsd`, contents: schemas[schema] },
    maxMemoryPages: 16384,
  });
  return r.errors.map((e) => e.message);
}

export function unzipText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** A zip of text files (fflate, as another tool would write it). */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[name] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return zipSync(z);
}

/** A project's REFI-relevant content without what an import legitimately renews (project id, update times). */
export function comparable(p: Project) {
  const s = readSnapshot(p);
  return {
    project: { name: s.project.name, createdAt: s.project.createdAt, coderId: s.project.coderId },
    coders: s.coders,
    codes: s.codes.map(({ sort: _sort, ...c }) => c),
    attributes: s.attributes,
    cases: s.cases,
    documents: s.documents.map(({ updatedAt: _u, ...d }) => d),
    segments: s.segments.map(({ updatedAt: _u, ...g }) => g),
    memos: s.memos,
  };
}

/** Files in a folder (to check an import left nothing behind). */
export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export const QDE_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0"';

/** Sets the uncompressed size an entry's central directory record declares. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  for (let at = out.indexOf(Buffer.from([0x50, 0x4b, 1, 2])); at >= 0; at = out.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), at + 1)) {
    if (out.toString('latin1', at + 46, at + 46 + out.readUInt16LE(at + 28)) === name) out.writeUInt32LE(size, at + 24);
  }
  return out;
}
