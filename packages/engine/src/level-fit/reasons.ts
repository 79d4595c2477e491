/**
 * Why a result is what it is, as data: codes and figures the engine decided (see `Reason` in types.ts).
 * Sentences are made from these by format.ts, or by an element in the page's own language.
 */
import type { CompiledFramework } from '../framework/compile.js';
import type { Placement } from './best-fit.js';
import type { LevelFacts } from './facts.js';
import type { Needed, Reason, ReasonCount, ReasonStatements } from './types.js';

function competenceCount(f: LevelFacts, n: Needed): ReasonCount {
  return { met: f.competencesMet, required: f.competencesRequired, needed: n.competences.length };
}

function statementCount(f: LevelFacts, n: Needed): ReasonStatements {
  const needed = n.indicators.need;
  return { met: f.indicatorsMet, required: f.indicatorsRequired, needed, from: n.indicators.from.length, threshold: f.indicatorsMet + needed };
}

export function buildReasons(
  c: CompiledFramework,
  facts: readonly LevelFacts[],
  attained: readonly boolean[],
  needed: readonly Needed[],
  { best, overlapTo, target }: Placement,
  targetChosen: boolean,
  overlapMet: number,
  role: { title: string; level: string } | null,
): Reason[] {
  const plans = c.levels;
  const out: Reason[] = [];
  if (best >= 0) out.push({ code: 'best_fit', level: plans[best]!.id });
  else if (plans.length > 1) out.push({ code: 'no_level' });
  for (let i = 0; i < best; i++) {
    if (!attained[i]) out.push({ code: 'not_complete', level: plans[i]!.id, competences: competenceCount(facts[i]!, needed[i]!), indicators: statementCount(facts[i]!, needed[i]!) });
  }
  if (overlapTo >= 0) out.push({ code: 'overlap', level: plans[overlapTo]!.id, met: overlapMet, of: plans[overlapTo]!.overlapItems.length });
  if (target >= 0 && !attained[target]) {
    out.push({
      code: 'to_reach',
      level: plans[target]!.id,
      chosen: targetChosen,
      competences: competenceCount(facts[target]!, needed[target]!),
      indicators: statementCount(facts[target]!, needed[target]!),
    });
  }
  if (best >= 0 && best === plans.length - 1) out.push({ code: 'highest', level: plans[best]!.id });
  if (role) {
    const ri = c.levelIndex.get(role.level)!;
    const place = best < 0 ? 'no_level' : ri === best ? 'same' : ri > best ? 'above' : 'below';
    out.push({ code: 'role', role: role.title, level: role.level, place });
  }
  return out;
}
