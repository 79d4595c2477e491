/**
 * The Open Badges 3.0 shapes levelfit writes (1EdTech OB 3.0.3 on the W3C Verifiable Credentials Data Model 2.0).
 * Only the properties levelfit sets are typed.
 */

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT_V3_0_3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export interface ObAlignment {
  type: ['Alignment'];
  targetName: string;
  targetUrl: string;
  targetType?: string;
  targetFramework?: string;
  targetCode?: string;
  targetDescription?: string;
}

export interface ObRubricCriterionLevel {
  id: string;
  type: ['RubricCriterionLevel'];
  name: string;
  level?: string;
  description?: string;
  alignment?: ObAlignment[];
}

export interface ObResultDescription {
  id: string;
  type: ['ResultDescription'];
  name: string;
  resultType: 'RubricCriterionLevel';
  rubricCriterionLevel: ObRubricCriterionLevel[];
  requiredLevel?: string;
}

export interface ObAchievement {
  id: string;
  type: ['Achievement'];
  achievementType: 'Competency';
  name: string;
  description: string;
  criteria: { narrative: string };
  alignment: ObAlignment[];
  resultDescription: ObResultDescription[];
  version?: string;
  inLanguage?: string;
}

/** How a person is identified without a URI of their own (OB 3.0 IdentityObject): e.g. a salted SHA-256 of an e-mail address. */
export interface ObIdentityObject {
  type: 'IdentityObject';
  hashed: boolean;
  identityHash: string;
  identityType: string;
  salt?: string;
}

export interface ObResult {
  type: ['Result'];
  resultDescription: string;
  achievedLevel: string;
  status?: 'Completed' | 'Provisional';
}

export interface ObAchievementSubject {
  id?: string;
  type: ['AchievementSubject'];
  identifier?: ObIdentityObject[];
  achievement: ObAchievement;
  result: ObResult[];
}

export interface ObProfile {
  id: string;
  type: ['Profile'];
  name: string;
  url?: string;
  email?: string;
}

/** An unsigned OpenBadgeCredential: the issuer's server adds the proof (or signs it as a VC-JOSE/JWT). */
export interface OpenBadgeCredential {
  '@context': [typeof VC_CONTEXT_V2, typeof OB_CONTEXT_V3_0_3];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: ObProfile;
  validFrom: string;
  validUntil?: string;
  name: string;
  description: string;
  credentialSubject: ObAchievementSubject;
}

export const BADGE_ISSUE_CODES = [
  /** No level to award: the input names none (a level fit with no level attained). */
  'no_level',
  /** The level is not one of the framework's. */
  'unknown_level',
  /** The level fit is for another framework. */
  'framework_mismatch',
  /** The issuer needs an id that is an absolute URI and a name. */
  'invalid_issuer',
  /** The person needs an id (a URI) or at least one IdentityObject. */
  'invalid_subject',
  /** An option that is not what it should be (a date that is no date, a URI that is no URI). */
  'invalid_option',
] as const;
export type BadgeIssueCode = (typeof BADGE_ISSUE_CODES)[number];
export interface BadgeIssue {
  code: BadgeIssueCode;
  path: (string | number)[];
  message: string;
}
