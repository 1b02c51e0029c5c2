import type { PairMatrix, Presence } from '../../shared/api/analysis';
import { InputError } from '../../shared/errors';
import type { Case } from '../../shared/types';
import { resolveAttributes } from '../reports/filter';
import { listCases } from '../store/cases';
import { listCodes } from '../store/codes';
import type { Project } from '../store/db';
import { codeSet, segmentCounts, sumOver } from './counts';
import { listPairs } from './pairs';
import { attributeOf, checkedWhere, passes, type Where } from './rows';

// The pairs × codes matrix: for each partnership and code, whether the code is
// present in both schools, only the Northern one, only the Southern one, or
// neither. Which side is North comes from an attribute (default continent=UK); a
// pair attribute such as "high momentum" is read from the Northern school.

export interface PairMatrixSpec {
  codeIds?: string[];
  descendants?: boolean;
  north?: { attribute: string; value: string };
  where?: Where;
}

export const DEFAULT_NORTH = { attribute: 'continent', value: 'UK' };

export function presence(north: number, south: number): Presence {
  return north > 0 ? (south > 0 ? 'both' : 'north') : south > 0 ? 'south' : 'none';
}

export function pairMatrix(p: Project, spec: PairMatrixSpec = {}): PairMatrix {
  const north = spec.north ?? DEFAULT_NORTH;
  const [attribute] = resolveAttributes(p, [north.attribute]);
  const where = checkedWhere(p, spec.where);
  const allCodes = listCodes(p);
  const codes = spec.codeIds ? spec.codeIds.map((id) => allCodes.find((c) => c.id === id) ?? failCode(id)) : allCodes;
  const sets = codes.map((c) => codeSet(allCodes, c.id, !!spec.descendants));
  const counts = segmentCounts(p, 'case');
  const cases = new Map(listCases(p).map((c) => [c.id, c]));
  const isNorth = (c: Case) => attributeOf(c, attribute).toLowerCase() === north.value.trim().toLowerCase();
  const out: PairMatrix = {
    north: { attribute, value: north.value },
    codes: codes.map((c) => ({ id: c.id, path: c.path })),
    pairs: [],
    totals: codes.map(() => ({ both: 0, north: 0, south: 0, none: 0 })),
    unsided: [],
  };
  for (const pair of listPairs(p)) {
    const a = cases.get(pair.a.id)!;
    const b = cases.get(pair.b.id)!;
    if (isNorth(a) === isNorth(b)) {
      out.unsided.push(`${a.name} – ${b.name}: ${isNorth(a) ? 'both' : 'neither'} ${isNorth(a) ? 'have' : 'has'} ${attribute}=${north.value}`);
      continue;
    }
    const [n, s] = isNorth(a) ? [a, b] : [b, a];
    if (!passes(n, where)) continue;
    const northSegments = sets.map((ids) => sumOver(counts, n.id, ids));
    const southSegments = sets.map((ids) => sumOver(counts, s.id, ids));
    const row = northSegments.map((x, i) => presence(x, southSegments[i]));
    row.forEach((v, i) => out.totals[i][v]++);
    out.pairs.push({
      id: pair.id,
      north: { id: n.id, name: n.name },
      south: { id: s.id, name: s.name },
      attributes: n.attributes,
      presence: row,
      northSegments,
      southSegments,
    });
  }
  out.pairs.sort((x, y) => x.north.name.localeCompare(y.north.name));
  return out;
}

function failCode(id: string): never {
  throw new InputError(`no code with id ${id}`);
}
