/**
 * The facts: what json-rules-engine sees for one level of one person. Counts of what the level requires and
 * what is met (competences, indicators, the competences a level adds to the one below), their shares, and,
 * only when a rule reads them, per-kind counts and per-item ratings. Documented for framework authors in
 * data/README.md; the names are `NUMERIC_FACTS` and `OBJECT_FACTS` in constants.ts.
 */
import type { ItemKind } from '../constants.js';
import type { CompiledFramework, LevelPlan } from '../framework/compile.js';

export interface KindFacts {
  required: number;
  met: number;
  coverage: number;
}

/** The facts json-rules-engine sees for one level (documented in data/README.md). */
export interface LevelFacts {
  level: string;
  levelIndex: number;
  coverage: number;
  competenceCoverage: number;
  competencesRequired: number;
  competencesMet: number;
  competencesMissing: number;
  indicatorCoverage: number;
  indicatorsRequired: number;
  indicatorsMet: number;
  addedCompetences: number;
  addedCompetencesMet: number;
  kinds?: Partial<Record<ItemKind, KindFacts>>;
  ratings?: Record<string, number>;
  met?: Record<string, boolean>;
}

const ratio = (met: number, required: number) => (required === 0 ? 1 : met / required);

function countMet(indices: readonly number[], met: Uint8Array): number {
  let n = 0;
  for (let k = 0; k < indices.length; k++) n += met[indices[k]!]!;
  return n;
}

/** Per-item facts, built once per assessment and only when a rule reads them. */
export interface ItemFacts {
  ratings: Record<string, number>;
  met: Record<string, boolean>;
}

export function itemFacts(c: CompiledFramework, ratings: Uint8Array, met: Uint8Array): ItemFacts {
  const r: Record<string, number> = {};
  const m: Record<string, boolean> = {};
  c.items.forEach((item, i) => {
    r[item.id] = ratings[i]!;
    m[item.id] = met[i] === 1;
  });
  return { ratings: r, met: m };
}

/** The facts only some rules read: per-kind counts (when a rule reads `kinds`) and the per-item `ratings`/`met`. */
function addOptionalFacts(c: CompiledFramework, plan: LevelPlan, met: Uint8Array, shared: ItemFacts | undefined, facts: LevelFacts): void {
  if (c.needsKinds) {
    const kinds: Partial<Record<ItemKind, KindFacts>> = {};
    for (const [kind, list] of plan.byKind) {
      const n = countMet(list, met);
      kinds[kind] = { required: list.length, met: n, coverage: ratio(n, list.length) };
    }
    facts.kinds = kinds;
  }
  if (shared) {
    facts.ratings = shared.ratings;
    facts.met = shared.met;
  }
}

export function levelFacts(c: CompiledFramework, plan: LevelPlan, met: Uint8Array, shared: ItemFacts | undefined): LevelFacts {
  const competencesMet = countMet(plan.core, met);
  const indicatorsMet = countMet(plan.indicators, met);
  // optional indicators count when met and leave the count when not
  const indicatorsRequired = plan.indicators.length - plan.optionalIndicators.length + countMet(plan.optionalIndicators, met);
  const addedCompetencesMet = countMet(plan.added, met);
  const required = plan.core.length + indicatorsRequired;
  const facts: LevelFacts = {
    level: plan.id,
    levelIndex: plan.index,
    coverage: ratio(competencesMet + indicatorsMet, required),
    competenceCoverage: ratio(competencesMet, plan.core.length),
    competencesRequired: plan.core.length,
    competencesMet,
    competencesMissing: plan.core.length - competencesMet,
    indicatorCoverage: ratio(indicatorsMet, indicatorsRequired),
    indicatorsRequired,
    indicatorsMet,
    addedCompetences: plan.added.length,
    addedCompetencesMet,
  };
  addOptionalFacts(c, plan, met, shared, facts);
  return facts;
}
