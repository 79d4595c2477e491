/**
 * The explanation: English sentences saying why a person is at their best fit and not the level above, from
 * the conditions that decided each level's rules.
 */
import { KIND_NOUNS, type ItemKind } from '../constants.js';
import type { CompiledFramework, LevelPlan } from '../framework/compile.js';
import { ratingLabel } from '../framework/scale.js';
import type { LevelFacts } from './facts.js';
import type { ConditionOutcome, LevelOutcome } from './rules.js';

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
      const label = ratingLabel(c.framework.scale, o.factResult);
      return `“${item.title}” is rated ${label} (the rule asks for ${wants(o, false)})`;
    }
    default:
      return null;
  }
}

/** The phrases for one level's deciding conditions, joined (exported for the reference explanation in test/). */
export function reasonList(c: CompiledFramework, plan: LevelPlan, facts: LevelFacts, met: Uint8Array, reasons: ConditionOutcome[]): string {
  const phrases = [...new Set(reasons.map((o) => phrase(c, plan, facts, met, o)).filter((p): p is string => p !== null))];
  return phrases.length ? phrases.join('; ') : 'its rules say so';
}

/*
 * Cached explanations. A sentence about a level's rule outcome is a pure function of the level, the rule
 * outcome (the leaves in `reasons`: the rule-outcome cache hands out one object per level and set of rule fact
 * values) and the few figures `phrase` reads from the facts and the met bitmap: the count and the first three
 * of the missing core items, the count and the first three of the added core items met, the indicators met,
 * and everything met. The key holds exactly those figures, for the facts it knows; for any other fact that
 * `phrase` reads (`kinds`, `met`, `ratings`) there is no key and the sentence is built as `explain` builds it.
 * Equal key, equal sentence: the sentence is then one Map lookup, and results share the string instead of
 * each holding its own copy. The uncached reference is test/support/oracles/explain.ts.
 */

/** What `phrase` reads for one reasons list (bit flags), found once per list. */
const MISSING = 1; // the missing core items: count and the first three
const MISSING_COUNT = 2; // only their count
const ADDED = 4; // the added core items met: count and the first three
const INDICATORS = 8; // the indicators met (and required)
const COVERAGE = 16; // everything met

interface ReasonSpec {
  /** MISSING | … ; -1 when a reason reads something no key covers. */
  flags: number;
  /** Whether the figures fit one exact integer (below 2^53); else the key is a string. */
  numeric: boolean;
  sentences: Map<number | string, string>;
}

/** Sentences by reasons list (so they go when the rule-outcome cache drops the outcome), then by key. */
interface SentenceCache {
  byReasons: WeakMap<ConditionOutcome[], ReasonSpec>;
  /** Characters held in `byReasons` and `roles`. */
  chars: number;
  /** The top-level sentence, and "Gaps are listed against …", per level index. */
  highest: (string | undefined)[];
  targets: (string | undefined)[];
  roles: Map<string, string>;
}

/** The cached sentences of one framework, in characters (about twice as many bytes): 4 Mi characters at most. */
const SENTENCE_CHARS = 4 * 2 ** 20;
const sentenceCaches = new WeakMap<CompiledFramework, SentenceCache>();

function sentenceCache(c: CompiledFramework): SentenceCache {
  let s = sentenceCaches.get(c);
  if (s === undefined) {
    s = { byReasons: new WeakMap(), chars: 0, highest: [], targets: [], roles: new Map() };
    sentenceCaches.set(c, s);
  }
  return s;
}

/** Forgets every cached sentence of `c` (tests compare with a cold cache). */
export function clearSentenceCache(c: CompiledFramework): void {
  sentenceCaches.delete(c);
}

function specFor(plan: LevelPlan, reasons: ConditionOutcome[]): ReasonSpec {
  let flags = 0;
  for (let r = 0; r < reasons.length && flags !== -1; r++) {
    switch (reasons[r]!.fact) {
      case 'competencesMissing':
      case 'competencesMet':
        flags |= MISSING;
        break;
      case 'competenceCoverage':
        flags |= MISSING_COUNT;
        break;
      case 'indicatorCoverage':
      case 'indicatorsMet':
        flags |= INDICATORS;
        break;
      case 'addedCompetencesMet':
      case 'addedCompetences':
        flags |= ADDED;
        break;
      case 'coverage':
        flags |= COVERAGE;
        break;
      case 'kinds':
      case 'met':
      case 'ratings':
        flags = -1;
        break;
      default:
        break; // `phrase` reads nothing for it
    }
  }
  // the largest key: 4 sentence kinds, then each figure below its radix
  const nc = plan.core.length + 1;
  const na = plan.added.length + 1;
  let bound = 4;
  if (flags & MISSING) bound *= nc ** 4;
  else if (flags & MISSING_COUNT) bound *= nc;
  if (flags & ADDED) bound *= na ** 4;
  if (flags & INDICATORS) bound *= plan.indicators.length + 1;
  if (flags & COVERAGE) bound *= plan.core.length + plan.indicators.length + 1;
  // met optional indicators change how many are required, which both sentences mention
  if (flags & (INDICATORS | COVERAGE)) bound *= plan.indicators.length + 1;
  return { flags, numeric: bound <= Number.MAX_SAFE_INTEGER, sentences: new Map() };
}

/** Count (from the facts: levelFacts counted the same bitmap) and the first three positions, as digits. */
function countAndFirstThree(key: number, list: readonly number[], met: Uint8Array, want: number, count: number): number {
  const radix = list.length + 1;
  key = key * radix + count;
  let found = 0;
  for (let k = 0; found < 3 && found < count && k < list.length; k++) {
    if (met[list[k]!] === want) {
      key = key * radix + k + 1;
      found++;
    }
  }
  for (; found < 3; found++) key *= radix;
  return key;
}

/** The same figures as text, for a level too large for one number. */
function textKey(kind: number, spec: ReasonSpec, plan: LevelPlan, facts: LevelFacts, met: Uint8Array): string {
  let key = `${kind}`;
  const part = (list: readonly number[], want: number, count: number) => {
    key += `|${count}:`;
    for (let k = 0, found = 0; found < 3 && found < count && k < list.length; k++) {
      if (met[list[k]!] === want) {
        key += `${k},`;
        found++;
      }
    }
  };
  if (spec.flags & MISSING) part(plan.core, 0, facts.competencesMissing);
  else if (spec.flags & MISSING_COUNT) key += `|${facts.competencesMissing}`;
  if (spec.flags & ADDED) part(plan.added, 1, facts.addedCompetencesMet);
  if (spec.flags & INDICATORS) key += `|${facts.indicatorsMet}`;
  if (spec.flags & COVERAGE) key += `|${facts.competencesMet + facts.indicatorsMet}`;
  if (spec.flags & (INDICATORS | COVERAGE)) key += `|${facts.indicatorsRequired}`;
  return key;
}

/** Which sentence: best fit, a level below it not attained, the next level not attained, the overlap. */
const BEST = 0;
const BELOW = 1;
const NEXT = 2;
const OVERLAP = 3;

function sentence(kind: number, title: string, why: string): string {
  if (kind === BEST) return `${title} is your best fit: ${why}.`;
  if (kind === BELOW) return `${title}, below it, is not attained: ${why}.`;
  if (kind === NEXT) return `${title} is not attained yet: ${why}.`;
  return `Your practice overlaps into ${title}: ${why}.`;
}

function cachedSentence(
  s: SentenceCache,
  c: CompiledFramework,
  kind: number,
  l: number,
  facts: LevelFacts[],
  outcomes: LevelOutcome[],
  met: Uint8Array,
): string {
  const plan = c.levels[l]!;
  const f = facts[l]!;
  const reasons = outcomes[l]!.reasons[kind === OVERLAP ? 'overlap' : 'attained'];
  let spec = s.byReasons.get(reasons);
  if (spec === undefined) {
    spec = specFor(plan, reasons);
    s.byReasons.set(reasons, spec);
  }
  const flags = spec.flags;
  if (flags === -1) return sentence(kind, plan.title, reasonList(c, plan, f, met, reasons));
  let key: number | string;
  if (spec.numeric) {
    let k = kind;
    if (flags & MISSING) k = countAndFirstThree(k, plan.core, met, 0, f.competencesMissing);
    else if (flags & MISSING_COUNT) k = k * (plan.core.length + 1) + f.competencesMissing;
    if (flags & ADDED) k = countAndFirstThree(k, plan.added, met, 1, f.addedCompetencesMet);
    if (flags & INDICATORS) k = k * (plan.indicators.length + 1) + f.indicatorsMet;
    if (flags & COVERAGE) k = k * (plan.core.length + plan.indicators.length + 1) + f.competencesMet + f.indicatorsMet;
    if (flags & (INDICATORS | COVERAGE)) k = k * (plan.indicators.length + 1) + f.indicatorsRequired;
    key = k;
  } else {
    key = textKey(kind, spec, plan, f, met);
  }
  let text = spec.sentences.get(key);
  if (text === undefined) {
    text = sentence(kind, plan.title, reasonList(c, plan, f, met, reasons));
    if (s.chars + text.length > SENTENCE_CHARS) {
      // full: start again (what is still in use is soon cached again)
      s.byReasons = new WeakMap();
      s.roles.clear();
      s.chars = 0;
      spec = { flags, numeric: spec.numeric, sentences: new Map() };
      s.byReasons.set(reasons, spec);
    }
    if (text.length <= SENTENCE_CHARS) {
      spec.sentences.set(key, text);
      s.chars += text.length;
    }
  }
  return text;
}

/** Sentences saying why this level and not the next, derived from what the rules decided (cached, see above). */
export function explain(
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
    out[k++] = cachedSentence(s, c, BEST, best, facts, outcomes, met);
    for (let i = 0; i < best; i++) {
      if (!outcomes[i]!.attained) out[k++] = cachedSentence(s, c, BELOW, i, facts, outcomes, met);
    }
  } else if (L !== 1) {
    out[k++] = 'No level is attained yet.';
  }
  const next = best + 1;
  if (next < L) {
    // one level and none attained: `explain` replaces its first sentence with this one
    out[k++] = cachedSentence(s, c, NEXT, next, facts, outcomes, met);
  } else {
    out[k++] = s.highest[best] ??= `${plans[best]!.title} is the highest level in ${c.framework.title}.`;
  }
  if (overlapTo >= 0) out[k++] = cachedSentence(s, c, OVERLAP, overlapTo, facts, outcomes, met);
  if (role) {
    const ri = c.levelIndex.get(role.level)!;
    const where = best < 0 ? '' : ri === best ? ', the level of your best fit' : ri > best ? ', above your best fit' : ', below your best fit';
    const key = `${ri}\u0000${where}\u0000${role.title}`;
    let text = s.roles.get(key);
    if (text === undefined) {
      text = `Your role, ${role.title}, is an indicative role at ${plans[ri]!.title}${where}.`;
      if (s.chars + text.length > SENTENCE_CHARS) {
        s.byReasons = new WeakMap();
        s.roles.clear();
        s.chars = 0;
      }
      s.roles.set(key, text);
      s.chars += text.length;
    }
    out[k++] = text;
  }
  if (chosen) out[k++] = s.targets[target] ??= `Gaps are listed against ${plans[target]!.title}, the target you chose.`;
  return out;
}
