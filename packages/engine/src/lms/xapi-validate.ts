/**
 * The xAPI 1.0.3 statement rules (xAPI-Data.md, Part Two) a Learning Record Provider must follow, as a pure
 * validator: issues `{code, path, message}`, never thrown. An LMS vendor can run it on statements from any source.
 *
 * Checked: statement properties (no unknown ones), `id`/`registration`/StatementRef UUIDs in standard form;
 * Agents with exactly one Inverse Functional Identifier (`mbox` mailto IRI, `mbox_sha1sum` 40 hex, `openid` URI,
 * `account` {homePage IRL, name}); Groups (anonymous: members required; identified: one IFI; no nested Groups);
 * verb id IRI and `display` language map; Activity id IRI and definition (language maps, `type`/`moreInfo` IRIs,
 * `interactionType` enum, `correctResponsesPattern` strings, component lists only where the interactionType
 * supports them, distinct component ids); SubStatements (no id/stored/version/authority, not nested); the
 * voiding verb needs a StatementRef; result (`score.scaled` in −1..1, `min` < `max`, `raw` within them, booleans,
 * response string, ISO 8601 duration); the response format of choice/true-false/sequencing/likert/numeric
 * interactions; context (contextActivities keys and Activity values, `revision`/`platform` only with an Activity
 * object, RFC 5646 `language`, instructor/team, StatementRef); ISO 8601 timestamps; `version` 1.0.x;
 * attachments; extension keys IRIs; language tags RFC 5646.
 */
import type { LmsIssue, LmsIssueCode } from './types.js';

type Path = (string | number)[];

export const INTERACTION_TYPES = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'] as const;
export const CONTEXT_ACTIVITY_KEYS = ['parent', 'grouping', 'category', 'other'] as const;
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
const LISTS_BY_TYPE: Record<string, readonly string[]> = {
  choice: ['choices'],
  sequencing: ['choices'],
  likert: ['scale'],
  matching: ['source', 'target'],
  performance: ['steps'],
};
const STATEMENT_KEYS = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments'];
const SUBSTATEMENT_KEYS = ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'];
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An absolute IRI: a scheme, then at least one character, no whitespace, controls or characters IRIs exclude. */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\u0000-\u001f\u007f-\u009f]+$/u;
const MBOX = /^mailto:[^@\s]+@[^@\s]+$/;
const SHA1 = /^[0-9a-f]{40}$/i;
/** RFC 5646 Language-Tag (langtag, private use, grandfathered irregular/regular not spelled out). */
const LANG_TAG =
  /^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-x(?:-[A-Za-z0-9]{1,8})+)?|x(?:-[A-Za-z0-9]{1,8})+|i-[A-Za-z]{2,8})$/;
/** ISO 8601 combined date and time (extended format), optional fraction and zone. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-](\d{2})(?::?(\d{2}))?)?$/;
/** ISO 8601:2004 4.4.3.2 duration (PnYnMnDTnHnMnS or PnW; the alternative format is not allowed). */
const DURATION =
  /^P(?:(?=\d|T\d)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?|\d+(?:[.,]\d+)?W)$/;
const VERSION = /^1\.0(?:\.\d+)?$/;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined;
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

export function isIri(v: unknown): v is string {
  return typeof v === 'string' && IRI.test(v);
}
export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}
export function isLanguageTag(v: unknown): v is string {
  return typeof v === 'string' && LANG_TAG.test(v);
}
export function isDuration(v: unknown): v is string {
  return typeof v === 'string' && DURATION.test(v);
}
export function isTimestamp(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = TIMESTAMP.exec(v);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, zone, zh, zm] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!days || day < 1 || day > days) return false;
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 60)) return false;
  if (zone && zone !== 'Z' && (Number(zh) > 23 || (zm !== undefined && Number(zm) > 59))) return false;
  // ISO 8601 has no negative zero offset (RFC 3339 uses -00:00 for "offset unknown").
  if (zone && /^-00(?::?00)?$/.test(zone)) return false;
  return true;
}

class Checker {
  readonly issues: LmsIssue[] = [];
  add(code: LmsIssueCode, path: Path, message: string) {
    this.issues.push({ code, path, message });
  }
  keys(o: Record<string, unknown>, allowed: readonly string[], path: Path, what: string) {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.add('unrecognized_keys', [...path, k], `"${k}" is not a property of ${what}`);
  }
  object(v: unknown, path: Path, what: string): v is Record<string, unknown> {
    if (isObj(v)) return true;
    this.add('invalid_type', path, `${what} must be an object, not ${describe(v)}`);
    return false;
  }
  required(o: Record<string, unknown>, k: string, path: Path, what: string): boolean {
    if (has(o, k)) return true;
    this.add('missing_property', [...path, k], `${what} needs "${k}"`);
    return false;
  }
  string(v: unknown, path: Path, what: string): v is string {
    if (typeof v === 'string') return true;
    this.add('invalid_type', path, `${what} must be a string, not ${describe(v)}`);
    return false;
  }
  boolean(v: unknown, path: Path, what: string) {
    if (typeof v !== 'boolean') this.add('invalid_type', path, `${what} must be true or false, not ${describe(v)}`);
  }
  number(v: unknown, path: Path, what: string): v is number {
    if (typeof v === 'number' && Number.isFinite(v)) return true;
    this.add('invalid_type', path, `${what} must be a finite number, not ${describe(v)}`);
    return false;
  }
  iri(v: unknown, path: Path, what: string) {
    if (this.string(v, path, what) && !IRI.test(v)) this.add('invalid_iri', path, `${what} must be an absolute IRI (scheme:…), got "${v}"`);
  }
  uuid(v: unknown, path: Path, what: string) {
    if (this.string(v, path, what) && !UUID.test(v)) this.add('invalid_uuid', path, `${what} must be a UUID in standard string form, got "${v}"`);
  }
  languageMap(v: unknown, path: Path, what: string) {
    if (!isObj(v)) {
      this.add('invalid_language_map', path, `${what} must be a language map (an object of RFC 5646 tag → string), not ${describe(v)}`);
      return;
    }
    for (const [tag, text] of Object.entries(v)) {
      if (!LANG_TAG.test(tag)) this.add('invalid_language_map', [...path, tag], `"${tag}" is not an RFC 5646 language tag`);
      if (typeof text !== 'string') this.add('invalid_language_map', [...path, tag], `the ${tag} text must be a string, not ${describe(text)}`);
    }
  }
  extensions(v: unknown, path: Path) {
    if (!this.object(v, path, 'extensions')) return;
    for (const k of Object.keys(v)) if (!IRI.test(k)) this.add('invalid_iri', [...path, k], `an extension key must be an absolute IRI, got "${k}"`);
  }

  agent(v: unknown, path: Path, asObject: boolean) {
    if (!this.object(v, path, 'an Agent')) return;
    const type = v['objectType'];
    if (type === 'Group') return this.group(v, path);
    if (has(v, 'objectType') && type !== 'Agent') this.add('invalid_value', [...path, 'objectType'], `objectType must be "Agent" or "Group", got ${JSON.stringify(type)}`);
    if (asObject && !has(v, 'objectType')) this.add('missing_property', [...path, 'objectType'], 'an Agent used as the object needs "objectType"');
    this.keys(v, ['objectType', 'name', ...IFIS], path, 'an Agent');
    if (has(v, 'name')) this.string(v['name'], [...path, 'name'], 'name');
    this.ifi(v, path, 'An Agent', true);
  }
  group(v: Record<string, unknown>, path: Path) {
    this.keys(v, ['objectType', 'name', 'member', ...IFIS], path, 'a Group');
    if (has(v, 'name')) this.string(v['name'], [...path, 'name'], 'name');
    const identified = IFIS.some((k) => has(v, k));
    if (identified) this.ifi(v, path, 'An identified Group', true);
    else if (!has(v, 'member')) this.add('missing_property', [...path, 'member'], 'an anonymous Group needs "member"');
    if (has(v, 'member')) {
      const members = v['member'];
      if (!Array.isArray(members)) this.add('invalid_type', [...path, 'member'], `member must be an array of Agents, not ${describe(members)}`);
      else
        members.forEach((m, i) => {
          if (isObj(m) && m['objectType'] === 'Group') this.add('not_allowed', [...path, 'member', i], 'a Group must not contain Groups');
          else this.agent(m, [...path, 'member', i], false);
        });
    }
  }
  ifi(v: Record<string, unknown>, path: Path, what: string, required: boolean) {
    const present = IFIS.filter((k) => has(v, k));
    if (present.length > 1) this.add('invalid_ifi', path, `${what} must have exactly one Inverse Functional Identifier, has ${present.join(', ')}`);
    if (present.length === 0 && required) this.add('invalid_ifi', path, `${what} must have exactly one Inverse Functional Identifier (mbox, mbox_sha1sum, openid or account), has none`);
    if (has(v, 'mbox') && this.string(v['mbox'], [...path, 'mbox'], 'mbox') && !MBOX.test(v['mbox'] as string))
      this.add('invalid_mbox', [...path, 'mbox'], `mbox must be "mailto:" and an e-mail address, got "${v['mbox'] as string}"`);
    if (has(v, 'mbox_sha1sum') && this.string(v['mbox_sha1sum'], [...path, 'mbox_sha1sum'], 'mbox_sha1sum') && !SHA1.test(v['mbox_sha1sum'] as string))
      this.add('invalid_value', [...path, 'mbox_sha1sum'], 'mbox_sha1sum must be a hex-encoded SHA-1 (40 hex digits)');
    if (has(v, 'openid')) this.iri(v['openid'], [...path, 'openid'], 'openid');
    if (has(v, 'account')) {
      const a = v['account'];
      const ap = [...path, 'account'];
      if (this.object(a, ap, 'account')) {
        this.keys(a, ['homePage', 'name'], ap, 'an account');
        if (this.required(a, 'homePage', ap, 'An account')) this.iri(a['homePage'], [...ap, 'homePage'], 'account.homePage');
        if (this.required(a, 'name', ap, 'An account') && this.string(a['name'], [...ap, 'name'], 'account.name') && (a['name'] as string).length === 0)
          this.add('invalid_value', [...ap, 'name'], 'account.name must not be empty');
      }
    }
  }

  verb(v: unknown, path: Path) {
    if (!this.object(v, path, 'verb')) return;
    this.keys(v, ['id', 'display'], path, 'a Verb');
    if (this.required(v, 'id', path, 'A Verb')) this.iri(v['id'], [...path, 'id'], 'verb.id');
    if (has(v, 'display')) this.languageMap(v['display'], [...path, 'display'], 'verb.display');
  }

  activity(v: unknown, path: Path): Record<string, unknown> | null {
    if (!this.object(v, path, 'an Activity')) return null;
    this.keys(v, ['objectType', 'id', 'definition'], path, 'an Activity');
    if (has(v, 'objectType') && v['objectType'] !== 'Activity') this.add('invalid_value', [...path, 'objectType'], `objectType must be "Activity", got ${JSON.stringify(v['objectType'])}`);
    if (this.required(v, 'id', path, 'An Activity')) this.iri(v['id'], [...path, 'id'], 'the Activity id');
    if (!has(v, 'definition')) return null;
    const d = v['definition'];
    const dp = [...path, 'definition'];
    if (!this.object(d, dp, 'definition')) return null;
    this.keys(d, ['name', 'description', 'type', 'moreInfo', 'extensions', 'interactionType', 'correctResponsesPattern', ...COMPONENT_LISTS], dp, 'an Activity definition');
    if (has(d, 'name')) this.languageMap(d['name'], [...dp, 'name'], 'definition.name');
    if (has(d, 'description')) this.languageMap(d['description'], [...dp, 'description'], 'definition.description');
    if (has(d, 'type')) this.iri(d['type'], [...dp, 'type'], 'definition.type');
    if (has(d, 'moreInfo')) this.iri(d['moreInfo'], [...dp, 'moreInfo'], 'definition.moreInfo');
    if (has(d, 'extensions')) this.extensions(d['extensions'], [...dp, 'extensions']);
    const it = d['interactionType'];
    const interactionProps = ['correctResponsesPattern', ...COMPONENT_LISTS].filter((k) => has(d, k));
    if (has(d, 'interactionType')) {
      if (!(INTERACTION_TYPES as readonly unknown[]).includes(it))
        this.add('invalid_value', [...dp, 'interactionType'], `interactionType must be one of ${INTERACTION_TYPES.join(', ')}, got ${JSON.stringify(it)}`);
    } else if (interactionProps.length) {
      this.add('missing_property', [...dp, 'interactionType'], `an interaction Activity (it has ${interactionProps.join(', ')}) needs a valid "interactionType"`);
    }
    if (has(d, 'correctResponsesPattern')) {
      const crp = d['correctResponsesPattern'];
      if (!Array.isArray(crp)) this.add('invalid_type', [...dp, 'correctResponsesPattern'], 'correctResponsesPattern must be an array of strings');
      else
        crp.forEach((p, i) => {
          if (this.string(p, [...dp, 'correctResponsesPattern', i], 'a response pattern') && typeof it === 'string') this.response(p, it, d, [...dp, 'correctResponsesPattern', i]);
        });
    }
    const allowed = typeof it === 'string' ? (LISTS_BY_TYPE[it] ?? []) : [];
    for (const list of COMPONENT_LISTS) {
      if (!has(d, list)) continue;
      const lp = [...dp, list];
      if (typeof it === 'string' && (INTERACTION_TYPES as readonly string[]).includes(it) && !allowed.includes(list))
        this.add('not_allowed', lp, `a ${it} interaction has no "${list}" list${allowed.length ? ` (it uses ${allowed.join(', ')})` : ''}`);
      const comps = d[list];
      if (!Array.isArray(comps)) {
        this.add('invalid_type', lp, `${list} must be an array of interaction components`);
        continue;
      }
      const seen = new Set<string>();
      comps.forEach((c, i) => {
        const cp = [...lp, i];
        if (!this.object(c, cp, 'an interaction component')) return;
        this.keys(c, ['id', 'description'], cp, 'an interaction component');
        if (this.required(c, 'id', cp, 'An interaction component') && this.string(c['id'], [...cp, 'id'], 'the component id')) {
          const id = c['id'] as string;
          if (seen.has(id)) this.add('duplicate_id', [...cp, 'id'], `component id "${id}" is used twice in ${list}`);
          seen.add(id);
        }
        if (has(c, 'description')) this.languageMap(c['description'], [...cp, 'description'], 'the component description');
      });
    }
    return d;
  }

  /** The response format of an interaction type (Data 2.4.4.1 "Response Patterns"), for a response or a correct pattern. */
  response(value: string, type: string, def: Record<string, unknown> | null, path: Path) {
    const ids = (list: string) => {
      const l = def?.[list];
      return Array.isArray(l) ? new Set(l.filter(isObj).map((c) => c['id'])) : null;
    };
    const bad = (why: string) => this.add('invalid_response', path, `"${value}" is not a ${type} response: ${why}`);
    switch (type) {
      case 'true-false':
        if (value !== 'true' && value !== 'false') bad('it must be "true" or "false"');
        break;
      case 'choice':
      case 'sequencing': {
        const parts = value.split('[,]');
        if (value === '' || parts.some((p) => p === '')) return bad('item ids are delimited by [,] with no empty item');
        const known = ids('choices');
        const unknown = known ? parts.filter((p) => !known.has(p)) : [];
        if (unknown.length) bad(`${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the choices`);
        if (type === 'choice' && new Set(parts).size !== parts.length) bad('an item is listed twice');
        break;
      }
      case 'likert': {
        const known = ids('scale');
        if (value.includes('[,]')) bad('it is a single scale id');
        else if (known && !known.has(value)) bad('it is not on the scale');
        break;
      }
      case 'numeric':
        if (!/^(?:-?\d+(?:\.\d+)?|(?:-?\d+(?:\.\d+)?)?\[:\](?:-?\d+(?:\.\d+)?)?)$/.test(value)) bad('it must be a number or a range min[:]max');
        break;
    }
  }

  statementRef(v: Record<string, unknown>, path: Path) {
    this.keys(v, ['objectType', 'id'], path, 'a StatementRef');
    if (this.required(v, 'id', path, 'A StatementRef')) this.uuid(v['id'], [...path, 'id'], 'the StatementRef id');
  }

  object_(v: unknown, path: Path, inSub: boolean): { kind: string; definition: Record<string, unknown> | null } {
    if (!this.object(v, path, 'object')) return { kind: 'invalid', definition: null };
    const type = has(v, 'objectType') ? v['objectType'] : 'Activity';
    switch (type) {
      case 'Activity':
        return { kind: 'Activity', definition: this.activity(v, path) };
      case 'Agent':
      case 'Group':
        this.agent(v, path, true);
        return { kind: String(type), definition: null };
      case 'StatementRef':
        this.statementRef(v, path);
        return { kind: 'StatementRef', definition: null };
      case 'SubStatement':
        if (inSub) this.add('not_allowed', [...path, 'objectType'], 'a SubStatement must not contain a SubStatement');
        else this.statement(v, path, true);
        return { kind: 'SubStatement', definition: null };
      default:
        this.add('invalid_value', [...path, 'objectType'], `objectType must be Activity, Agent, Group, StatementRef or SubStatement, got ${JSON.stringify(type)}`);
        return { kind: 'invalid', definition: null };
    }
  }

  result(v: unknown, path: Path, interaction: Record<string, unknown> | null) {
    if (!this.object(v, path, 'result')) return;
    this.keys(v, ['score', 'success', 'completion', 'response', 'duration', 'extensions'], path, 'a Result');
    if (has(v, 'score')) {
      const s = v['score'];
      const sp = [...path, 'score'];
      if (this.object(s, sp, 'score')) {
        this.keys(s, ['scaled', 'raw', 'min', 'max'], sp, 'a Score');
        const n = (k: string) => (has(s, k) && this.number(s[k], [...sp, k], `score.${k}`) ? (s[k] as number) : undefined);
        const [scaled, raw, min, max] = [n('scaled'), n('raw'), n('min'), n('max')];
        if (scaled !== undefined && (scaled < -1 || scaled > 1)) this.add('out_of_range', [...sp, 'scaled'], `score.scaled must be between -1 and 1, got ${scaled}`);
        if (min !== undefined && max !== undefined && !(min < max)) this.add('out_of_range', [...sp, 'min'], `score.min (${min}) must be less than score.max (${max})`);
        if (raw !== undefined && min !== undefined && raw < min) this.add('out_of_range', [...sp, 'raw'], `score.raw (${raw}) must be at least score.min (${min})`);
        if (raw !== undefined && max !== undefined && raw > max) this.add('out_of_range', [...sp, 'raw'], `score.raw (${raw}) must be at most score.max (${max})`);
      }
    }
    if (has(v, 'success')) this.boolean(v['success'], [...path, 'success'], 'result.success');
    if (has(v, 'completion')) this.boolean(v['completion'], [...path, 'completion'], 'result.completion');
    if (has(v, 'response') && this.string(v['response'], [...path, 'response'], 'result.response') && interaction && typeof interaction['interactionType'] === 'string')
      this.response(v['response'] as string, interaction['interactionType'], interaction, [...path, 'response']);
    if (has(v, 'duration') && this.string(v['duration'], [...path, 'duration'], 'result.duration') && !DURATION.test(v['duration'] as string))
      this.add('invalid_duration', [...path, 'duration'], `result.duration must be an ISO 8601 duration (e.g. PT1M30.5S), got "${v['duration'] as string}"`);
    if (has(v, 'extensions')) this.extensions(v['extensions'], [...path, 'extensions']);
  }

  context(v: unknown, path: Path, objectKind: string) {
    if (!this.object(v, path, 'context')) return;
    this.keys(v, ['registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions'], path, 'a Context');
    if (has(v, 'registration')) this.uuid(v['registration'], [...path, 'registration'], 'context.registration');
    if (has(v, 'instructor')) this.agent(v['instructor'], [...path, 'instructor'], false);
    if (has(v, 'team')) {
      const t = v['team'];
      if (isObj(t) && t['objectType'] !== 'Group') this.add('invalid_value', [...path, 'team', 'objectType'], 'context.team must be a Group (objectType "Group")');
      this.agent(t, [...path, 'team'], false);
    }
    if (has(v, 'contextActivities')) {
      const ca = v['contextActivities'];
      const cp = [...path, 'contextActivities'];
      if (this.object(ca, cp, 'contextActivities')) {
        for (const [k, val] of Object.entries(ca)) {
          if (!(CONTEXT_ACTIVITY_KEYS as readonly string[]).includes(k)) {
            this.add('unrecognized_keys', [...cp, k], `contextActivities keys are ${CONTEXT_ACTIVITY_KEYS.join(', ')}, not "${k}"`);
            continue;
          }
          if (Array.isArray(val)) val.forEach((a, i) => this.activity(a, [...cp, k, i]));
          else this.activity(val, [...cp, k]);
        }
      }
    }
    for (const k of ['revision', 'platform'] as const)
      if (has(v, k)) {
        this.string(v[k], [...path, k], `context.${k}`);
        if (objectKind !== 'Activity' && objectKind !== 'invalid') this.add('not_allowed', [...path, k], `context.${k} is only for statements whose object is an Activity`);
      }
    if (has(v, 'language') && this.string(v['language'], [...path, 'language'], 'context.language') && !LANG_TAG.test(v['language'] as string))
      this.add('invalid_value', [...path, 'language'], `context.language must be an RFC 5646 language tag, got "${v['language'] as string}"`);
    if (has(v, 'statement')) {
      const s = v['statement'];
      if (this.object(s, [...path, 'statement'], 'context.statement')) {
        if (s['objectType'] !== 'StatementRef') this.add('invalid_value', [...path, 'statement', 'objectType'], 'context.statement must be a StatementRef');
        this.statementRef(s, [...path, 'statement']);
      }
    }
    if (has(v, 'extensions')) this.extensions(v['extensions'], [...path, 'extensions']);
  }

  timestamp(v: unknown, path: Path, what: string) {
    if (this.string(v, path, what) && !isTimestamp(v)) this.add('invalid_timestamp', path, `${what} must be an ISO 8601 date and time (e.g. 2026-01-31T09:30:00.000Z), got "${v}"`);
  }

  attachments(v: unknown, path: Path) {
    if (!Array.isArray(v)) return this.add('invalid_type', path, 'attachments must be an array');
    v.forEach((a, i) => {
      const ap = [...path, i];
      if (!this.object(a, ap, 'an attachment')) return;
      this.keys(a, ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl'], ap, 'an Attachment');
      if (this.required(a, 'usageType', ap, 'An attachment')) this.iri(a['usageType'], [...ap, 'usageType'], 'usageType');
      if (this.required(a, 'display', ap, 'An attachment')) this.languageMap(a['display'], [...ap, 'display'], 'display');
      if (has(a, 'description')) this.languageMap(a['description'], [...ap, 'description'], 'description');
      if (this.required(a, 'contentType', ap, 'An attachment')) this.string(a['contentType'], [...ap, 'contentType'], 'contentType');
      if (this.required(a, 'length', ap, 'An attachment') && (!Number.isInteger(a['length']) || (a['length'] as number) < 0))
        this.add('invalid_type', [...ap, 'length'], 'length must be a non-negative integer');
      if (this.required(a, 'sha2', ap, 'An attachment')) this.string(a['sha2'], [...ap, 'sha2'], 'sha2');
      if (has(a, 'fileUrl')) this.iri(a['fileUrl'], [...ap, 'fileUrl'], 'fileUrl');
    });
  }

  statement(v: unknown, path: Path, sub = false) {
    if (!this.object(v, path, sub ? 'a SubStatement' : 'a statement')) return;
    this.keys(v, sub ? SUBSTATEMENT_KEYS : STATEMENT_KEYS, path, sub ? 'a SubStatement' : 'a statement');
    if (!sub && has(v, 'id')) this.uuid(v['id'], [...path, 'id'], 'the statement id');
    if (this.required(v, 'actor', path, 'A statement')) this.agent(v['actor'], [...path, 'actor'], false);
    if (this.required(v, 'verb', path, 'A statement')) this.verb(v['verb'], [...path, 'verb']);
    let object = { kind: 'invalid', definition: null as Record<string, unknown> | null };
    if (this.required(v, 'object', path, 'A statement')) object = this.object_(v['object'], [...path, 'object'], sub);
    const verb = v['verb'];
    if (isObj(verb) && verb['id'] === VOIDED_VERB && object.kind !== 'StatementRef')
      this.add('invalid_value', [...path, 'object', 'objectType'], 'a voiding statement\'s object must be a StatementRef');
    if (has(v, 'result')) this.result(v['result'], [...path, 'result'], object.definition);
    if (has(v, 'context')) this.context(v['context'], [...path, 'context'], object.kind);
    if (has(v, 'timestamp')) this.timestamp(v['timestamp'], [...path, 'timestamp'], 'timestamp');
    if (!sub && has(v, 'stored')) this.timestamp(v['stored'], [...path, 'stored'], 'stored');
    if (!sub && has(v, 'authority')) this.agent(v['authority'], [...path, 'authority'], false);
    if (!sub && has(v, 'version') && this.string(v['version'], [...path, 'version'], 'version') && !VERSION.test(v['version'] as string))
      this.add('invalid_version', [...path, 'version'], `version must be 1.0.x, got "${v['version'] as string}"`);
    if (has(v, 'attachments')) this.attachments(v['attachments'], [...path, 'attachments']);
  }
}

/** The issues of one statement (empty when it follows the rules). */
export function validateStatement(statement: unknown, path: Path = []): LmsIssue[] {
  const c = new Checker();
  c.statement(statement, path);
  return c.issues;
}

/** The issues of a batch of statements (as POSTed to an LRS): each statement, and no id used twice. */
export function validateStatements(statements: unknown): LmsIssue[] {
  const c = new Checker();
  if (!Array.isArray(statements)) {
    c.add('invalid_type', [], `statements must be an array, not ${describe(statements)}`);
    return c.issues;
  }
  const seen = new Map<string, number>();
  statements.forEach((s, i) => {
    c.statement(s, [i]);
    const id = isObj(s) ? s['id'] : undefined;
    if (typeof id === 'string') {
      const first = seen.get(id.toLowerCase());
      if (first !== undefined) c.add('duplicate_id', [i, 'id'], `statement id ${id} is also used by statement ${first}`);
      else seen.set(id.toLowerCase(), i);
    }
  });
  return c.issues;
}
