/**
 * Plain English from reasons. Pure: no DOM, no state. Sentences are short, with no percentages and no talk of
 * rules, for a reading age of about nine (the test suite checks the Flesch-Kincaid grade of each one).
 *
 * The wording lives in `ReasonMessages`, one function per sentence shape; the formatter only decides which
 * shape and with which figures. An element passes its own messages (through its translation layer), so a
 * translated page is translated throughout while the choices stay here, once.
 */
import type { Framework } from '../framework/schema.js';
import { levelName } from '../framework/level-name.js';
import type { Reason } from './types.js';

/** What a level's required non-statement items are called: competences, or requirements (knowledge, skills …). */
export type CoreNoun = 'competence' | 'requirement';

/**
 * One function per sentence shape. `level` is the level's name (`levelName`); counts are whole numbers of 1 or
 * more unless said otherwise, and a message chooses its own singular or plural.
 */
export interface ReasonMessages {
  bestFit(level: string): string;
  noLevel(): string;
  highest(level: string): string;
  /** `count` of `of` items that `level` adds are met already. */
  overlap(level: string, count: number): string;
  /** To reach `level`: these `competences` (0 for none), and any `need` of these `from` statements (0 for none). */
  toReach(level: string, noun: CoreNoun, competences: number, need: number, from: number): string;
  /** Nothing listed is missing, yet the level is not attained (its rule asks for something else). */
  toReachOther(level: string): string;
  /** The person chose `level` as the goal. */
  chosenGoal(level: string): string;
  /** `level`, below the best fit, is not complete: `competences` and `need` statements still needed (either may be 0). */
  notComplete(level: string, noun: CoreNoun, competences: number, need: number): string;
  role(role: string, level: string, place: 'same' | 'above' | 'below' | 'no_level'): string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);
const nouns = (noun: CoreNoun): [string, string] => (noun === 'competence' ? ['competence', 'competences'] : ['requirement', 'requirements']);

/** The British English messages. */
export const englishMessages: ReasonMessages = {
  bestFit: (level) => `You are working at ${level}.`,
  noLevel: () => 'You have not reached a level yet.',
  highest: (level) => `${level} is the top level. Well done.`,
  overlap: (level, count) => `You already do ${plural(count, 'thing', 'things')} from ${level}.`,
  toReach(level, noun, competences, need, from) {
    const [one, many] = nouns(noun);
    const c = competences === 1 ? `this ${one}` : `these ${competences} ${many}`;
    const s = need === from ? (from === 1 ? 'this statement' : `all ${from} of these statements`) : `any ${need} of these ${from} statements`;
    if (competences > 0 && need > 0) return `To reach ${level} you need ${c}. You also need ${s}.`;
    return `To reach ${level} you need ${competences > 0 ? c : s}.`;
  },
  toReachOther: (level) => `You meet all we list for ${level}. Talk to your manager about what else it needs.`,
  chosenGoal: (level) => `You chose ${level} as your goal.`,
  notComplete(level, noun, competences, need) {
    const [one, many] = nouns(noun);
    const c = plural(competences, one, many);
    const s = plural(need, 'more statement', 'more statements');
    const what = competences > 0 && need > 0 ? `${c} and ${s}` : competences > 0 ? c : s;
    return `You still need ${what} from ${level}.`;
  },
  role(role, level, place) {
    if (place === 'same') return `Your role, ${role}, is at ${level}. That is the level you work at.`;
    if (place === 'above') return `Your role, ${role}, is at ${level}. That is above the level you work at.`;
    if (place === 'below') return `Your role, ${role}, is at ${level}. That is below the level you work at.`;
    return `Your role, ${role}, is at ${level}.`;
  },
};

/** "competence" when every required non-statement item of the framework is a competence, else "requirement". */
export function coreNoun(framework: Pick<Framework, 'items'>): CoreNoun {
  return framework.items.every((i) => i.kind === 'competence' || i.kind === 'indicator') ? 'competence' : 'requirement';
}

/** One sentence (or two) per reason, in order. Level ids the framework does not have are shown as they are. */
export function formatReasons(reasons: readonly Reason[], framework: Pick<Framework, 'levels' | 'items'>, messages: ReasonMessages = englishMessages): string[] {
  const name = (id: string) => levelName(framework, id);
  const noun = coreNoun(framework);
  const out: string[] = [];
  for (const r of reasons) {
    switch (r.code) {
      case 'best_fit':
        out.push(messages.bestFit(name(r.level)));
        break;
      case 'no_level':
        out.push(messages.noLevel());
        break;
      case 'highest':
        out.push(messages.highest(name(r.level)));
        break;
      case 'overlap':
        if (r.met > 0) out.push(messages.overlap(name(r.level), r.met));
        break;
      case 'not_complete':
        if (r.competences.needed + r.indicators.needed > 0) out.push(messages.notComplete(name(r.level), noun, r.competences.needed, r.indicators.needed));
        break;
      case 'to_reach':
        if (r.chosen) out.push(messages.chosenGoal(name(r.level)));
        if (r.competences.needed + r.indicators.needed > 0) {
          out.push(messages.toReach(name(r.level), noun, r.competences.needed, r.indicators.needed, r.indicators.from));
        } else {
          out.push(messages.toReachOther(name(r.level)));
        }
        break;
      case 'role':
        out.push(messages.role(r.role, name(r.level), r.place));
        break;
    }
  }
  return out;
}
