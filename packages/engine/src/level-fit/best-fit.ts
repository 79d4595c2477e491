/**
 * The level-fit rule: best fit, overlap and gaps. This is where a person's place in a framework is decided
 * from the rule outcomes of each level (rules.ts runs the framework's own rules, written in its JSON):
 *
 * - best fit: the highest level whose `attained` rule fired (levels are ordered lowest first; a level below
 *   it that is not attained is still reported, and explained);
 * - overlap: the level just above the best fit, when its `overlap` rule fired; it lists the met items that
 *   belong to that level (its indicators and the competences it adds to the level below);
 * - gaps: the required items not yet met at the target level: the level above the best fit, or the level
 *   the caller chose with `target`, and the least of them that must change (needed.ts, from the same rules).
 *
 * For clinical-homecare the rules say: a level is attained when every competence it requires is met and at
 * least 75% of its indicators are; the level above overlaps when 25% of its indicators, or a competence it
 * adds, are met (data/frameworks/clinical-homecare.json, `rules`; data/README.md documents the facts).
 */
import type { CompiledFramework } from '../framework/compile.js';
import { formatReasons } from './format.js';
import { buildReasons } from './reasons.js';
import type { Prepared } from './responses.js';
import type { LevelOutcome } from './rules.js';
import type { FitItem, LevelFit, LevelResult, Needed } from './types.js';

/** Where the person stands: level indices of the best fit, the overlap and the gap target (-1 for none). */
export interface Placement {
  best: number;
  overlapTo: number;
  target: number;
}

export function place(outcomes: readonly LevelOutcome[], chosenTarget: number | undefined): Placement {
  const L = outcomes.length;
  let best = -1;
  for (let i = 0; i < L; i++) if (outcomes[i]!.attained) best = i;
  const next = best + 1;
  const overlapTo = best >= 0 && next < L && outcomes[next]!.overlap ? next : -1;
  const target = chosenTarget ?? (next < L ? next : -1);
  return { best, overlapTo, target };
}

function fitItem(c: CompiledFramework, p: Prepared, i: number): FitItem {
  return { id: c.ids[i]!, title: c.titles[i]!, kind: c.kinds[i]!, rating: p.ratings[i]! };
}

/** Turns the rule outcomes for each level into a LevelFit. Pure: same inputs, same result. */
export function buildLevelFit(p: Prepared, outcomes: LevelOutcome[], needed: readonly Needed[]): LevelFit {
  const { c, met } = p;
  const plans = c.levels;
  const { best, overlapTo, target } = place(outcomes, p.target);
  const ids = c.ids;
  const levels: LevelResult[] = new Array(plans.length);
  for (let li = 0; li < plans.length; li++) {
    const plan = plans[li]!;
    const f = p.facts[li]!;
    const metIds: string[] = [];
    const missing: string[] = [];
    for (const i of plan.required) {
      if (met[i]) metIds.push(ids[i]!);
      else if (!c.optional[i]) missing.push(ids[i]!); // an optional indicator not met is not missing
    }
    levels[li] = {
      level: plan.id,
      attained: outcomes[li]!.attained,
      competenceCoverage: f.competenceCoverage,
      indicatorCoverage: f.indicatorCoverage,
      competences: { required: f.competencesRequired, met: f.competencesMet },
      indicators: { required: f.indicatorsRequired, met: f.indicatorsMet },
      met: metIds,
      missing,
      needed: copyNeeded(needed[li]!),
    };
  }
  const gapItems: FitItem[] = [];
  if (target >= 0) for (const i of plans[target]!.required) if (!met[i] && !c.optional[i]) gapItems.push(fitItem(c, p, i));
  const overlapItems: FitItem[] = [];
  if (overlapTo >= 0) for (const i of plans[overlapTo]!.overlapItems) if (met[i]) overlapItems.push(fitItem(c, p, i));
  const reasons = buildReasons(
    c,
    p.facts,
    outcomes.map((o) => o.attained),
    needed,
    { best, overlapTo, target },
    p.target !== undefined,
    overlapItems.length,
    p.role,
  );
  const gapNeeded = target >= 0 ? copyNeeded(needed[target]!) : { competences: [], indicators: { need: 0, from: [] } };
  return {
    frameworkId: c.framework.id,
    frameworkVersion: c.framework.version,
    bestFit: best >= 0 ? plans[best]!.id : null,
    overlap: overlapTo >= 0 ? { from: plans[best]!.id, to: plans[overlapTo]!.id, items: overlapItems } : null,
    levels,
    gaps: { target: target >= 0 ? plans[target]!.id : null, items: gapItems, ...gapNeeded },
    // a copy: `p.role` is the compiled framework's own entry, and results are the caller's to change
    role: p.role === null ? null : { title: p.role.title, level: p.role.level },
    reasons,
    explanation: formatReasons(reasons, c.framework),
  };
}

/** Results are the caller's to change: each gets its own lists. */
function copyNeeded(n: Needed): Needed {
  return { competences: n.competences.map((i) => ({ ...i })), indicators: { need: n.indicators.need, from: n.indicators.from.map((i) => ({ ...i })) } };
}
