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

/*
 * Cached explanations. A sentence about a level's rule outcome is a pure function of the level, the rule
 * outcome (the leaves in `reasons`: the rule-outcome cache hands out one object per level and set of rule fact
 * values) and the few figures `phrase` reads from the facts and the met bitmap: the count and the first three
 * of the missing core items, the count and the first three of the added core items met, the indicators met,
 * and everything met. `reasonKey` writes exactly those figures, for the facts it knows, into a string; for
 * any other fact that `phrase` reads (`kinds`, `met`, `ratings`) it gives up and the sentence is built as
 * `explain` builds it. Equal key, equal sentence: the sentence is then one Map lookup, and results share the
 * string instead of each holding its own copy. `explain` above stays the reference (test/node/assess-cache).
 */

/** Sentences by reasons list (so they go when the rule-outcome cache drops the outcome), then by key. */
interface SentenceCache {
  byReasons: WeakMap<ConditionOutcome[], Map<string, string>>;
  size: number;
  /** The top-level sentence, and "Gaps are listed against …", per level index. */
  highest: (string | undefined)[];
  targets: (string | undefined)[];
  roles: Map<string, string>;
}

const SENTENCE_LIMIT = 50_000;
const sentenceCaches = new WeakMap<CompiledFramework, SentenceCache>();

function sentenceCache(c: CompiledFramework): SentenceCache {
  let s = sentenceCaches.get(c);
  if (s === undefined) {
    s = { byReasons: new WeakMap(), size: 0, highest: [], targets: [], roles: new Map() };
    sentenceCaches.set(c, s);
  }
  return s;
}

/** Forgets every cached sentence of `c` (tests compare with a cold cache). */
export function clearSentenceCache(c: CompiledFramework): void {
  sentenceCaches.delete(c);
}

/** Up to the first three indices in `list` whose met bit is `want`, as "i,j,k". */
function firstThree(list: readonly number[], met: Uint8Array, want: number, count: number): string {
  const n = count < 3 ? count : 3;
  let s = '';
  for (let k = 0, found = 0; found < n && k < list.length; k++) {
    const i = list[k]!;
    if (met[i] === want) {
      s += found === 0 ? `${i}` : `,${i}`;
      found++;
    }
  }
  return s;
}

/**
 * Everything besides the level and the reasons themselves that `phrase` reads for these reasons, or null when
 * a reason reads something this key does not cover.
 */
function reasonKey(plan: LevelPlan, facts: LevelFacts, met: Uint8Array, reasons: ConditionOutcome[]): string | null {
  let missing = false;
  let missingCount = false;
  let added = false;
  let indicators = false;
  let coverage = false;
  for (let r = 0; r < reasons.length; r++) {
    switch (reasons[r]!.fact) {
      case 'competencesMissing':
      case 'competencesMet':
        missing = true;
        break;
      case 'competenceCoverage':
        missingCount = true;
        break;
      case 'indicatorCoverage':
      case 'indicatorsMet':
        indicators = true;
        break;
      case 'addedCompetencesMet':
      case 'addedCompetences':
        added = true;
        break;
      case 'coverage':
        coverage = true;
        break;
      case 'kinds':
      case 'met':
      case 'ratings':
        return null;
      default:
        break; // `phrase` reads nothing for it
    }
  }
  // the counts come from the met bitmap like the lists: levelFacts counted the same items
  let key = '';
  if (missing) {
    const n = facts.competencesMissing;
    key += `m${n}:${firstThree(plan.core, met, 0, n)}`;
  } else if (missingCount) key += `n${facts.competencesMissing}`;
  if (added) {
    const n = facts.addedCompetencesMet;
    key += `a${n}:${firstThree(plan.added, met, 1, n)}`;
  }
  if (indicators) key += `i${facts.indicatorsMet}`;
  if (coverage) key += `c${facts.competencesMet + facts.indicatorsMet}`;
  return key;
}

/** Which sentence: best fit, a level below it not attained, the next level not attained, the overlap. */
type Sentence = 'B' | 'b' | 'N' | 'O';

function sentence(kind: Sentence, title: string, why: string): string {
  switch (kind) {
    case 'B':
      return `${title} is your best fit: ${why}.`;
    case 'b':
      return `${title}, below it, is not attained: ${why}.`;
    case 'N':
      return `${title} is not attained yet: ${why}.`;
    case 'O':
      return `Your practice overlaps into ${title}: ${why}.`;
  }
}

function cachedSentence(
  s: SentenceCache,
  c: CompiledFramework,
  kind: Sentence,
  l: number,
  facts: LevelFacts[],
  outcomes: LevelOutcome[],
  met: Uint8Array,
): string {
  const plan = c.levels[l]!;
  const f = facts[l]!;
  const reasons = outcomes[l]!.reasons[kind === 'O' ? 'overlap' : 'attained'];
  const key = reasonKey(plan, f, met, reasons);
  if (key === null) return sentence(kind, plan.title, reasonList(c, plan, f, met, reasons));
  let byKey = s.byReasons.get(reasons);
  if (byKey === undefined) {
    byKey = new Map();
    s.byReasons.set(reasons, byKey);
  }
  const full = `${kind}${plan.index}|${key}`;
  let text = byKey.get(full);
  if (text === undefined) {
    if (s.size >= SENTENCE_LIMIT) {
      s.byReasons = new WeakMap();
      s.size = 0;
      byKey = new Map();
      s.byReasons.set(reasons, byKey);
    }
    text = sentence(kind, plan.title, reasonList(c, plan, f, met, reasons));
    byKey.set(full, text);
    s.size++;
  }
  return text;
}

/** `explain`, with each sentence looked up once it has been built (see above); the same sentences. */
export function explainCached(
  c: CompiledFramework,
  facts: LevelFacts[],
  outcomes: LevelOutcome[],
  met: Uint8Array,
  best: number,
  overlapTo: number,
  target: number,
  targetChosen: boolean,
  role: { title: string; level: string } | null,
): string[] {
  const s = sentenceCache(c);
  const plans = c.levels;
  const L = plans.length;
  // the sentences are counted first, so the list is allocated at its final length
  let below = 0;
  for (let i = 0; i < best; i++) if (!outcomes[i]!.attained) below++;
  const chosen = targetChosen && target >= 0;
  const out: string[] = new Array((best >= 0 ? 1 + below : L !== 1 ? 1 : 0) + 1 + (overlapTo >= 0 ? 1 : 0) + (role ? 1 : 0) + (chosen ? 1 : 0));
  let k = 0;
  if (best >= 0) {
    out[k++] = cachedSentence(s, c, 'B', best, facts, outcomes, met);
    for (let i = 0; i < best; i++) {
      if (!outcomes[i]!.attained) out[k++] = cachedSentence(s, c, 'b', i, facts, outcomes, met);
    }
  } else if (L !== 1) {
    out[k++] = 'No level is attained yet.';
  }
  const next = best + 1;
  if (next < L) {
    // one level and none attained: `explain` replaces its first sentence with this one
    out[k++] = cachedSentence(s, c, 'N', next, facts, outcomes, met);
  } else {
    out[k++] = s.highest[best] ??= `${plans[best]!.title} is the highest level in ${c.framework.title}.`;
  }
  if (overlapTo >= 0) out[k++] = cachedSentence(s, c, 'O', overlapTo, facts, outcomes, met);
  if (role) {
    const ri = c.levelIndex.get(role.level)!;
    const where = best < 0 ? '' : ri === best ? ', the level of your best fit' : ri > best ? ', above your best fit' : ', below your best fit';
    const key = `${ri}\u0000${where}\u0000${role.title}`;
    let text = s.roles.get(key);
    if (text === undefined) {
      text = `Your role, ${role.title}, is an indicative role at ${plans[ri]!.title}${where}.`;
      if (s.roles.size >= SENTENCE_LIMIT) s.roles.clear();
      s.roles.set(key, text);
    }
    out[k++] = text;
  }
  if (chosen) out[k++] = s.targets[target] ??= `Gaps are listed against ${plans[target]!.title}, the target you chose.`;
  return out;
}
