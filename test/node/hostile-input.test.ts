/**
 * "Safe" functions never throw, whatever they are given: the documented maximum lengths (constants.ts LIMITS)
 * are checked before any regular expression, getters and Proxies that throw are reported as issues, and
 * options out of range are issues rather than silently all or nothing. Each case names the input an
 * adversarial pass found (issue 15); the same values join the fuzz suites (test/support/arbitraries.ts).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Scorm2004API } from 'scorm-again';
import {
  AssessmentError,
  assessMany,
  frameworks,
  LIMITS,
  quizzes,
  safeAssess,
  safeParseFramework,
  safeParseQuestionBank,
  scoreQuiz,
} from '../../packages/engine/src/index.ts';
import { createScormReporter, safeToXapiStatements, toXapiStatements, type XapiOptions } from '../../packages/engine/src/lms/index.ts';
import { main, type CliIo } from '../../packages/engine/src/cli/index.ts';
import { makeFramework } from '../support/factories.ts';

/** 10 MB of id groups that fail at the very end: V8's regex engine ran out of stack inside the id pattern. */
const REGEX_BOMB = `${'a-'.repeat(5_000_000)}A`;
const fw = () => structuredClone(makeFramework()) as ReturnType<typeof makeFramework> & Record<string, unknown>;

const codesAt = (issues: readonly { code: string; path: (string | number)[] }[]) => issues.map((i) => `${i.code} ${i.path.join('.')}`);

const throwingGetter = (target: object, key: string) =>
  Object.defineProperty(target, key, {
    enumerable: true,
    get() {
      throw new Error('hostile getter');
    },
  });
const PROXIES: Record<string, () => object> = {
  'ownKeys throws': () => new Proxy({}, { ownKeys: () => { throw new Error('ownKeys'); } }),
  'get throws': () => new Proxy({ ratings: {} }, { get: () => { throw new Error('get'); } }),
  revoked: () => {
    const r = Proxy.revocable({}, {});
    r.revoke();
    return r.proxy;
  },
  'throws a value whose message throws': () =>
    Object.defineProperty({}, 'ratings', {
      enumerable: true,
      get() {
        throw Object.defineProperty({}, 'message', { get: () => { throw new Error('message'); } });
      },
    }),
};

describe('maximum lengths, checked before any pattern', () => {
  test('the limits are documented numbers', () => {
    assert.deepEqual([LIMITS.idLength, LIMITS.pathLength, LIMITS.keyLength, LIMITS.stringLength], [100, 200, 200, 4000]);
  });

  for (const [where, set] of [
    ['id', (f: ReturnType<typeof fw>) => (f.id = REGEX_BOMB)],
    ['items.0.id', (f: ReturnType<typeof fw>) => (f.items[0]!.id = REGEX_BOMB)],
    ['levels.1.id', (f: ReturnType<typeof fw>) => (f.levels[1]!.id = REGEX_BOMB)],
    ['source.date', (f: ReturnType<typeof fw>) => (f.source.date = REGEX_BOMB)],
    ['$schema', (f: ReturnType<typeof fw>) => (f.$schema = REGEX_BOMB)],
    ['items.2.description', (f: ReturnType<typeof fw>) => (f.items[2]!.description = REGEX_BOMB)],
  ] as const) {
    test(`a 10 MB ${where}: too_big at that path, as an object and as JSON text`, () => {
      const f = fw();
      set(f);
      for (const input of [f, JSON.stringify(f)]) {
        const r = safeParseFramework(input);
        assert.equal(r.success, false);
        if (!r.success) assert.deepEqual(codesAt(r.issues), [`too_big ${where}`]);
      }
    });
  }

  test('a 10 MB rule path, and a key longer than the key limit', () => {
    const f = fw();
    (f.rules[0] as { conditions: unknown }).conditions = { all: [{ fact: 'ratings', path: REGEX_BOMB, operator: 'equal', value: 1 }] };
    const r = safeParseFramework(f);
    assert.ok(!r.success && r.issues.some((i) => i.code === 'too_big' && i.path.join('.') === 'rules.0.conditions.all.0.path'));
    const g = fw();
    (g.rules[0] as { event: { params?: Record<string, unknown> } }).event.params = { ['k'.repeat(LIMITS.keyLength + 1)]: 1 };
    const k = safeParseFramework(g);
    assert.ok(!k.success && k.issues.some((i) => i.code === 'too_big' && i.message.startsWith('a key longer than 200')));
  });

  test('ids and paths under the text limit but over their own: the length issue, and the pattern never runs', () => {
    const f = fw();
    f.id = `${'a-'.repeat(1000)}A`;
    (f.rules[0] as { conditions: unknown }).conditions = { all: [{ fact: 'ratings', path: 'a.'.repeat(150) + 'b', operator: 'equal', value: 1 }] };
    const r = safeParseFramework(f);
    assert.ok(!r.success);
    if (!r.success) {
      assert.deepEqual(r.issues.find((i) => i.path.join('.') === 'id')?.message, 'a framework id must be at most 100 characters');
      // one issue for the id: the pattern's message does not follow the length's
      assert.equal(r.issues.filter((i) => i.path.join('.') === 'id').length, 1);
    }
    const p = fw();
    (p.rules[0] as { conditions: unknown }).conditions = { all: [{ fact: 'ratings', path: 'a.'.repeat(150) + 'b', operator: 'equal', value: 1 }] };
    const pr = safeParseFramework(p);
    assert.ok(!pr.success && pr.issues.some((i) => i.message === 'a path longer than 200 characters'));
  });

  test('safeParseQuestionBank: a 10 MB bank id, question id or option id is too_big, not a RangeError', () => {
    const base = () => JSON.parse(JSON.stringify(quizzes['clinical-homecare-core']));
    for (const [where, set] of [
      ['id', (b: any) => (b.id = REGEX_BOMB)],
      ['questions.0.id', (b: any) => (b.questions[0].id = REGEX_BOMB)],
      ['questions.1.options.0.id', (b: any) => (b.questions[1].options[0].id = REGEX_BOMB)],
      ['reviewed', (b: any) => (b.reviewed = REGEX_BOMB)],
    ] as const) {
      const b = base();
      set(b);
      const r = safeParseQuestionBank(b, frameworks['clinical-homecare']);
      assert.ok(!r.success, where);
      if (!r.success) assert.deepEqual(codesAt(r.issues), [`too_big ${where}`]);
      const long = base();
      set(long);
      if (where !== 'reviewed') {
        const id = `${'a-'.repeat(1000)}A`;
        if (where === 'id') long.id = id;
        const s = safeParseQuestionBank(long);
        assert.ok(!s.success);
      }
    }
  });
});

describe('getters and Proxies that throw', () => {
  test('safeParseFramework: a throwing getter is reported at its path; each Proxy is reported, never thrown', () => {
    const f = throwingGetter(fw(), 'title');
    const r = safeParseFramework(f);
    assert.ok(!r.success);
    if (!r.success) assert.deepEqual(codesAt(r.issues), ['invalid_value title']);
    for (const [name, make] of Object.entries(PROXIES)) {
      const whole = safeParseFramework(make());
      assert.equal(whole.success, false, name);
      const inside = fw();
      (inside.items as unknown[])[3] = make();
      const r2 = safeParseFramework(inside);
      assert.equal(r2.success, false, name);
    }
  });

  test('safeParseQuestionBank: the same', () => {
    for (const [name, make] of Object.entries(PROXIES)) assert.equal(safeParseQuestionBank(make()).success, false, name);
    const b = throwingGetter(JSON.parse(JSON.stringify(quizzes['clinical-homecare-core'])), 'passMark');
    const r = safeParseQuestionBank(b);
    assert.ok(!r.success && r.issues.some((i) => i.path.join('.') === 'passMark'));
  });

  test('safeAssess resolves with an issue for hostile responses and options; a bad framework is issues under "framework"', async () => {
    const ch = frameworks['clinical-homecare'];
    for (const [name, make] of Object.entries(PROXIES)) {
      const r = await safeAssess(ch, make());
      assert.equal(r.success, false, name);
      if (!r.success) assert.equal(r.issues[0]!.code, 'invalid_value', name);
    }
    // options are read only for target and role: the Proxies and getters that throw there
    for (const options of [PROXIES['get throws']!(), PROXIES.revoked!(), throwingGetter({}, 'target'), throwingGetter({}, 'role')]) {
      const o = await safeAssess(ch, { ratings: {} }, options as never);
      assert.ok(!o.success && o.issues[0]!.code === 'invalid_value');
    }
    const ratings = throwingGetter({}, ch.items[0]!.id);
    assert.equal((await safeAssess(ch, { ratings })).success, false);
    const bad = await safeAssess({ id: 'x' } as never, { ratings: {} });
    assert.ok(!bad.success && bad.issues.every((i) => i.path[0] === 'framework'));
  });

  test('assessMany(fw, null) rejects with an AssessmentError; a hostile person is that person\'s issue', async () => {
    const ch = frameworks['clinical-homecare'];
    for (const people of [null, undefined, 42, { length: 3 }]) {
      await assert.rejects(assessMany(ch, people as never), (err) => err instanceof AssessmentError && err.issues[0]!.code === 'invalid_type');
    }
    const results = await assessMany(ch, [PROXIES['get throws']!(), { ratings: {} }, PROXIES['ownKeys throws']!(), PROXIES.revoked!()]);
    assert.deepEqual(
      results.map((r) => r.success),
      [false, true, false, false],
    );
  });
});

describe('LMS outputs: timestamps and mastery thresholds', async () => {
  const bank = quizzes['clinical-homecare-core'];
  const score = await scoreQuiz(bank, Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)])));
  const options: XapiOptions = {
    actor: { account: { homePage: 'https://lms.example.org', name: 'learner-1' } },
    activityBase: 'https://lms.example.org/levelfit/',
    timestamp: '2026-11-23T10:15:30.000Z',
  };

  test('an invalid Date as timestamp: toXapiStatements does not throw; safeToXapiStatements reports invalid_timestamp', () => {
    const bad = { ...options, timestamp: new Date('not a date') };
    assert.doesNotThrow(() => toXapiStatements(score, bank, bad));
    const r = safeToXapiStatements(score, bank, bad);
    assert.ok(!r.success && r.issues.some((i) => i.code === 'invalid_timestamp'));
    const text = safeToXapiStatements(score, bank, { ...options, timestamp: 'yesterday' });
    assert.ok(!text.success && text.issues.some((i) => i.code === 'invalid_timestamp'));
  });

  test('masteryThreshold NaN, below 0 or above 1 is an out_of_range issue; toXapiStatements then claims no item', () => {
    const achieved = (statements: { verb: { id: string } }[]) => statements.filter((s) => s.verb.id.endsWith('/achieved')).length;
    assert.ok(achieved(toXapiStatements(score, bank, options)) > 0, 'every answer right: items are achieved');
    for (const t of [NaN, -0.1, 1.5, -1, Infinity]) {
      const r = safeToXapiStatements(score, bank, { ...options, masteryThreshold: t });
      assert.ok(!r.success, String(t));
      if (!r.success) assert.deepEqual(codesAt(r.issues), ['out_of_range options.masteryThreshold']);
      assert.equal(achieved(toXapiStatements(score, bank, { ...options, masteryThreshold: t })), 0, String(t));
    }
    for (const t of [0, 0.5, 1]) assert.ok(safeToXapiStatements(score, bank, { ...options, masteryThreshold: t }).success, String(t));
  });

  test('safeToXapiStatements with hostile options or result: issues, never a throw', () => {
    for (const [name, make] of Object.entries(PROXIES)) {
      assert.equal(safeToXapiStatements(score, bank, make() as never).success, false, name);
      assert.equal(safeToXapiStatements(make() as never, bank, options).success, false, name);
    }
  });

  test('SCORM report with masteryThreshold out of range: an issue and nothing written', () => {
    const api = new Scorm2004API({ logLevel: 5 });
    const reporter = createScormReporter(api as never, { masteryThreshold: NaN });
    assert.ok(reporter.start().ok);
    const out = reporter.report(score, bank);
    assert.equal(out.ok, false);
    assert.deepEqual(codesAt(out.issues), ['out_of_range options.masteryThreshold']);
    assert.equal(api.GetValue('cmi.score.scaled'), '');
  });
});

describe('levelfit validate with a hostile file first', () => {
  test('a.json with a 10 MB id does not stop b.json being validated', async () => {
    const hostile = fw();
    hostile.id = REGEX_BOMB;
    const files: Record<string, string> = { 'a.json': JSON.stringify(hostile), 'b.json': JSON.stringify(makeFramework()), 'c.json': '['.repeat(200_000) };
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => void out.push(l), err: (l) => void err.push(l), readFile: (p) => files[p]! };
    const code = await main(['validate', 'a.json', 'c.json', 'b.json'], io);
    assert.equal(code, 1);
    assert.deepEqual(out, ['b.json: valid (tiny: 3 levels, 18 items)']);
    assert.match(err[0]!, /^a\.json: id: text longer than 4000 characters \(10000001\) \[too_big\]$/);
    assert.match(err[1]!, /^c\.json: \(root\): not valid JSON/);
  });
});
