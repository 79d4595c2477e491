/**
 * `toOpenBadgeCredential`: an Open Badges 3.0 OpenBadgeCredential saying a person reached a level of a framework.
 *
 * - `@context`: VC Data Model 2.0, then OB 3.0.3; `type`: VerifiableCredential, OpenBadgeCredential.
 * - `credentialSubject`: an AchievementSubject (the person's URI, or IdentityObjects such as a salted hash of an
 *   e-mail address) whose Achievement is the level (`achievementType: "Competency"`), aligned to the level's CASE
 *   CFItem and to the CFItem of each item the level requires (the URIs `toCase` gives with the same `caseBaseUri`).
 *   Its `resultDescription` lists every level of the framework as a RubricCriterionLevel (each aligned to its
 *   CFItem), lowest first; `result.achievedLevel` points at the level reached. A supervisor-confirmed level gives
 *   `status: "Completed"`; a self-assessed one `status: "Provisional"`.
 *
 * The credential is unsigned. Signing is the issuer's server's job: it holds the issuer's key and adds a Data
 * Integrity proof (e.g. eddsa-rdfc-2022) or signs the credential as a VC-JOSE/JWT. levelfit ships no keys and makes
 * no network call. Ids are v5 UUIDs (urn:uuid:) unless given, so the same award gives the same ids.
 */
import { formatPath } from '../errors.js';
import { caseItemUri, CASE_NAMESPACE } from '../case/ids.js';
import { isParsedFramework, safeParseFramework } from '../framework/parse.js';
import type { Framework, Level } from '../framework/schema.js';
import { uuidV5 } from '../lms/uuid.js';
import { awardedLevel, type BadgeLevelInput } from './level-input.js';
import {
  OB_CONTEXT_V3_0_3,
  VC_CONTEXT_V2,
  type BadgeIssue,
  type ObAlignment,
  type ObIdentityObject,
  type ObProfile,
  type OpenBadgeCredential,
} from './types.js';

export interface OpenBadgeOptions {
  /** The framework the level belongs to (a built-in one or a parsed framework). */
  framework: Framework;
  /** The issuing organisation: an absolute URI as its id (its OB Profile URL or a DID) and its name. */
  issuer: { id: string; name: string; url?: string; email?: string };
  /** The person: a URI of their own (`id`, e.g. a DID or a profile URL), or IdentityObjects the issuer made. */
  subject: { id?: string; identifier?: ObIdentityObject[] };
  /** When the credential is valid from (default now). */
  validFrom?: string | Date;
  validUntil?: string | Date;
  /** The credential's id (default: a v5 urn:uuid from the issuer, person, framework, level and validFrom). */
  id?: string;
  /** Base of the achievements' ids (`${achievementBase}/<framework id>/<level id>`); default a v5 urn:uuid. */
  achievementBase?: string;
  /** The base URI the framework was exported to CASE with (`toCase`'s `baseUri`), for the alignments. */
  caseBaseUri?: string;
  /** Language of the text (default `en`). */
  language?: string;
}

export type OpenBadgeResult = { success: true; data: OpenBadgeCredential } | { success: false; issues: BadgeIssue[] };

const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const isoTime = (v: string | Date | undefined, fallback: () => string): string | null => {
  if (v === undefined) return fallback();
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

/** The credential, or throws a TypeError that lists the issues (`safeToOpenBadgeCredential` returns them). */
export function toOpenBadgeCredential(level: BadgeLevelInput, options: OpenBadgeOptions): OpenBadgeCredential {
  const r = safeToOpenBadgeCredential(level, options);
  if (!r.success) throw new TypeError(`toOpenBadgeCredential: ${r.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ')}`);
  return r.data;
}

export function safeToOpenBadgeCredential(level: unknown, options: OpenBadgeOptions): OpenBadgeResult {
  const issues: BadgeIssue[] = [];
  const opts = (options ?? {}) as Partial<OpenBadgeOptions>;
  let fw: Framework | undefined;
  if (isParsedFramework(opts.framework)) fw = opts.framework;
  else {
    const parsed = safeParseFramework(opts.framework);
    if (parsed.success) fw = parsed.data;
    else issues.push(...parsed.issues.map((i) => ({ code: 'invalid_option' as const, path: ['framework', ...i.path], message: i.message })));
  }
  const issuer = opts.issuer;
  if (!issuer || typeof issuer.id !== 'string' || !ABSOLUTE_URI.test(issuer.id))
    issues.push({ code: 'invalid_issuer', path: ['issuer', 'id'], message: 'The issuer needs an id that is an absolute URI (its profile URL or a DID).' });
  if (!issuer || typeof issuer.name !== 'string' || !issuer.name.trim())
    issues.push({ code: 'invalid_issuer', path: ['issuer', 'name'], message: 'The issuer needs a name.' });
  const subject = opts.subject;
  const hasId = typeof subject?.id === 'string' && ABSOLUTE_URI.test(subject.id);
  const hasIdentifier = Array.isArray(subject?.identifier) && subject.identifier.length > 0;
  if (!hasId && !hasIdentifier)
    issues.push({ code: 'invalid_subject', path: ['subject'], message: 'The person needs an id that is an absolute URI, or at least one IdentityObject in identifier.' });
  const validFrom = isoTime(opts.validFrom, () => new Date().toISOString());
  if (validFrom === null) issues.push({ code: 'invalid_option', path: ['validFrom'], message: 'validFrom must be a date and time.' });
  const validUntil = opts.validUntil === undefined ? undefined : isoTime(opts.validUntil, () => '');
  if (validUntil === null) issues.push({ code: 'invalid_option', path: ['validUntil'], message: 'validUntil must be a date and time.' });
  if (!fw) return { success: false, issues };

  const awarded = awardedLevel(level, fw.id, issues);
  const reached = awarded ? fw.levels.find((l) => l.id === awarded.level) : undefined;
  if (awarded && !reached)
    issues.push({ code: 'unknown_level', path: ['level'], message: `"${awarded.level}" is not a level of ${fw.title}: use one of ${fw.levels.map((l) => l.id).join(', ')}.` });
  if (issues.length || !reached || !awarded || !issuer || !subject || validFrom === null) return { success: false, issues };

  const lang = opts.language ?? 'en';
  const ns = uuidV5(`open-badges/${fw.id}`, CASE_NAMESPACE);
  const urn = (key: string) => `urn:uuid:${uuidV5(key, ns)}`;
  const cfItem = (key: { item: string } | { level: string }) => caseItemUri(fw.id, key, opts.caseBaseUri);
  const levelAlignment = (l: Level): ObAlignment => ({
    type: ['Alignment'],
    targetName: l.title,
    targetUrl: cfItem({ level: l.id }),
    targetType: 'CFItem',
    targetFramework: fw.title,
  });
  const criterionLevelId = (l: Level) => urn(`level/${l.id}`);
  const resultDescriptionId = urn('result-description/level');

  const alignment: ObAlignment[] = [levelAlignment(reached)];
  for (const item of fw.items) {
    if (!item.levels.includes(reached.id)) continue;
    const a: ObAlignment = { type: ['Alignment'], targetName: item.title, targetUrl: cfItem({ item: item.id }), targetType: 'CFItem', targetFramework: fw.title };
    if (item.code !== undefined) a.targetCode = item.code;
    alignment.push(a);
  }

  const profile: ObProfile = { id: issuer.id, type: ['Profile'], name: issuer.name };
  if (issuer.url !== undefined) profile.url = issuer.url;
  if (issuer.email !== undefined) profile.email = issuer.email;

  const who = hasId ? subject.id! : subject.identifier!.map((i) => i.identityHash).join(',');
  const credential: OpenBadgeCredential = {
    '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3_0_3],
    id: opts.id ?? urn(`credential/${issuer.id}/${who}/${reached.id}/${validFrom}`),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: profile,
    validFrom,
    name: `${reached.title}: ${fw.title}`,
    description: awarded.confirmed
      ? `A supervisor confirmed that this person works at ${reached.title} in ${fw.title}.`
      : `This person's self-assessment places them at ${reached.title} in ${fw.title}. It has not been confirmed by a supervisor.`,
    credentialSubject: {
      ...(hasId ? { id: subject.id! } : {}),
      type: ['AchievementSubject'],
      ...(hasIdentifier ? { identifier: subject.identifier!.map((i) => ({ ...i })) } : {}),
      achievement: {
        id: opts.achievementBase ? `${opts.achievementBase.replace(/\/+$/, '')}/${encodeURIComponent(fw.id)}/${encodeURIComponent(reached.id)}` : urn(`achievement/${reached.id}`),
        type: ['Achievement'],
        achievementType: 'Competency',
        name: reached.title,
        description: reached.descriptor.length ? reached.descriptor.join(' ') : `${reached.title} in ${fw.title}.`,
        criteria: {
          narrative: `Meet ${fw.title} (version ${fw.version}) at ${reached.title}: the competences aligned below, rated on the framework's scale and judged by its rules for that level.`,
        },
        alignment,
        resultDescription: [
          {
            id: resultDescriptionId,
            type: ['ResultDescription'],
            name: `Level in ${fw.title}`,
            resultType: 'RubricCriterionLevel',
            rubricCriterionLevel: fw.levels.map((l) => ({
              id: criterionLevelId(l),
              type: ['RubricCriterionLevel'],
              name: l.title,
              level: l.id,
              ...(l.descriptor.length ? { description: l.descriptor.join(' ') } : {}),
              alignment: [levelAlignment(l)],
            })),
            requiredLevel: criterionLevelId(reached),
          },
        ],
        version: fw.version,
        inLanguage: lang,
      },
      result: [
        {
          type: ['Result'],
          resultDescription: resultDescriptionId,
          achievedLevel: criterionLevelId(reached),
          status: awarded.confirmed ? 'Completed' : 'Provisional',
        },
      ],
    },
  };
  if (validUntil) credential.validUntil = validUntil;
  return { success: true, data: credential };
}
