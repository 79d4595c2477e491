import { msg, str } from '@lit/localize';
import type { CoreNoun, ReasonMessages } from '@levelfit/engine';

/**
 * The engine's reason sentences in the page's language: the engine decides which sentence and with which
 * figures (`formatReasons`); these are the words, through `msg()` so a translated page is translated throughout.
 * Each count has its own singular and plural message, as translators need.
 */
export function localMessages(): ReasonMessages {
  const these = (noun: CoreNoun, n: number) =>
    noun === 'competence'
      ? n === 1
        ? msg('this competence')
        : msg(str`these ${n} competences`)
      : n === 1
        ? msg('this requirement')
        : msg(str`these ${n} requirements`);
  const some = (noun: CoreNoun, n: number) =>
    noun === 'competence' ? (n === 1 ? msg('1 competence') : msg(str`${n} competences`)) : n === 1 ? msg('1 requirement') : msg(str`${n} requirements`);
  const statements = (need: number, from: number) =>
    need === from
      ? from === 1
        ? msg('this statement')
        : msg(str`all ${from} of these statements`)
      : msg(str`any ${need} of these ${from} statements`);
  return {
    bestFit: (level) => msg(str`You are working at ${level}.`),
    noLevel: () => msg('You have not reached a level yet.'),
    highest: (level) => msg(str`${level} is the top level. Well done.`),
    overlap: (level, count) => (count === 1 ? msg(str`You already do 1 thing from ${level}.`) : msg(str`You already do ${count} things from ${level}.`)),
    toReach(level, noun, competences, need, from) {
      const c = these(noun, competences);
      const s = statements(need, from);
      if (competences > 0 && need > 0) return msg(str`To reach ${level} you need ${c}. You also need ${s}.`);
      return msg(str`To reach ${level} you need ${competences > 0 ? c : s}.`);
    },
    toReachOther: (level) => msg(str`You meet all we list for ${level}. Talk to your manager about what else it needs.`),
    chosenGoal: (level) => msg(str`You chose ${level} as your goal.`),
    notComplete(level, noun, competences, need) {
      const c = some(noun, competences);
      const s = need === 1 ? msg('1 more statement') : msg(str`${need} more statements`);
      if (competences > 0 && need > 0) return msg(str`You still need ${c} and ${s} from ${level}.`);
      return msg(str`You still need ${competences > 0 ? c : s} from ${level}.`);
    },
    role(role, level, place) {
      if (place === 'same') return msg(str`Your role, ${role}, is at ${level}. That is the level you work at.`);
      if (place === 'above') return msg(str`Your role, ${role}, is at ${level}. That is above the level you work at.`);
      if (place === 'below') return msg(str`Your role, ${role}, is at ${level}. That is below the level you work at.`);
      return msg(str`Your role, ${role}, is at ${level}.`);
    },
  };
}
