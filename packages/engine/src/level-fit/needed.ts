/**
 * What must change, per level: every required competence not yet met, and how many more of the unmet
 * statements (indicators) are needed, from the framework's own rules.
 *
 * The number of statements is read from the `attained` rule when the rule says it plainly: one rule, an `all`
 * of a "no competence missing" condition and at most one threshold on the indicators (a share or a count).
 * The smallest number that reaches the threshold is then found by the same sums the facts use, so it can never
 * disagree with what the rules decide. Any other rule (a rule per level, an `any`, per-kind or per-item facts,
 * a custom operator) is searched instead: with every competence met, the statements are met one at a time,
 * closest first, and the real rules engine says when the level is attained. When no number of statements is
 * enough (the rule asks for something else as well), every unmet statement is listed as needed.
 */
import type { CompiledFramework, LevelPlan } from '../framework/compile.js';
import type { Condition } from '../framework/schema.js';
import { itemFacts, levelFacts } from './facts.js';
import type { Prepared } from './responses.js';
import { evaluateLevel, type LevelOutcome } from './rules.js';
import type { FitItem, Needed } from './types.js';

/** A statement threshold read from the rule: a share of the required statements, or a count. */
interface Threshold {
  fact: 'indicatorCoverage' | 'indicatorsMet';
  strict: boolean;
  value: number;
}

/** How the `attained` rule reads: a threshold (null when it sets none), or 'search' when it cannot be read. */
type Reading = { threshold: Threshold | null } | 'search';

const readings = new WeakMap<CompiledFramework, Reading>();

function isLeaf(c: Condition): c is Extract<Condition, { fact: string }> {
  return !('all' in c) && !('any' in c) && !('not' in c);
}

/** "No competence missing", in the ways a rule author writes it. */
function isAllCompetences(leaf: { fact: string; operator: string; value: unknown }): boolean {
  const { fact, operator: op, value: v } = leaf;
  if (fact === 'competencesMissing') return (op === 'equal' || op === 'lessThanInclusive') && v === 0 ? true : op === 'lessThan' && v === 1;
  if (fact === 'competenceCoverage') return (op === 'equal' || op === 'greaterThanInclusive') && v === 1;
  return false;
}

function readRule(c: CompiledFramework): Reading {
  const rules = c.framework.rules.filter((r) => r.event.type === 'attained');
  if (rules.length !== 1) return 'search';
  const cond = rules[0]!.conditions;
  const leaves = 'all' in cond ? cond.all : [cond];
  let competences = false;
  let threshold: Threshold | null = null;
  for (const leaf of leaves) {
    if (!isLeaf(leaf) || leaf.path !== undefined || (leaf as { params?: unknown }).params !== undefined) return 'search';
    if (isAllCompetences(leaf)) {
      competences = true;
      continue;
    }
    const strict = leaf.operator === 'greaterThan';
    if (threshold || typeof leaf.value !== 'number' || !(strict || leaf.operator === 'greaterThanInclusive')) return 'search';
    if (leaf.fact !== 'indicatorCoverage' && leaf.fact !== 'indicatorsMet') return 'search';
    threshold = { fact: leaf.fact, strict, value: leaf.value };
  }
  return competences ? { threshold } : 'search';
}

function reading(c: CompiledFramework): Reading {
  let r = readings.get(c);
  if (r === undefined) {
    r = readRule(c);
    readings.set(c, r);
  }
  return r;
}

/** Closest first: the higher rating first, then framework order (the item index). */
const closestFirst = (a: FitItem & { at: number }, b: FitItem & { at: number }) => b.rating - a.rating || a.at - b.at;

function unmet(c: CompiledFramework, p: Prepared, list: readonly number[]): (FitItem & { at: number })[] {
  const out: (FitItem & { at: number })[] = [];
  for (const i of list) {
    if (!p.met[i] && !c.optional[i]) out.push({ id: c.ids[i]!, title: c.titles[i]!, kind: c.kinds[i]!, rating: p.ratings[i]!, at: i });
  }
  return out.sort(closestFirst);
}

const strip = ({ at: _at, ...item }: FitItem & { at: number }): FitItem => item;
const EMPTY: Needed = Object.freeze({ competences: Object.freeze([]) as unknown as FitItem[], indicators: Object.freeze({ need: 0, from: Object.freeze([]) as unknown as FitItem[] }) });

/** The fewest more statements that reach the threshold, by the sums facts.ts uses; -1 when none is enough. */
function needFromThreshold(t: Threshold, met: number, required: number, available: number): number {
  for (let n = 0; n <= available; n++) {
    const total = met + n;
    const value = t.fact === 'indicatorsMet' ? total : required === 0 ? 1 : total / required;
    if (t.strict ? value > t.value : value >= t.value) return n;
  }
  return -1;
}

/** The level's facts with every competence met and the first `k` of `from` met: what the rules would see. */
function factsWith(c: CompiledFramework, p: Prepared, plan: LevelPlan, from: readonly { at: number }[], k: number) {
  const met = p.met.slice();
  for (const i of plan.core) met[i] = 1;
  for (let n = 0; n < k; n++) met[from[n]!.at] = 1;
  const shared = c.needsItemFacts ? itemFacts(c, p.ratings.map((r, i) => (met[i] && !p.met[i] ? Math.max(r, c.framework.scale.met) : r)), met) : undefined;
  return levelFacts(c, plan, met, shared);
}

const attainedBy = (o: LevelOutcome | Promise<LevelOutcome>): boolean | Promise<boolean> => (o instanceof Promise ? o.then((x) => x.attained) : o.attained);

/** The smallest k for which the rules attain the level, searched with the rules engine itself. */
async function searchNeed(c: CompiledFramework, p: Prepared, plan: LevelPlan, from: readonly { at: number }[]): Promise<number> {
  for (let k = 0; k <= from.length; k++) {
    if (await attainedBy(evaluateLevel(c, factsWith(c, p, plan, from, k)))) return k;
  }
  return from.length;
}

/**
 * `needed` for every level (empty when attained). Synchronous when the framework's rule can be read; a
 * promise when a level has to be searched and a rule outcome is not cached yet.
 */
export function neededAll(p: Prepared, outcomes: readonly LevelOutcome[]): Needed[] | Promise<Needed[]> {
  const { c } = p;
  const r = reading(c);
  const out: (Needed | Promise<Needed>)[] = c.levels.map((plan, l) => {
    if (outcomes[l]!.attained) return EMPTY;
    const competences = unmet(c, p, plan.core).map(strip);
    const from = unmet(c, p, plan.indicators);
    const f = p.facts[l]!;
    if (r !== 'search') {
      let need = r.threshold ? needFromThreshold(r.threshold, f.indicatorsMet, f.indicatorsRequired, from.length) : 0;
      if (need < 0) need = from.length;
      return { competences, indicators: { need, from: from.map(strip) } };
    }
    return searchNeed(c, p, plan, from).then((need) => ({ competences, indicators: { need, from: from.map(strip) } }));
  });
  return out.some((n) => n instanceof Promise) ? Promise.all(out) : (out as Needed[]);
}

/** For tests: whether `c`'s attained rule is read ('read') or searched ('search'). */
export function neededPath(c: CompiledFramework): 'read' | 'search' {
  return reading(c) === 'search' ? 'search' : 'read';
}
