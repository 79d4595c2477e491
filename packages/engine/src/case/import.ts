/**
 * `fromCase`: a CASE 1.1 CFPackage (from levelfit or from another tool) as a levelfit framework.
 *
 * - Levels: see levels.ts (the caller's list, the `precedes` chain, items typed Level, or one level of all items).
 * - Items: the CFItems under the document (`isChildOf`, in `sequenceNumber` order, depth first) that are neither
 *   levels nor headings. An item with child items is a heading: its `fullStatement` becomes the `group` of the
 *   items under it. Items no `isChildOf` reaches come after, in package order.
 * - Kind from the CFItemType (Knowledge, Skill, Competency, Standard…); code from `humanCodingScheme`; source
 *   citation from `notes`.
 * - The matrix: `ext:requiredAtLevel` links; else the level an item sits under; else every level (with an issue).
 * - Rating scale from the rubric (scale.ts); rules, id and full source record from levelfit's own extensions,
 *   else levelfit's defaults (with an issue).
 * - `exactMatchOf` / `isRelatedTo` links to records outside the package are returned as crosswalks.
 *
 * Nothing throws: what cannot be mapped is an issue `{code, path, message}`; the result fails only when no valid
 * framework can be built (then its issues say why).
 */
import { ID_PATTERN } from '../constants.js';
import { parseJson, safeParseFramework } from '../framework/parse.js';
import type { Framework, Item, Level, Rule, Source } from '../framework/schema.js';
import type { CaseCrosswalk } from './export.js';
import { REQUIRED_AT_LEVEL } from './export.js';
import { GROUP_TYPE, kindOfType } from './item-types.js';
import { findLevels, type Link, type PackageItem } from './levels.js';
import { scaleFromRubrics } from './scale.js';
import { CASE_ASSOCIATION_TYPES, type CaseIssue } from './types.js';

export interface FromCaseOptions {
  /** The levels, lowest first, as CFItem identifiers, human codes or URIs: for a package whose levels are not a `precedes` chain. */
  levels?: readonly string[];
  /** The framework id (default: levelfit's own from the package, else made from the document title). */
  id?: string;
}

export type FromCaseResult =
  | { success: true; data: Framework; crosswalks: CaseCrosswalk[]; issues: CaseIssue[] }
  | { success: false; issues: CaseIssue[] };

/** levelfit's default rules for a package that brings none: attained when every non-indicator item is met; overlap from a quarter. */
export const DEFAULT_RULES: Rule[] = [
  { name: 'attained', conditions: { all: [{ fact: 'competencesMissing', operator: 'equal', value: 0 }] }, event: { type: 'attained' } },
  { name: 'overlap', conditions: { all: [{ fact: 'competenceCoverage', operator: 'greaterThanInclusive', value: 0.25 }] }, event: { type: 'overlap' } },
];

const MAX_TEXT = 4000;
const MAX_CODE = 40;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const levelfitOf = (raw: Record<string, unknown>): Record<string, unknown> =>
  isObj(raw['extensions']) && isObj(raw['extensions']['levelfit']) ? raw['extensions']['levelfit'] : {};

/** An id fitting levelfit's pattern from any text: `K1` → `k1`, `Grade 3: Number` → `grade-3-number`. */
export function slugId(text: string, fallback: string): string {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  let id = words.join('-').slice(0, 60).replace(/-+$/, '');
  if (!id) return fallback;
  if (!/^[a-z]/.test(id)) id = `${fallback}-${id}`;
  return id;
}

function uniqueIds() {
  const used = new Set<string>();
  return (wanted: string | undefined, made: string): string => {
    let id = wanted !== undefined && ID_PATTERN.test(wanted) && !used.has(wanted) ? wanted : made;
    if (used.has(id)) {
      let n = 2;
      while (used.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    used.add(id);
    return id;
  };
}

export function fromCase(input: unknown, options: FromCaseOptions = {}): FromCaseResult {
  const issues: CaseIssue[] = [];
  const fail = (path: (string | number)[], message: string): FromCaseResult => ({ success: false, issues: [...issues, { code: 'invalid_package', path, message }] });

  let pkg = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input);
    if (!parsed.success) return { success: false, issues: parsed.issues.map((i) => ({ code: 'invalid_package', path: i.path, message: i.message })) };
    pkg = parsed.data;
  }
  if (!isObj(pkg)) return fail([], 'A CASE package is a JSON object with a CFDocument.');
  const doc = pkg['CFDocument'];
  if (!isObj(doc)) return fail(['CFDocument'], 'The package has no CFDocument object.');
  const docId = str(doc['identifier']);
  const docTitle = str(doc['title']);
  if (!docId) return fail(['CFDocument', 'identifier'], 'The CFDocument has no identifier.');
  if (!docTitle) return fail(['CFDocument', 'title'], 'The CFDocument has no title.');
  for (const key of ['CFItems', 'CFAssociations', 'CFRubrics'] as const)
    if (pkg[key] !== undefined && !Array.isArray(pkg[key])) return fail([key], `${key} must be a list.`);

  // Items, by identifier and URI.
  const items: PackageItem[] = [];
  (pkg['CFItems'] as unknown[] | undefined ?? []).forEach((raw, index) => {
    const identifier = isObj(raw) ? str(raw['identifier']) : undefined;
    const fullStatement = isObj(raw) ? str(raw['fullStatement']) : undefined;
    if (!isObj(raw) || !identifier || !fullStatement) {
      issues.push({ code: 'invalid_package', path: ['CFItems', index], message: 'A CFItem needs an identifier and a fullStatement; this one is left out.' });
      return;
    }
    items.push({
      index,
      identifier,
      uri: str(raw['uri']),
      fullStatement: fullStatement.trim(),
      humanCodingScheme: str(raw['humanCodingScheme'])?.trim(),
      type: str(raw['CFItemType']) ?? (isObj(raw['CFItemTypeURI']) ? str(raw['CFItemTypeURI']['title']) : undefined),
      raw,
    });
  });
  const byKey = new Map<string, number>();
  items.forEach((it, i) => {
    if (!byKey.has(it.identifier)) byKey.set(it.identifier, i);
    if (it.uri && !byKey.has(it.uri)) byKey.set(it.uri, i);
  });
  const docUri = str(doc['uri']);
  const resolve = (node: unknown): number | 'document' | undefined => {
    if (!isObj(node)) return undefined;
    const id = str(node['identifier']);
    const uri = str(node['uri']);
    if ((id && id === docId) || (uri && uri === docUri)) return 'document';
    return (id !== undefined ? byKey.get(id) : undefined) ?? (uri !== undefined ? byKey.get(uri) : undefined);
  };

  // Associations.
  const links: Link[] = [];
  (pkg['CFAssociations'] as unknown[] | undefined ?? []).forEach((raw, index) => {
    const type = isObj(raw) ? str(raw['associationType']) : undefined;
    if (!isObj(raw) || !type || !isObj(raw['originNodeURI']) || !isObj(raw['destinationNodeURI'])) {
      issues.push({ code: 'invalid_package', path: ['CFAssociations', index], message: 'A CFAssociation needs an associationType, an originNodeURI and a destinationNodeURI; this one is left out.' });
      return;
    }
    const seq = raw['sequenceNumber'];
    links.push({
      index,
      type,
      origin: resolve(raw['originNodeURI']),
      destination: resolve(raw['destinationNodeURI']),
      sequenceNumber: Number.isFinite(seq) ? (seq as number) : undefined,
      raw,
    });
  });
  // Links whose ends are indexes into `items` (not CFItems positions): translate origin/destination once.
  const levelIdx = findLevels(items.map((it, i) => ({ ...it, index: i })), links, options.levels, issues);
  if (levelIdx === null) return { success: false, issues };
  const levelSet = new Set(levelIdx);

  // The tree under the document.
  const children = new Map<number | 'document', Link[]>();
  const parentOf = new Map<number, number | 'document'>();
  for (const l of links) {
    if (l.type !== 'isChildOf') continue;
    if (typeof l.origin !== 'number' || l.destination === undefined) {
      issues.push({ code: 'dangling_association', path: ['CFAssociations', l.index], message: 'This isChildOf link names a record that is not in the package; it is left out.' });
      continue;
    }
    if (parentOf.has(l.origin)) continue; // an item under two parents keeps its first
    parentOf.set(l.origin, l.destination);
    children.set(l.destination, [...(children.get(l.destination) ?? []), l]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.sequenceNumber ?? Infinity) - (b.sequenceNumber ?? Infinity) || a.index - b.index);

  const order: { item: number; group: string | undefined; level: number | undefined }[] = [];
  const seen = new Set<number>();
  const isHeading = (i: number) => items[i]!.type === GROUP_TYPE || (children.get(i) ?? []).some((l) => !levelSet.has(l.origin as number));
  const walk = (node: number | 'document', group: string | undefined, level: number | undefined) => {
    for (const l of children.get(node) ?? []) {
      const i = l.origin as number;
      if (seen.has(i)) continue;
      seen.add(i);
      if (levelSet.has(i)) walk(i, undefined, i);
      else if (isHeading(i)) walk(i, items[i]!.fullStatement, level);
      else order.push({ item: i, group, level });
    }
  };
  walk('document', undefined, undefined);
  items.forEach((_, i) => {
    if (seen.has(i) || levelSet.has(i)) return;
    seen.add(i);
    if (isHeading(i)) walk(i, items[i]!.fullStatement, undefined);
    else order.push({ item: i, group: undefined, level: undefined });
  });

  // Levels.
  const levelId = uniqueIds();
  const levels: Level[] = levelIdx.map((i) => {
    const it = items[i]!;
    const ext = levelfitOf(it.raw);
    const notes = str(it.raw['notes']);
    const descriptor = Array.isArray(ext['descriptor']) && ext['descriptor'].every((s) => typeof s === 'string')
      ? (ext['descriptor'] as string[])
      : (notes ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
    const roles = Array.isArray(ext['roles']) ? ext['roles'].filter((s): s is string => typeof s === 'string') : [];
    const level: Level = {
      id: levelId(str(ext['id']), slugId(it.humanCodingScheme ?? it.fullStatement, 'level')),
      title: text(it.fullStatement, ['CFItems', it.index, 'fullStatement'], issues),
      descriptor,
      roles,
    };
    if (ext['titleBy'] === 'levelfit' || ext['titleBy'] === 'source') level.titleBy = ext['titleBy'];
    return level;
  });
  if (!levels.length) {
    levels.push({ id: 'all-items', title: docTitle, descriptor: [], roles: [] });
  }
  const levelOfItem = new Map(levelIdx.map((i, n) => [i, levels[n]!.id] as const));

  // The matrix.
  const required = new Map<number, Set<string>>();
  for (const l of links) {
    if (l.type !== REQUIRED_AT_LEVEL) continue;
    if (typeof l.origin !== 'number' || typeof l.destination !== 'number' || !levelOfItem.has(l.destination)) {
      issues.push({ code: 'dangling_association', path: ['CFAssociations', l.index], message: `This ${REQUIRED_AT_LEVEL} link does not go from an item to a level of the package; it is left out.` });
      continue;
    }
    required.set(l.origin, (required.get(l.origin) ?? new Set()).add(levelOfItem.get(l.destination)!));
  }

  // Items.
  const itemId = uniqueIds();
  const unknownTypes = new Map<string, number>();
  let untyped = 0;
  const unlevelled: string[] = [];
  const idOf = new Map<number, string>();
  const fwItems: Item[] = order.map(({ item: i, group, level }) => {
    const it = items[i]!;
    const ext = levelfitOf(it.raw);
    let kind = kindOfType(it.type);
    if (!kind) {
      if (it.type === undefined) untyped++;
      else if (!unknownTypes.has(it.type)) unknownTypes.set(it.type, it.index);
      kind = 'competence';
    }
    const id = itemId(str(ext['id']), slugId(it.humanCodingScheme ?? it.fullStatement, 'item'));
    idOf.set(i, id);
    let itemLevels: string[];
    const linked = required.get(i);
    if (linked) itemLevels = levels.map((l) => l.id).filter((l) => linked.has(l));
    else if (level !== undefined) itemLevels = [levelOfItem.get(level)!];
    else {
      if (levelIdx.length) unlevelled.push(id);
      itemLevels = levels.map((l) => l.id);
    }
    const out: Item = { id, title: text(it.fullStatement, ['CFItems', it.index, 'fullStatement'], issues), kind, levels: itemLevels };
    if (it.humanCodingScheme !== undefined) {
      if (it.humanCodingScheme.length <= MAX_CODE) out.code = it.humanCodingScheme;
      else issues.push({ code: 'dropped_value', path: ['CFItems', it.index, 'humanCodingScheme'], message: `A code longer than ${MAX_CODE} characters is left out.` });
    }
    if (group !== undefined) out.group = text(group, ['CFItems', it.index], issues);
    const notes = str(it.raw['notes']);
    if (notes !== undefined) out.source = text(notes, ['CFItems', it.index, 'notes'], issues);
    const description = str(ext['description']);
    if (description !== undefined) out.description = description;
    if (typeof ext['optional'] === 'boolean') out.optional = ext['optional'];
    return out;
  });
  for (const [type, index] of unknownTypes)
    issues.push({ code: 'unknown_item_type', path: ['CFItems', index, 'CFItemType'], message: `levelfit has no item kind for the CFItemType "${type}"; its items are imported as competences.` });
  if (untyped) issues.push({ code: 'defaulted', path: ['CFItems'], message: `${untyped} item${untyped === 1 ? ' has' : 's have'} no CFItemType and ${untyped === 1 ? 'is' : 'are'} imported as competence${untyped === 1 ? '' : 's'}.` });
  if (unlevelled.length)
    issues.push({
      code: 'unlevelled_item',
      path: ['CFItems'],
      message: `${unlevelled.length} item${unlevelled.length === 1 ? ' is' : 's are'} tied to no level and required at every level: ${unlevelled.slice(0, 3).join(', ')}${unlevelled.length > 3 ? '…' : ''}.`,
    });

  // Crosswalks and the associations levelfit has no place for.
  const crosswalks: CaseCrosswalk[] = [];
  const unmapped = new Map<string, { index: number; count: number }>();
  const usedForLevels = new Set(levelIdx);
  for (const l of links) {
    if (l.type === 'isChildOf' || l.type === REQUIRED_AT_LEVEL) continue;
    if (l.type === 'precedes' && typeof l.origin === 'number' && usedForLevels.has(l.origin)) continue;
    if ((l.type === 'exactMatchOf' || l.type === 'isRelatedTo') && typeof l.origin === 'number' && idOf.has(l.origin) && l.destination === undefined) {
      const d = l.raw['destinationNodeURI'] as Record<string, unknown>;
      const uri = str(d['uri']);
      if (uri) {
        const target: CaseCrosswalk['target'] = { uri, title: str(d['title']) ?? uri };
        if (str(d['identifier'])) target.identifier = d['identifier'] as string;
        if (str(d['targetType'])) target.targetType = d['targetType'] as string;
        crosswalks.push({ item: idOf.get(l.origin)!, type: l.type, target });
        continue;
      }
    }
    const u = unmapped.get(l.type) ?? { index: l.index, count: 0 };
    u.count++;
    unmapped.set(l.type, u);
  }
  for (const [type, { index, count }] of unmapped) {
    const known = (CASE_ASSOCIATION_TYPES as readonly string[]).includes(type);
    issues.push({
      code: 'unmapped_association',
      path: ['CFAssociations', index, 'associationType'],
      message: `${count} ${type} association${count === 1 ? '' : 's'} ${count === 1 ? 'is' : 'are'} left out: levelfit has no place for ${known ? 'this CASE association type between records of one framework' : 'this association type'}.`,
    });
  }

  // The framework record.
  const docExt = levelfitOf(doc);
  const version = str(doc['version']);
  if (!version) issues.push({ code: 'defaulted', path: ['CFDocument', 'version'], message: 'The CFDocument has no version, so the framework version is "unversioned".' });
  let rules = docExt['rules'];
  if (!Array.isArray(rules)) {
    rules = structuredClone(DEFAULT_RULES);
    issues.push({ code: 'defaulted', path: ['CFDocument'], message: 'The package brings no levelfit rules, so levelfit uses its defaults: a level is attained when every statement at that level (other than indicators) is met, and overlapped when a quarter of them are met.' });
  }
  const framework = {
    id: options.id ?? (str(docExt['id']) && ID_PATTERN.test(docExt['id'] as string) ? (docExt['id'] as string) : slugId(docTitle, 'framework')),
    title: text(docTitle, ['CFDocument', 'title'], issues),
    version: (version ?? 'unversioned').slice(0, 40),
    source: isObj(docExt['source']) ? docExt['source'] : sourceOf(doc, docTitle),
    scale: scaleFromRubrics(pkg['CFRubrics'], issues),
    levels,
    items: fwItems,
    rules,
  };
  const parsed = safeParseFramework(framework);
  if (!parsed.success)
    return {
      success: false,
      issues: [...issues, ...parsed.issues.map((i) => ({ code: 'invalid_framework' as const, path: i.path, message: `The framework made from the package: ${i.message}` }))],
    };
  return { success: true, data: parsed.data, crosswalks, issues };
}

function text(value: string, path: (string | number)[], issues: CaseIssue[]): string {
  if (value.length <= MAX_TEXT) return value;
  issues.push({ code: 'dropped_value', path, message: `Text longer than ${MAX_TEXT} characters is cut to ${MAX_TEXT}.` });
  return value.slice(0, MAX_TEXT);
}

function sourceOf(doc: Record<string, unknown>, title: string): Source {
  const url = str(doc['officialSourceURL']);
  const licence = isObj(doc['licenseURI']) ? str(doc['licenseURI']['title']) : undefined;
  const source: Source = {
    title,
    publisher: str(doc['publisher']) ?? null,
    licence: licence ?? null,
    date: null,
    reference: `CASE document ${doc['identifier'] as string}`,
    note: 'Imported from a CASE 1.1 package by levelfit.',
  };
  if (url && /^https:\/\/[^\s]+$/.test(url)) source.url = url;
  return source;
}
