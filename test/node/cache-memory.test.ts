/**
 * Memory stays bounded whatever the framework: on a framework within every documented limit whose rules read
 * 2,000 per-item facts (test/support/memory-probe.ts), each person used to add about 0.7 MB to the rule-outcome
 * cache. The caches are now bounded by an estimate of their size, so the heap after many people, after a full
 * collection, is no more than a fixed bound above the heap before them. The probe runs in its own process with
 * --expose-gc. 1,000 people by default (each is a cache miss on 2,000 conditions, so slow on a shared machine);
 * LEVELFIT_MEMORY_PEOPLE=20000 runs the full figure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CACHE_BYTES } from '../../packages/engine/src/level-fit/rules.ts';

const PEOPLE = Number(process.env.LEVELFIT_MEMORY_PEOPLE ?? 1000);
const BOUND = 64 * 2 ** 20;

test(`${PEOPLE} people on a 2,000-item framework with one per-item condition each: heap growth under ${BOUND / 2 ** 20} MB`, () => {
  assert.ok(CACHE_BYTES <= BOUND / 2, 'the outcome cache bound leaves room for the sentence cache');
  const probe = fileURLToPath(new URL('../support/memory-probe.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe, String(PEOPLE)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { people: number; growth: number; attained: number };
  assert.equal(r.people, PEOPLE);
  assert.ok(r.attained > 0 && r.attained < PEOPLE, `some people attain the level and some do not (${r.attained})`);
  assert.ok(r.growth < BOUND, `heap grew by ${(r.growth / 2 ** 20).toFixed(1)} MB over ${PEOPLE} people`);
});
