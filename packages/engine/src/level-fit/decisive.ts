/**
 * Decisive items: the unanswered items whose answer could still change the result (the best fit, the overlap,
 * or the gaps to the target), under the framework's own rules. A form can offer to skip the rest.
 *
 * The bounds are two: every other unanswered item met, and every other unanswered item not met. An item is
 * decisive when answering it met rather than not met changes the result at either bound. Read the rules
 * through these two bounds only: an item that matters only when some, not all, of the other unanswered items
 * are met (a share threshold reached partway) is not counted, which is why a form should ask in its own order
 * and call this again after each answer.
 */
import { compile } from '../framework/compile.js';
import { isParsedFramework, parseFramework } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import { assess } from './assess.js';
import type { AssessOptions, LevelFit } from './types.js';

/** What a person would act on: best fit, overlap, and the gaps to the target. */
const outcomeOf = (fit: LevelFit): string =>
  JSON.stringify([fit.bestFit, fit.overlap?.to ?? null, fit.gaps.target, fit.gaps.items.map((i) => i.id)]);

/**
 * The ids of the unanswered items (no rating, in framework order) whose answer could still change the best
 * fit, the overlap or the gaps. Rejects, as `assess` does, for ratings that do not fit the framework.
 */
export async function decisiveItems(framework: Framework, ratings: Readonly<Record<string, number>>, options?: AssessOptions): Promise<string[]> {
  const fw = isParsedFramework(framework) ? framework : parseFramework(framework);
  const c = compile(fw);
  const metAt = fw.scale.met;
  const lowest = fw.scale.values[0]!.value;
  const unanswered = c.ids.filter((id) => ratings[id] === undefined);
  const at = async (fill: number, id: string, value: number): Promise<string> => {
    const filled: Record<string, number> = { ...ratings };
    for (const other of unanswered) filled[other] = other === id ? value : fill;
    return outcomeOf(await assess(fw, { ratings: filled }, options));
  };
  const decisive: string[] = [];
  for (const id of unanswered) {
    for (const fill of [lowest, metAt]) {
      if ((await at(fill, id, metAt)) !== (await at(fill, id, lowest))) {
        decisive.push(id);
        break;
      }
    }
  }
  return decisive;
}
