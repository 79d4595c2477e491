/**
 * Which CFItems of a package are the framework's levels, lowest first:
 *
 * 1. the caller's list (CFItem identifiers, human codes or URIs), when given;
 * 2. else the `precedes` chain: one path from a first level to a last, each linked to the next (when the package
 *    types some items as Level, only links between those count, since `precedes` may also order statements);
 * 3. else the items typed Level, in package order;
 * 4. else none: the framework becomes one level holding every item.
 */
import { isLevelType } from './item-types.js';
import type { CaseIssue } from './types.js';

export interface PackageItem {
  index: number;
  identifier: string;
  uri: string | undefined;
  fullStatement: string;
  humanCodingScheme: string | undefined;
  type: string | undefined;
  raw: Record<string, unknown>;
}

export interface Link {
  index: number;
  type: string;
  origin: number | 'document' | undefined;
  destination: number | 'document' | undefined;
  sequenceNumber: number | undefined;
  raw: Record<string, unknown>;
}

/** Item indexes of the levels, lowest first; `null` when the caller's list cannot be used (an issue says why). */
export function findLevels(items: readonly PackageItem[], links: readonly Link[], given: readonly string[] | undefined, issues: CaseIssue[]): number[] | null {
  if (given) {
    const found: number[] = [];
    for (const [i, key] of given.entries()) {
      const hit = items.find((it) => it.identifier === key || it.humanCodingScheme === key || it.uri === key);
      if (!hit) {
        issues.push({ code: 'invalid_levels', path: ['options', 'levels', i], message: `No CFItem has the identifier, human code or URI "${key}".` });
        return null;
      }
      if (found.includes(hit.index)) {
        issues.push({ code: 'invalid_levels', path: ['options', 'levels', i], message: `"${key}" names a CFItem that is already a level.` });
        return null;
      }
      found.push(hit.index);
    }
    return found;
  }

  const typed = new Set(items.filter((it) => isLevelType(it.type)).map((it) => it.index));
  const precedes = links.filter(
    (l) => l.type === 'precedes' && typeof l.origin === 'number' && typeof l.destination === 'number' && (typed.size === 0 || (typed.has(l.origin) && typed.has(l.destination))),
  );
  if (precedes.length) {
    const chain = chainOf(precedes);
    if (chain) return chain;
    issues.push({
      code: 'invalid_levels',
      path: ['CFAssociations', precedes[0]!.index],
      message: 'The precedes links do not make one chain from a first level to a last (they fork, loop or make separate chains), so they are not used as levels.',
    });
  }
  if (typed.size) return [...typed];
  return [];
}

function chainOf(precedes: readonly Link[]): number[] | null {
  const next = new Map<number, number>();
  const hasPrevious = new Set<number>();
  for (const l of precedes) {
    const from = l.origin as number;
    const to = l.destination as number;
    if (next.get(from) === to) continue; // the same link twice
    if (next.has(from) || hasPrevious.has(to) || from === to) return null;
    next.set(from, to);
    hasPrevious.add(to);
  }
  const nodes = new Set([...next.keys(), ...hasPrevious]);
  const starts = [...nodes].filter((n) => !hasPrevious.has(n));
  if (starts.length !== 1) return null;
  const chain = [starts[0]!];
  while (next.has(chain[chain.length - 1]!)) chain.push(next.get(chain[chain.length - 1]!)!);
  return chain.length === nodes.size ? chain : null;
}
