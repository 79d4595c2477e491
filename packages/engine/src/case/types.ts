/**
 * The CASE 1.1 package shapes levelfit writes and reads (1EdTech Competencies and Academic Standards Exchange,
 * CFPackage binding). Only the properties levelfit uses are typed; a package from another tool may carry more,
 * and `fromCase` reads it as `unknown` and checks each property it uses.
 */

export const CASE_VERSION = '1.1';

/** A link to another CASE record: its title, UUID and URI. */
export interface CFLinkUri {
  title: string;
  identifier: string;
  uri: string;
}

/** A link that may leave the package (crosswalks): `identifier` need not be a UUID; `targetType` defaults to CASE. */
export interface CFLinkGenUri extends CFLinkUri {
  targetType?: string;
}

/** levelfit's own data on a record, kept under `extensions.levelfit` so that other tools can ignore it. */
export type LevelfitExtension = Record<string, unknown>;
export interface CFExtensions {
  levelfit?: LevelfitExtension;
  [key: string]: unknown;
}

export interface CFDocument {
  identifier: string;
  uri: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
  frameworkType?: string;
  caseVersion?: '1.1';
  officialSourceURL?: string;
  publisher?: string;
  description?: string;
  language?: string;
  version?: string;
  statusStartDate?: string;
  notes?: string;
  licenseURI?: CFLinkUri;
  extensions?: CFExtensions;
}

export interface CFLicense {
  identifier: string;
  uri: string;
  title: string;
  licenseText: string;
  lastChangeDateTime: string;
}

export interface CFItem {
  identifier: string;
  uri: string;
  fullStatement: string;
  lastChangeDateTime: string;
  humanCodingScheme?: string;
  abbreviatedStatement?: string;
  CFItemType?: string;
  CFItemTypeURI?: CFLinkUri;
  notes?: string;
  language?: string;
  extensions?: CFExtensions;
}

/** The association types CASE 1.1 defines; anything else is written `ext:<name>`. */
export const CASE_ASSOCIATION_TYPES = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
  'isTranslationOf',
] as const;
export type CaseAssociationType = (typeof CASE_ASSOCIATION_TYPES)[number] | `ext:${string}`;

export interface CFAssociation {
  identifier: string;
  associationType: CaseAssociationType;
  uri: string;
  originNodeURI: CFLinkGenUri;
  destinationNodeURI: CFLinkGenUri;
  lastChangeDateTime: string;
  sequenceNumber?: number;
  notes?: string;
  extensions?: CFExtensions;
}

export interface CFItemType {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  hierarchyCode: string;
  typeCode?: string;
  lastChangeDateTime: string;
}

export interface CFRubricCriterionLevel {
  identifier: string;
  uri: string;
  lastChangeDateTime: string;
  description?: string;
  quality?: string;
  score?: number;
  position?: number;
  rubricCriterionId?: string;
}

export interface CFRubricCriterion {
  identifier: string;
  uri: string;
  lastChangeDateTime: string;
  category?: string;
  description?: string;
  position?: number;
  rubricId?: string;
  CFRubricCriterionLevels?: CFRubricCriterionLevel[];
}

export interface CFRubric {
  identifier: string;
  uri: string;
  lastChangeDateTime: string;
  title?: string;
  description?: string;
  CFRubricCriteria?: CFRubricCriterion[];
  extensions?: CFExtensions;
}

export interface CFPackage {
  CFDocument: CFDocument;
  CFItems?: CFItem[];
  CFAssociations?: CFAssociation[];
  CFDefinitions?: { CFItemTypes?: CFItemType[]; CFLicenses?: CFLicense[] };
  CFRubrics?: CFRubric[];
}

/** Codes of the issues `toCase` and `fromCase` return. */
export const CASE_ISSUE_CODES = [
  /** The input is not a CASE package (no CFDocument, a list that is not a list, a record without its identifier). */
  'invalid_package',
  /** An association whose type levelfit has no place for (isPeerOf, replacedBy, an unknown ext: type…): left out. */
  'unmapped_association',
  /** An association whose end is not in the package (and is no crosswalk): left out. */
  'dangling_association',
  /** A CFItemType levelfit has no item kind for: its items are imported as competences. */
  'unknown_item_type',
  /** The precedes links do not make one chain of levels (a fork, a loop), or the caller's level list names no CFItem. */
  'invalid_levels',
  /** An item tied to no level in a framework with levels: it is required at every level. */
  'unlevelled_item',
  /** Something levelfit filled in because the package does not say it (rules, rating scale, version). */
  'defaulted',
  /** A value that does not fit levelfit's data contract and was shortened or left out (a code over 40 characters…). */
  'dropped_value',
  /** A crosswalk the caller gave that names an item the framework does not have. */
  'unknown_item',
  /** The framework built from the package breaks levelfit's data contract (see the path and message). */
  'invalid_framework',
] as const;
export type CaseIssueCode = (typeof CASE_ISSUE_CODES)[number];

export interface CaseIssue {
  code: CaseIssueCode;
  /** Where in the input: `['CFAssociations', 12, 'associationType']`, or into the framework for `invalid_framework`. */
  path: (string | number)[];
  message: string;
}
