/**
 * build/replacements/eventemitter2.js against eventemitter2, for the calls json-rules-engine makes: the
 * constructor through `Super.call(this)`, `on(type, listener)`, `emitAsync(type, ...args)`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
// @ts-expect-error: a plain .js build module without type declarations
import * as replacement from '../../build/replacements/eventemitter2.js';
import { resolveDotPath } from '../../packages/engine/src/level-fit/dot-path.ts';
import { loadJsonRulesEngine, originalDependency, runWorkload } from '../support/json-rules-engine.ts';

type Emitter = { on(type: string, fn: (...a: unknown[]) => unknown): Emitter; emitAsync(type: string, ...a: unknown[]): Promise<unknown[]> };
const Original = originalDependency('eventemitter2') as new () => Emitter;
const Replacement = (replacement as { default: new () => Emitter }).default;

/** A subclass as Babel compiles `class Engine extends EventEmitter`: the base is called, not constructed. */
function subclassOf(Base: new () => Emitter): new () => Emitter {
  function Sub(this: object) {
    (Base as unknown as (this: object) => void).call(this);
  }
  Sub.prototype = Object.create(Base.prototype, { constructor: { value: Sub } });
  return Sub as unknown as new () => Emitter;
}

// json-rules-engine emits 'success', 'failure' and the rule's event type (levelfit allows 'attained' and
// 'overlap'); 'error' is the one type eventemitter2 treats specially.
const TYPES = ['success', 'failure', 'attained', 'overlap', 'error'] as const;
const op = fc.oneof(
  fc.record({ kind: fc.constant('on' as const), type: fc.constantFrom(...TYPES), returns: fc.oneof(fc.integer(), fc.constant('throw'), fc.constant('reject')) }),
  fc.record({ kind: fc.constant('emit' as const), type: fc.constantFrom(...TYPES), args: fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(new Error('boom'))), { maxLength: 4 }) }),
);

async function play(Base: new () => Emitter, ops: { kind: string; type: string; returns?: unknown; args?: unknown[] }[]) {
  const log: unknown[] = [];
  const emitter = new (subclassOf(Base))();
  ops.forEach((o, n) => {
    if (o.kind === 'on') {
      emitter.on(o.type, function (this: { event?: string }, ...args: unknown[]) {
        log.push(['listener', n, this === emitter, this.event, args]);
        if (o.returns === 'throw') throw new Error(`listener ${n} threw`);
        if (o.returns === 'reject') {
          const rejected = Promise.reject(new Error(`listener ${n} rejected`));
          rejected.catch(() => {}); // when a later listener throws, nothing else ever awaits this one
          return rejected;
        }
        return o.returns;
      });
    }
  });
  for (const o of ops) {
    if (o.kind !== 'emit') continue;
    try {
      log.push(['resolved', await emitter.emitAsync(o.type, ...(o.args ?? []))]);
    } catch (err) {
      log.push(['rejected', err instanceof Error ? err.message : err]);
    }
  }
  return log;
}

test('listeners run with the same this, event and arguments; results, throws and rejections match', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
      assert.deepEqual(await play(Replacement, ops), await play(Original, ops));
    }),
    { seed: 0xe2, numRuns: 300 },
  );
});

test('on() refuses what is not a function, as eventemitter2 does', () => {
  for (const Base of [Original, Replacement]) {
    assert.throws(() => new (subclassOf(Base))().on('success', 'nope' as never), /on only accepts instances of Function/);
  }
});

test('json-rules-engine with the replacement runs rules and fires listeners exactly as with eventemitter2', async () => {
  const original = loadJsonRulesEngine();
  const replaced = loadJsonRulesEngine({ eventemitter2: replacement });
  for (const ratings of [{ care: 3, lead: 2 }, { care: 1, lead: 4 }, { care: 4 }, {}]) {
    const want = await runWorkload(original, { ratings }, { pathResolver: resolveDotPath });
    assert.ok(want.some((t) => Array.isArray(t) && /^engine /.test(String(t[0]))), 'the workload fires listeners');
    assert.deepEqual(await runWorkload(replaced, { ratings }, { pathResolver: resolveDotPath }), want);
  }
});
