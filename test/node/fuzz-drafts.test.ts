/**
 * Fuzzing the draft loader (issue #5): whatever string storage hands back, `loadDraft` never throws and returns either a draft or a structured "set aside" outcome that keeps the raw
 * string byte for byte; a loaded draft only holds answers the framework can take; and valid answers are never
 * lost: next to junk (unknown ids, `__proto__` keys, off-scale numbers, extra fields, an older envelope) every
 * valid answer comes back exactly, and the junk is listed as dropped.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { frameworks, parseFramework, type Framework } from '../../packages/engine/src/index.ts';
import {
  DRAFT_VERSION,
  SET_ASIDE_REASONS,
  createDraft,
  draftTargetOf,
  loadDraft,
  serializeDraft,
  type DraftOutcome,
} from '../../packages/elements/src/drafts/envelope.ts';
import { makeFramework } from '../support/factories.ts';
import { BUILDERS, HOSTILE_STRINGS, hostileText, hostileValue, materialize, toJsonText, type HostileValue } from '../support/arbitraries.ts';
import { runProperty, stopWatchdog, type CaseCounter } from '../support/fuzz-harness.ts';

after(stopWatchdog);

const FRAMEWORKS: Record<string, Framework> = {
  tiny: parseFramework(makeFramework()),
  'clinical-homecare': frameworks['clinical-homecare'],
};
const frameworkName = fc.constantFrom(...Object.keys(FRAMEWORKS));
const reasons: ReadonlySet<string> = new Set(SET_ASIDE_REASONS);

/** The outcome's shape, and that a loaded draft holds only answers the framework can take. */
function assertOutcome(fw: Framework, raw: string, outcome: DraftOutcome, what: string): void {
  switch (outcome.kind) {
    case 'empty':
      assert.equal(raw, '', `${what}: only an empty string is empty`);
      return;
    case 'set-aside':
      assert.ok(reasons.has(outcome.reason), `${what}: set-aside reason ${outcome.reason}`);
      assert.ok(outcome.raw === raw, `${what}: the set-aside outcome keeps the raw string byte for byte`);
      assert.ok(typeof outcome.detail === 'string' && outcome.detail.length > 0, `${what}: set-aside detail`);
      assert.ok(outcome.savedAt === null || typeof outcome.savedAt === 'string', `${what}: savedAt`);
      return;
    case 'loaded':
    case 'migrated': {
      const d = outcome.draft;
      assert.equal(d.v, DRAFT_VERSION, `${what}: current envelope version`);
      assert.equal(d.frameworkId, fw.id, `${what}: framework id`);
      assert.ok(Number.isInteger(d.step) && d.step >= 0, `${what}: step`);
      assert.ok(d.role === null || fw.levels.some((l) => l.roles.includes(d.role!)), `${what}: role is listed`);
      const items = new Set(fw.items.map((i) => i.id));
      const scale = new Set(fw.scale.values.map((v) => v.value));
      for (const [id, value] of Object.entries(d.responses.ratings)) {
        assert.ok(items.has(id) && scale.has(value), `${what}: a loaded rating is a known item on the scale (${id.slice(0, 40)})`);
      }
      if (outcome.kind === 'migrated') assert.ok(outcome.dropped.every((id) => typeof id === 'string'), `${what}: dropped ids`);
      return;
    }
    default:
      assert.fail(`${what}: unknown outcome ${JSON.stringify(outcome).slice(0, 100)}`);
  }
}

/** loadDraft on one raw string: never throws, and a loaded draft, saved again, reloads unchanged. */
function checkLoad(fw: Framework, raw: string, what: string, count: CaseCounter): DraftOutcome {
  count.payload();
  const target = draftTargetOf(fw);
  let outcome: DraftOutcome;
  try {
    outcome = count.time(() => loadDraft(raw, target));
  } catch (err) {
    assert.fail(`${what}: the draft loader threw ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 300)}`);
  }
  assertOutcome(fw, raw, outcome, what);
  if (outcome.kind === 'loaded' || outcome.kind === 'migrated') {
    const again = count.time(() => loadDraft(serializeDraft(outcome.draft), target));
    count.payload();
    assert.ok(again.kind === 'loaded' || again.kind === 'migrated', `${what}: a loaded draft, saved again, loads (${again.kind})`);
    assert.deepEqual(again.draft, outcome.draft, `${what}: … as the same draft`);
    if (again.kind === 'migrated') assert.deepEqual(again.dropped, [], `${what}: … dropping nothing`);
  }
  return outcome;
}

/** An envelope-shaped object with some fields replaced by hostile values. */
function envelopeArb(fw: Framework): fc.Arbitrary<{ fields: Record<string, HostileValue | undefined>; base: Record<string, unknown> }> {
  const base = JSON.parse(
    serializeDraft(createDraft(fw, { ratings: { [fw.items[0]!.id]: fw.scale.met }, step: 1, role: null }, new Date(Date.UTC(2025, 0, 2)))),
  ) as Record<string, unknown>;
  const keys = ['v', 'frameworkId', 'frameworkVersion', 'savedAt', 'revision', 'writer', 'responses', 'step', 'role', '__proto__', 'extra'];
  return fc
    .dictionary(fc.constantFrom(...keys), fc.option(hostileValue(false), { nil: undefined }), { maxKeys: 4 })
    .map((fields) => ({ fields, base }));
}

function envelopeText(e: { fields: Record<string, HostileValue | undefined>; base: Record<string, unknown> }): string {
  const doc: Record<string, unknown> = { ...e.base };
  for (const [k, h] of Object.entries(e.fields)) {
    if (h === undefined) delete doc[k];
    else Object.defineProperty(doc, k, { value: materialize(h), enumerable: true, writable: true, configurable: true });
  }
  return toJsonText(doc);
}

describe('fuzz: the draft loader', () => {
  test('arbitrary strings from storage: a draft or a structured set-aside, never a throw', async () => {
    const raw = fc.oneof(
      { weight: 3, arbitrary: hostileText() },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    );
    const arb = fc.oneof(
      fc.record({ name: frameworkName, raw }).map(({ name, raw }) => ({ name, raw: () => raw, desc: raw.slice(0, 200) })),
      frameworkName.chain((name) =>
        envelopeArb(FRAMEWORKS[name]!).map((e) => ({ name, raw: () => envelopeText(e), desc: e.fields })),
      ),
    );
    await runProperty(
      'drafts/arbitrary-strings',
      arb,
      ({ name, raw }, count) => {
        checkLoad(FRAMEWORKS[name]!, raw(), name, count);
      },
      {
        seed: 0x5eed21,
        numRuns: 800,
        examples: [
          [{ name: 'tiny', raw: () => '{"v":2,"__proto__":{"polluted":1}}', desc: 'proto' }],
          [{ name: 'tiny', raw: () => toJsonText(BUILDERS['deep-object']()), desc: 'deep' }],
          [{ name: 'tiny', raw: () => `{"v":1,"frameworkId":"tiny","frameworkVersion":"1.0","savedAt":"${'2020-01'.repeat(1)}","responses":{"ratings":{"__proto__":2,"constructor":2}},"step":0,"role":null}`, desc: 'v1 proto ratings' }],
        ],
      },
    );
  });

  test('valid answers are never lost next to junk (unknown ids, __proto__ keys, off-scale numbers, older envelopes)', async () => {
    const arb = frameworkName.chain((name) => {
      const fw = FRAMEWORKS[name]!;
      const ids = fw.items.map((i) => i.id);
      const scale = fw.scale.values.map((v) => v.value);
      const roles = fw.levels.flatMap((l) => l.roles);
      return fc.record({
        name: fc.constant(name),
        valid: fc.dictionary(fc.constantFrom(...ids), fc.constantFrom(...scale), { maxKeys: ids.length }),
        junkIds: fc.uniqueArray(
          fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'no-such-item', ...HOSTILE_STRINGS), fc.string({ maxLength: 10 })),
          { maxLength: 5 },
        ),
        offScale: fc.array(fc.tuple(fc.constantFrom(...ids), fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double({ noNaN: true, noDefaultInfinity: true }))), { maxLength: 4 }),
        nonNumber: fc.option(fc.tuple(fc.constantFrom(...ids), fc.constantFrom<unknown>('2', null, true, [2], { value: 2 })), { nil: undefined }),
        role: fc.option(fc.constantFrom(...roles, 'Not A Role'), { nil: null }),
        step: fc.nat({ max: 12 }),
        v1: fc.boolean(),
        extraField: fc.option(fc.constantFrom('extra', 'constructor', '__proto__'), { nil: undefined }),
      });
    });
    await runProperty(
      'drafts/valid-answers-kept',
      arb,
      ({ name, valid, junkIds, offScale, nonNumber, role, step, v1, extraField }, count) => {
        const fw = FRAMEWORKS[name]!;
        const items = new Set(fw.items.map((i) => i.id));
        const scale = new Set(fw.scale.values.map((v) => v.value));
        const draft = createDraft(fw, { ratings: valid, step, role }, new Date(Date.UTC(2025, 5, 1)), { revision: 3, writer: 'tab' }) as unknown as Record<string, unknown>;
        const ratings = { ...valid } as Record<string, unknown>;
        const junk: string[] = [];
        const put = (id: string, value: unknown) => {
          Object.defineProperty(ratings, id, { value, enumerable: true, writable: true, configurable: true });
        };
        for (const id of junkIds) {
          if (items.has(id) || Object.prototype.hasOwnProperty.call(ratings, id)) continue;
          put(id, fw.scale.met);
          junk.push(id);
        }
        for (const [id, value] of offScale) {
          if (Object.prototype.hasOwnProperty.call(valid, id) || scale.has(value) || junk.includes(id)) continue;
          put(id, value);
          junk.push(id);
        }
        if (nonNumber && !Object.prototype.hasOwnProperty.call(ratings, nonNumber[0])) {
          put(nonNumber[0], nonNumber[1]);
          junk.push(nonNumber[0]);
        }
        draft.responses = { ratings };
        if (v1) {
          draft.v = 1;
          delete draft.revision;
          delete draft.writer;
        }
        if (extraField) Object.defineProperty(draft, extraField, { value: { polluted: 1 }, enumerable: true, writable: true, configurable: true });
        const raw = JSON.stringify(draft);
        const outcome = checkLoad(fw, raw, `${name} draft`, count);
        assert.ok(outcome.kind === 'loaded' || outcome.kind === 'migrated', `${name}: a draft with junk still loads (${outcome.kind}: ${'detail' in outcome ? outcome.detail : ''})`);
        assert.deepEqual({ ...outcome.draft.responses.ratings }, { ...valid }, `${name}: every valid answer comes back, and nothing else`);
        const dropped = outcome.kind === 'migrated' ? outcome.dropped : [];
        assert.deepEqual([...dropped].sort(), [...junk].sort(), `${name}: the junk is listed as dropped`);
        assert.equal(outcome.draft.step, step, `${name}: step kept`);
        assert.equal(outcome.draft.role, role !== null && fw.levels.some((l) => l.roles.includes(role)) ? role : null, `${name}: role kept when listed`);
      },
      {
        seed: 0x5eed22,
        numRuns: 500,
        examples: [
          [
            {
              name: 'tiny',
              valid: { 'work-safely': 2, 'mentor-others': 3 },
              junkIds: ['__proto__', 'constructor'],
              offScale: [['lead-change', 7]],
              nonNumber: undefined,
              role: null,
              step: 2,
              v1: true,
              extraField: '__proto__',
            },
          ],
        ],
      },
    );
  });
});
