/**
 * dist/levelfit.lms.min.js, the LMS code as one browser file: it exports exactly what `@levelfit/engine/lms`
 * exports, imports nothing, and gives the same xAPI statements and validation results as the package source.
 * Needs `npm run build` (which `npm test` runs before the node tests).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { quizzes, scoreQuiz } from '../../packages/engine/src/index.ts';
import * as lms from '../../packages/engine/src/lms/index.ts';
import { ROOT } from '../support/factories.ts';

const file = join(ROOT, 'dist/levelfit.lms.min.js');
const missing = !existsSync(file) && 'no dist/levelfit.lms.min.js (run npm run build)';

test('the bundle exports what @levelfit/engine/lms exports and imports nothing', { skip: missing }, async () => {
  const bundle = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(bundle).sort(), Object.keys(lms).sort());
  assert.doesNotMatch(readFileSync(file, 'utf8'), /(^|[;}])\s*import\s*[\w{*'"]/m, 'a self-contained file');
});

test('the bundle makes the same statements, validation and SCORM values as the source', { skip: missing }, async () => {
  const bundle = (await import(pathToFileURL(file).href)) as typeof lms;
  const bank = quizzes['clinical-homecare-core'];
  const answers = Object.fromEntries(bank.questions.map((q, i) => [q.id, q.options.filter((o) => (i % 3 === 0 ? !o.correct : o.correct)).slice(0, 1).map((o) => o.id)]));
  const score = await scoreQuiz(bank, answers);
  const registration = '3f1c2a8e-5b7d-4c1e-9a2b-6d8e0f1a2b3c';
  const options = (m: typeof lms) => ({
    actor: { account: { homePage: 'https://lms.example.org', name: 'learner-1' } },
    activityBase: 'https://lms.example.org/levelfit/',
    registration,
    timestamp: '2026-11-23T10:15:30.000Z',
    idFactory: m.deterministicIds(registration),
  });
  const want = lms.toXapiStatements(score, bank, options(lms));
  assert.ok(want.length > 2);
  assert.deepEqual(bundle.toXapiStatements(score, bank, options(bundle)), want);
  assert.deepEqual(bundle.validateStatements(want), lms.validateStatements(want));
  const broken = [{ ...want[0], verb: { id: 'not an IRI' } }];
  assert.deepEqual(bundle.validateStatements(broken as never), lms.validateStatements(broken as never));
  assert.ok(lms.validateStatements(broken as never).length > 0);
});
