/**
 * `toCase`: a framework as a CASE 1.1 CFPackage.
 *
 * - CFDocument: the framework (title, version, publisher and source URL when the source names them); levelfit's
 *   own id, full source record and rules ride in `extensions.levelfit`, since CASE has no place for them.
 * - CFItems: each level (type Level: the title as `fullStatement`, the descriptor sentences as `notes`, the roles
 *   in `extensions.levelfit`); each run of items under one group heading (type Group); each item (its kind as the
 *   CFItemType, `humanCodingScheme` its code such as K1 or S25, `notes` its source citation).
 * - CFAssociations: `isChildOf` for the structure (levels, group headings and ungrouped items under the document,
 *   items under their heading), in order by `sequenceNumber`; `precedes` from each level to the next; the
 *   competence × level matrix as `ext:requiredAtLevel` from each item to each level that requires it; crosswalks
 *   the caller gives as `exactMatchOf` or `isRelatedTo`.
 * - CFDefinitions.CFItemTypes: the types used; CFRubrics: the rating scale (see scale.ts).
 *
 * Identifiers are v5 UUIDs from the framework and item ids (ids.ts): the same framework exports the same UUIDs.
 */
import type { ItemKind } from '../constants.js';
import { formatPath, type Issue } from '../errors.js';
import { isParsedFramework, safeParseFramework } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import { caseIds, type CaseIds } from './ids.js';
import { GROUP_TYPE, itemTypes, LEVEL_TYPE, typeTitle } from './item-types.js';
import { scaleRubric } from './scale.js';
import {
  CASE_VERSION,
  type CaseAssociationType,
  type CaseIssue,
  type CFAssociation,
  type CFItem,
  type CFItemType,
  type CFLicense,
  type CFLinkGenUri,
  type CFPackage,
} from './types.js';

/** The competence × level matrix's association type: "this item is required at that level". */
export const REQUIRED_AT_LEVEL = 'ext:requiredAtLevel';

/** A link from a framework item to a record in another framework (a crosswalk). */
export interface CaseCrosswalk {
  /** The framework item's id. */
  item: string;
  /** `exactMatchOf`: the same statement; `isRelatedTo`: related but not the same. */
  type: 'exactMatchOf' | 'isRelatedTo';
  /** The other record: its URI, a title, and its identifier (a CASE UUID, or any id for a non-CASE target). */
  target: { uri: string; title: string; identifier?: string; targetType?: string };
}

export interface ToCaseOptions {
  /** Base of the records' URIs (`${baseUri}/CFItems/<uuid>`), e.g. your CASE server's `…/ims/case/v1p1`. Default: `urn:uuid:<uuid>`. */
  baseUri?: string;
  /** `lastChangeDateTime` of every record. Default: the source's date (start of that day, UTC) when it has a full date, else now. */
  lastChangeDateTime?: string | Date;
  /** Language of the text (`language`). Default `en`. */
  language?: string;
  /** The document's `creator`. Default: the source's publisher, or a sentence saying the source names none. */
  creator?: string;
  crosswalks?: readonly CaseCrosswalk[];
}

const NO_PUBLISHER = 'Publisher not named in the source';

function changeTime(fw: Framework, given: ToCaseOptions['lastChangeDateTime']): string {
  if (given instanceof Date) return given.toISOString();
  if (typeof given === 'string') return given;
  if (fw.source.date && /^\d{4}-\d{2}-\d{2}$/.test(fw.source.date)) return `${fw.source.date}T00:00:00.000Z`;
  return new Date().toISOString();
}

/** Runs of consecutive items under the same group heading (a heading that comes back later starts a new run). */
function groupRuns(fw: Framework): { title: string | undefined; items: number[] }[] {
  const runs: { title: string | undefined; items: number[] }[] = [];
  fw.items.forEach((item, i) => {
    const last = runs[runs.length - 1];
    if (last && item.group !== undefined && last.title === item.group) last.items.push(i);
    else runs.push({ title: item.group, items: [i] });
  });
  return runs;
}

/** The licence the source states, as a CFLicense (CASE links a document to its licence by URI). */
function licenceRecord(licence: string, ids: CaseIds, when: string): CFLicense {
  const identifier = ids.of('licence');
  return { identifier, uri: ids.uri('CFLicenses', identifier), title: licence, licenseText: `The source states its licence as: ${licence}`, lastChangeDateTime: when };
}

/** The package for a parsed framework. Throws a TypeError only for a crosswalk naming an unknown item; `safeToCase` returns that as an issue. */
export function toCase(framework: Framework, options: ToCaseOptions = {}): CFPackage {
  const result = safeToCase(framework, options);
  if (!result.success) throw new TypeError(`toCase: ${result.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ')}`);
  return result.data;
}

export type ToCaseResult = { success: true; data: CFPackage } | { success: false; issues: (CaseIssue | Issue)[] };

/** `toCase` for any input: a framework that breaks the data contract, or a crosswalk to an unknown item, gives issues. */
export function safeToCase(input: unknown, options: ToCaseOptions = {}): ToCaseResult {
  let fw: Framework;
  if (isParsedFramework(input)) fw = input as Framework;
  else {
    const parsed = safeParseFramework(input);
    if (!parsed.success) return { success: false, issues: parsed.issues };
    fw = parsed.data;
  }
  const itemIds = new Set(fw.items.map((i) => i.id));
  const bad: CaseIssue[] = (options.crosswalks ?? []).flatMap((c, i) =>
    itemIds.has(c.item) ? [] : [{ code: 'unknown_item' as const, path: ['crosswalks', i, 'item'], message: `The framework has no item "${c.item}".` }],
  );
  if (bad.length) return { success: false, issues: bad };
  return { success: true, data: build(fw, options) };
}

function build(fw: Framework, options: ToCaseOptions): CFPackage {
  const ids: CaseIds = caseIds(fw.id, options.baseUri);
  const when = changeTime(fw, options.lastChangeDateTime);
  const language = options.language ?? 'en';
  const kinds = [...new Set(fw.items.map((i) => i.kind))] as ItemKind[];
  const runs = groupRuns(fw);
  const types: CFItemType[] = itemTypes(kinds, runs.some((r) => r.title !== undefined), ids, when);
  const typeLink = (title: string) => {
    const t = types.find((x) => x.title === title)!;
    return { title: t.title, identifier: t.identifier, uri: t.uri };
  };

  const docLink: CFLinkGenUri = { title: fw.title, identifier: ids.document, uri: ids.uri('CFDocuments', ids.document) };
  const items: CFItem[] = [];
  const links = new Map<string, CFLinkGenUri>();
  const addItem = (key: string, fields: Omit<CFItem, 'identifier' | 'uri' | 'lastChangeDateTime' | 'language'>): CFLinkGenUri => {
    const identifier = ids.of(key);
    const item: CFItem = { identifier, uri: ids.uri('CFItems', identifier), ...fields, language, lastChangeDateTime: when };
    items.push(item);
    const link = { title: item.humanCodingScheme ?? item.fullStatement, identifier, uri: item.uri };
    links.set(key, link);
    return link;
  };

  const associations: CFAssociation[] = [];
  const associate = (type: CaseAssociationType, origin: CFLinkGenUri, destination: CFLinkGenUri, sequenceNumber?: number) => {
    const identifier = ids.of(`association/${type}/${origin.identifier}/${destination.identifier}`);
    associations.push({
      identifier,
      associationType: type,
      uri: ids.uri('CFAssociations', identifier),
      originNodeURI: origin,
      destinationNodeURI: destination,
      ...(sequenceNumber !== undefined ? { sequenceNumber } : {}),
      lastChangeDateTime: when,
    });
  };

  let childOfDocument = 0;
  const levelLinks = fw.levels.map((level) => {
    const needsExact = level.descriptor.some((s) => s.includes('\n'));
    const link = addItem(`level/${level.id}`, {
      fullStatement: level.title,
      CFItemType: LEVEL_TYPE,
      CFItemTypeURI: typeLink(LEVEL_TYPE),
      ...(level.descriptor.length ? { notes: level.descriptor.join('\n') } : {}),
      extensions: {
        levelfit: {
          id: level.id,
          roles: [...level.roles],
          ...(level.titleBy !== undefined ? { titleBy: level.titleBy } : {}),
          ...(needsExact ? { descriptor: [...level.descriptor] } : {}),
        },
      },
    });
    associate('isChildOf', link, docLink, ++childOfDocument);
    return link;
  });
  for (let i = 0; i + 1 < levelLinks.length; i++) associate('precedes', levelLinks[i]!, levelLinks[i + 1]!);

  const itemLinks = new Map<string, CFLinkGenUri>();
  runs.forEach((run, r) => {
    let parent = docLink;
    if (run.title !== undefined) {
      parent = addItem(`group/${r}`, { fullStatement: run.title, CFItemType: GROUP_TYPE, CFItemTypeURI: typeLink(GROUP_TYPE) });
      associate('isChildOf', parent, docLink, ++childOfDocument);
    }
    run.items.forEach((index, n) => {
      const item = fw.items[index]!;
      const title = typeTitle(item.kind);
      const link = addItem(`item/${item.id}`, {
        fullStatement: item.title,
        ...(item.code !== undefined ? { humanCodingScheme: item.code } : {}),
        CFItemType: title,
        CFItemTypeURI: typeLink(title),
        ...(item.source !== undefined ? { notes: item.source } : {}),
        extensions: {
          levelfit: {
            id: item.id,
            ...(item.description !== undefined ? { description: item.description } : {}),
            ...(item.optional !== undefined ? { optional: item.optional } : {}),
          },
        },
      });
      itemLinks.set(item.id, link);
      associate('isChildOf', link, parent, run.title !== undefined ? n + 1 : ++childOfDocument);
    });
  });

  const levelLink = new Map(fw.levels.map((l, i) => [l.id, levelLinks[i]!] as const));
  for (const item of fw.items) for (const level of item.levels) associate(REQUIRED_AT_LEVEL, itemLinks.get(item.id)!, levelLink.get(level)!);

  for (const c of options.crosswalks ?? []) {
    const target: CFLinkGenUri = { title: c.target.title, identifier: c.target.identifier ?? c.target.uri, uri: c.target.uri };
    if (c.target.targetType !== undefined) target.targetType = c.target.targetType;
    associate(c.type, itemLinks.get(c.item)!, target);
  }

  const source = fw.source;
  const licence = typeof source.licence === 'string' ? licenceRecord(source.licence, ids, when) : undefined;
  return {
    CFDocument: {
      identifier: ids.document,
      uri: docLink.uri,
      creator: options.creator ?? source.publisher ?? NO_PUBLISHER,
      title: fw.title,
      lastChangeDateTime: when,
      frameworkType: 'Career and competence framework',
      caseVersion: CASE_VERSION,
      ...(source.url !== undefined ? { officialSourceURL: source.url } : {}),
      ...(source.publisher !== null ? { publisher: source.publisher } : {}),
      description: `From: ${source.title}${source.reference ? ` (${source.reference})` : ''}.`,
      language,
      version: fw.version,
      ...(source.note !== undefined ? { notes: source.note } : {}),
      ...(licence ? { licenseURI: { title: licence.title, identifier: licence.identifier, uri: licence.uri } } : {}),
      extensions: { levelfit: { id: fw.id, source: structuredClone(source), rules: structuredClone(fw.rules) } },
    },
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: { CFItemTypes: types, ...(licence ? { CFLicenses: [licence] } : {}) },
    CFRubrics: [scaleRubric(fw.scale, fw.title, ids, when)],
  };
}
