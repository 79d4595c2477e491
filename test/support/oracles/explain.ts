/**
 * The reference explanation: every sentence built from the rule outcomes each time, with no cache. The
 * engine's `explain` (packages/engine/src/level-fit/explain.ts) caches sentences by the figures they mention;
 * test/node/assess-cache.test.ts checks it gives exactly these sentences.
 */
import type { CompiledFramework } from '../../../packages/engine/src/framework/compile.ts';
import { reasonList } from '../../../packages/engine/src/level-fit/explain.ts';
import type { LevelFacts } from '../../../packages/engine/src/level-fit/facts.ts';
import type { LevelOutcome } from '../../../packages/engine/src/level-fit/rules.ts';

export interface ExplainInput {
  c: CompiledFramework;
  facts: LevelFacts[];
  outcomes: LevelOutcome[];
  met: Uint8Array;
  best: number;
  overlapTo: number;
  target: number;
  targetChosen: boolean;
  role: { title: string; level: string } | null;
}

/** Sentences saying why this level and not the next, derived from what the rules decided. */
export function referenceExplain({ c, facts, outcomes, met, best, overlapTo, target, targetChosen, role }: ExplainInput): string[] {
  const out: string[] = [];
  const plans = c.levels;
  const why = (i: number, kind: 'attained' | 'overlap') => reasonList(c, plans[i]!, facts[i]!, met, outcomes[i]!.reasons[kind]);
  if (best >= 0) {
    out.push(`${plans[best]!.title} is your best fit: ${why(best, 'attained')}.`);
    for (let i = 0; i < best; i++) {
      if (!outcomes[i]!.attained) out.push(`${plans[i]!.title}, below it, is not attained: ${why(i, 'attained')}.`);
    }
  } else {
    out.push(plans.length === 1 ? `${plans[0]!.title} is not attained yet.` : 'No level is attained yet.');
  }
  const next = best + 1;
  if (next < plans.length) {
    if (plans.length > 1 || best >= 0) out.push(`${plans[next]!.title} is not attained yet: ${why(next, 'attained')}.`);
    else out[0] = `${plans[0]!.title} is not attained yet: ${why(0, 'attained')}.`;
  } else {
    out.push(`${plans[best]!.title} is the highest level in ${c.framework.title}.`);
  }
  if (overlapTo >= 0) out.push(`Your practice overlaps into ${plans[overlapTo]!.title}: ${why(overlapTo, 'overlap')}.`);
  if (role) {
    const ri = c.levelIndex.get(role.level)!;
    const where = best < 0 ? '' : ri === best ? ', the level of your best fit' : ri > best ? ', above your best fit' : ', below your best fit';
    out.push(`Your role, ${role.title}, is an indicative role at ${plans[ri]!.title}${where}.`);
  }
  if (targetChosen && target >= 0) out.push(`Gaps are listed against ${plans[target]!.title}, the target you chose.`);
  return out;
}

