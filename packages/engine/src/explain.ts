import { KIND_NOUNS, type ItemKind } from './constants.js';
import type { CompiledFramework, LevelPlan } from './compile.js';
import type { ConditionOutcome, LevelFacts, LevelOutcome } from './rules.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const OP_WORDS: Record<string, string> = {
  greaterThanInclusive: 'at least',
  greaterThan: 'more than',
  lessThanInclusive: 'at most',
  lessThan: 'less than',
  equal: 'exactly',
  notEqual: 'other than',
};

function wants(o: ConditionOutcome, asShare: boolean): string {
  const op = o.operator.split(':').pop()!;
  const negated = o.operator.startsWith('not:');
  const v = typeof o.value === 'number' && asShare ? pct(o.value) : JSON.stringify(o.value);
  return `${negated ? 'not ' : ''}${OP_WORDS[op] ?? op} ${v}`;
}

function titles(c: CompiledFramework, indices: number[], limit = 3): string {
  const names = indices.slice(0, limit).map((i) => `“${c.items[i]!.title}”`);
  const more = indices.length > limit ? ` and ${indices.length - limit} more` : '';
  return names.join('; ') + more;
}

/** A phrase (lower-case start, no full stop) for one evaluated rule condition, or null for structural ones. */
function phrase(c: CompiledFramework, plan: LevelPlan, facts: LevelFacts, met: Uint8Array, o: ConditionOutcome): string | null {
  const noun = plan.coreNoun;
  const missing = plan.core.filter((i) => met[i] === 0);
  switch (o.fact) {
    case 'competencesMissing':
    case 'competencesMet':
      if (missing.length === 0) return `all ${plan.core.length} ${noun} it requires are met`;
      return `${missing.length} of its ${plan.core.length} ${noun} ${missing.length === 1 ? 'is' : 'are'} not yet met (${titles(c, missing)})`;
    case 'competenceCoverage': {
      // A share rule (say, "at least 25% met" for an overlap) reads best as what is met against the share asked for.
      const metCount = plan.core.length - missing.length;
      return (
        `${metCount} of its ${plan.core.length} ${noun} ${metCount === 1 ? 'is' : 'are'} met ` +
        `(${pct(facts.competenceCoverage)}; the rule asks for ${wants(o, true)})`
      );
    }
    case 'indicatorCoverage':
    case 'indicatorsMet':
      return (
        `${facts.indicatorsMet} of its ${facts.indicatorsRequired} indicators are met (${pct(facts.indicatorCoverage)}; ` +
        `the rule asks for ${wants(o, o.fact === 'indicatorCoverage')})`
      );
    case 'addedCompetencesMet':
    case 'addedCompetences': {
      const added = plan.added.filter((i) => met[i] === 1);
      if (added.length === 0) return `none of the ${plan.added.length} ${noun} it adds to the level below is met yet`;
      return `${added.length} of the ${plan.added.length} ${noun} it adds to the level below ${added.length === 1 ? 'is' : 'are'} met (${titles(c, added)})`;
    }
    case 'coverage':
      return `${pct(facts.coverage)} of everything it requires is met (the rule asks for ${wants(o, true)})`;
    case 'kinds': {
      const [kind, field] = (o.path ?? '').split('.') as [ItemKind, string];
      const k = facts.kinds?.[kind];
      if (!k) return null;
      const shown = field === 'coverage' ? pct(k.coverage) : String(k[field as 'met' | 'required']);
      return `${KIND_NOUNS[kind][1]}: ${field} ${shown} (the rule asks for ${wants(o, field === 'coverage')})`;
    }
    case 'met':
    case 'ratings': {
      const i = c.itemIndex.get(o.path ?? '');
      if (i === undefined) return null;
      const item = c.items[i]!;
      if (o.fact === 'met') return `“${item.title}” is ${met[i] ? 'met' : 'not yet met'}`;
      const label = c.framework.scale.values.find((v) => v.value === o.factResult)?.label ?? String(o.factResult);
      return `“${item.title}” is rated ${label} (the rule asks for ${wants(o, false)})`;
    }
    default:
      return null;
  }
}

function reasonList(c: CompiledFramework, plan: LevelPlan, facts: LevelFacts, met: Uint8Array, reasons: ConditionOutcome[]): string {
  const phrases = [...new Set(reasons.map((o) => phrase(c, plan, facts, met, o)).filter((p): p is string => p !== null))];
  return phrases.length ? phrases.join('; ') : 'its rules say so';
}

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
export function explain({ c, facts, outcomes, met, best, overlapTo, target, targetChosen, role }: ExplainInput): string[] {
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
