/**
 * Baselines the engine is measured against, in the same run:
 *  - a plain-loop scorer written directly in JS from the framework JSON (the default rules hard-coded);
 *  - a naive json-rules-engine usage: one Engine, one `attained` and one `overlap` rule per level with the
 *    raw conditions, each fact a dynamic fact recomputed from the runtime `ratings` fact.
 */
import { Engine } from 'json-rules-engine';

/** The default rules (data/README.md); the baselines assume them, so refuse any other framework rules. */
export const ATTAINED_SHARE = 0.75;
export const OVERLAP_SHARE = 0.25;
const DEFAULT_RULES = [
  {
    name: 'attained',
    conditions: {
      all: [
        { fact: 'competencesMissing', operator: 'equal', value: 0 },
        { fact: 'indicatorCoverage', operator: 'greaterThanInclusive', value: ATTAINED_SHARE },
      ],
    },
    event: { type: 'attained' },
  },
  {
    name: 'overlap',
    conditions: {
      any: [
        { fact: 'indicatorCoverage', operator: 'greaterThanInclusive', value: OVERLAP_SHARE },
        { fact: 'addedCompetencesMet', operator: 'greaterThanInclusive', value: 1 },
      ],
    },
    event: { type: 'overlap' },
  },
];

export function assertDefaultRules(fw) {
  if (JSON.stringify(fw.rules) !== JSON.stringify(DEFAULT_RULES)) {
    throw new Error(`${fw.id}: the baselines hard-code the default rules, but this framework has others`);
  }
}

/** Index lists per level, derived from the JSON as data/README.md describes (independent of the engine). */
export function levelPlans(fw) {
  const plans = fw.levels.map((l) => ({ id: l.id, core: [], indicators: [], optional: [], added: [] }));
  const byId = new Map(fw.levels.map((l, i) => [l.id, i]));
  fw.items.forEach((item, i) => {
    for (const id of item.levels) {
      const plan = plans[byId.get(id)];
      (item.kind === 'indicator' ? plan.indicators : plan.core).push(i);
      // an optional ("may") indicator counts when met and leaves the count when not
      if (item.kind === 'indicator' && item.optional === true) plan.optional.push(i);
    }
  });
  plans.forEach((plan, l) => {
    const below = new Set(l > 0 ? plans[l - 1].core : []);
    plan.added = plan.core.filter((i) => !below.has(i));
  });
  return plans;
}

/**
 * The plain loop: one pass to mark items met, one counting loop per level. Returns bestFit, overlap
 * ({from, to}) and per level attained and the three coverage shares. No validation, no explanation, no lists.
 */
export function makePlainScorer(fw) {
  assertDefaultRules(fw);
  const ids = fw.items.map((item) => item.id);
  const n = ids.length;
  const metAt = fw.scale.met;
  const plans = levelPlans(fw).map((p) => ({
    id: p.id,
    core: Int32Array.from(p.core),
    indicators: Int32Array.from(p.indicators),
    optional: Int32Array.from(p.optional),
    added: Int32Array.from(p.added),
  }));
  const L = plans.length;
  const met = new Uint8Array(n);
  const overlapRule = new Uint8Array(L);
  const count = (list) => {
    let k = 0;
    for (let j = 0; j < list.length; j++) k += met[list[j]];
    return k;
  };
  return function score(person) {
    const ratings = person.ratings;
    for (let i = 0; i < n; i++) {
      const v = ratings[ids[i]];
      met[i] = v !== undefined && v >= metAt ? 1 : 0;
    }
    const levels = new Array(L);
    let best = -1;
    for (let l = 0; l < L; l++) {
      const p = plans[l];
      const cm = count(p.core);
      const im = count(p.indicators);
      const am = count(p.added);
      const nc = p.core.length;
      const ni = p.indicators.length - p.optional.length + count(p.optional);
      const indicatorCoverage = ni === 0 ? 1 : im / ni;
      const attained = cm === nc && indicatorCoverage >= ATTAINED_SHARE;
      if (attained) best = l;
      overlapRule[l] = indicatorCoverage >= OVERLAP_SHARE || am >= 1 ? 1 : 0;
      levels[l] = {
        level: p.id,
        attained,
        competenceCoverage: nc === 0 ? 1 : cm / nc,
        indicatorCoverage,
        coverage: nc + ni === 0 ? 1 : (cm + im) / (nc + ni),
      };
    }
    const next = best + 1;
    const overlap = best >= 0 && next < L && overlapRule[next] === 1 ? { from: plans[best].id, to: plans[next].id } : null;
    return { bestFit: best >= 0 ? plans[best].id : null, overlap, levels };
  };
}

/**
 * json-rules-engine used naively: 2 rules per level, conditions as written in the framework with a
 * `params: { level }` added, and every fact a dynamic fact that recounts from the runtime `ratings` fact.
 * `assessNaive(person)` resolves to { bestFit, overlap: {from, to} | null, attained: boolean[] }.
 */
export function makeNaiveJre(fw) {
  assertDefaultRules(fw);
  const plans = levelPlans(fw);
  const ids = fw.items.map((item) => item.id);
  const metAt = fw.scale.met;
  const engine = new Engine([], { allowUndefinedFacts: false });
  const withLevel = (cond, level) =>
    cond.all
      ? { all: cond.all.map((c) => withLevel(c, level)) }
      : cond.any
        ? { any: cond.any.map((c) => withLevel(c, level)) }
        : { ...cond, params: { level } };
  plans.forEach((_, level) => {
    for (const rule of fw.rules) {
      engine.addRule({ name: `${rule.name}-${level}`, conditions: withLevel(rule.conditions, level), event: { type: rule.event.type, params: { level } } });
    }
  });
  const metCount = async (list, almanac) => {
    const ratings = await almanac.factValue('ratings');
    let k = 0;
    for (const i of list) if ((ratings[ids[i]] ?? 0) >= metAt) k++;
    return k;
  };
  engine.addFact('competencesMissing', async (params, almanac) => plans[params.level].core.length - (await metCount(plans[params.level].core, almanac)));
  engine.addFact('indicatorCoverage', async (params, almanac) => {
    const { indicators, optional } = plans[params.level];
    const required = indicators.length - optional.length + (await metCount(optional, almanac));
    return required === 0 ? 1 : (await metCount(indicators, almanac)) / required;
  });
  engine.addFact('addedCompetencesMet', (params, almanac) => metCount(plans[params.level].added, almanac));
  return async function assessNaive(person) {
    const { events } = await engine.run({ ratings: person.ratings });
    const attained = plans.map(() => false);
    const overlapRule = plans.map(() => false);
    for (const e of events) (e.type === 'attained' ? attained : overlapRule)[e.params.level] = true;
    const best = attained.lastIndexOf(true);
    const next = best + 1;
    const overlap = best >= 0 && next < plans.length && overlapRule[next] ? { from: plans[best].id, to: plans[next].id } : null;
    return { bestFit: best >= 0 ? plans[best].id : null, overlap, attained };
  };
}
