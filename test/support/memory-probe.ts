/**
 * Run by test/node/cache-memory.test.ts in its own process with --expose-gc: assesses PEOPLE seeded people on a
 * framework within every documented limit that makes the rule-outcome cache work hardest (2,000 items, one
 * `attained` rule with one `{fact: "ratings", path: <item>}` condition per item), and prints the heap used
 * after a full collection before and after, as JSON.
 */
import { assess, parseFramework } from '../../packages/engine/src/index.ts';
import { seededRandom } from '../../packages/engine/src/quiz/arrange.ts';

const ITEMS = 2000;
const PEOPLE = Number(process.argv[2] ?? 20_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const rand = seededRandom(20261202);

const ids = Array.from({ length: ITEMS }, (_, i) => `item-${i}`);
const framework = parseFramework({
  id: 'wide',
  title: 'Wide',
  version: '1',
  source: { title: 'Synthetic', publisher: null, date: null },
  scale: { met: 2, values: [0, 1, 2, 3].map((value) => ({ value, label: `R${value}` })) },
  levels: [{ id: 'one', title: 'One', descriptor: [], roles: [] }],
  items: ids.map((id) => ({ id, title: `Item ${id}`, kind: 'competence', levels: ['one'] })),
  rules: [
    {
      conditions: { all: ids.map((id) => ({ fact: 'ratings', path: id, operator: 'greaterThanInclusive', value: 1 })) },
      event: { type: 'attained' },
    },
  ],
});

/** Ratings that mostly pass, each person different, so nearly every person is a new cache entry. */
const person = () => {
  const ratings: Record<string, number> = {};
  for (const id of ids) ratings[id] = rand() < 0.002 ? 0 : 1 + Math.floor(rand() * 3);
  return { ratings };
};

for (let i = 0; i < 50; i++) await assess(framework, person());
gc();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
let attained = 0;
for (let i = 0; i < PEOPLE; i++) if ((await assess(framework, person())).bestFit) attained++;
const ms = performance.now() - started;
gc();
const after = process.memoryUsage().heapUsed;
console.log(JSON.stringify({ people: PEOPLE, before, after, growth: after - before, msPerPerson: ms / PEOPLE, attained }));
