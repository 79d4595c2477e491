/**
 * Responses that put a person at a chosen level, for stories and tests. Every LevelFit shown in a story
 * comes from the real engine (`assess`) run on these responses: no hand-written results.
 *
 * For a best fit at level L the person meets everything levels up to L require; for an overlap they also
 * meet some of what the level above adds (about a third of its indicators and one of its added competences).
 * Met items alternate between the scale's met value and the one above it, and unmet ones between 0 and the
 * value below met, so rating labels vary.
 */
import { assess, frameworks, type AssessOptions, type Framework, type LevelFit } from '@levelfit/engine';

export interface Scenario {
  /** The level the person fits best, or null for "nothing attained" (they meet a little of the lowest level). */
  bestFit: string | null;
  /** Also meet part of the level above the best fit. */
  overlap?: boolean;
}

export const clinicalHomecare = (): Framework => frameworks['clinical-homecare'];

export function scenarioRatings(framework: Framework, scenario: Scenario): Record<string, number> {
  const levels = framework.levels.map((l) => l.id);
  const best = scenario.bestFit === null ? -1 : levels.indexOf(scenario.bestFit);
  if (scenario.bestFit !== null && best < 0) throw new Error(`no level ${scenario.bestFit} in ${framework.id}`);
  const values = framework.scale.values.map((v) => v.value).sort((a, b) => a - b);
  const metAt = framework.scale.met;
  const metValues = values.filter((v) => v >= metAt);
  const unmetValues = values.filter((v) => v < metAt);
  const ratings: Record<string, number> = {};
  const next = levels[best + 1];
  let overlapIndicators = 0;
  let overlapAdded = 0;
  framework.items.forEach((item, i) => {
    const lowest = Math.min(...item.levels.map((l) => levels.indexOf(l)));
    let met = lowest <= best;
    if (!met && scenario.overlap && next !== undefined && lowest === best + 1) {
      // A third of the next level's indicators and one competence it adds.
      if (item.kind === 'indicator') met = overlapIndicators++ % 3 === 0;
      else met = overlapAdded++ === 0;
    }
    if (best < 0 && lowest === 0 && item.kind !== 'indicator') met = i % 2 === 0; // "nothing attained": some basics met
    ratings[item.id] = met ? metValues[i % metValues.length]! : unmetValues[i % unmetValues.length]!;
  });
  return ratings;
}

/** Runs the engine on a scenario. */
export function assessScenario(framework: Framework, scenario: Scenario, options?: AssessOptions): Promise<LevelFit> {
  return assess(framework, { ratings: scenarioRatings(framework, scenario) }, options);
}

/**
 * The clinical homecare framework with very long titles, descriptors and roles (and a title that looks like
 * markup, which must show as text), to check wrapping and printing.
 */
export function longTextFramework(): Framework {
  const base = JSON.parse(JSON.stringify(clinicalHomecare())) as {
    id: string;
    title: string;
    levels: { title: string; descriptor: string[]; roles: string[] }[];
    items: { title: string }[];
  };
  const long = ' with a deliberately long qualifying clause that keeps going to test wrapping, reflow at 320 CSS pixels and printing';
  base.id = 'long-text-example';
  base.title = `${base.title}: an extended edition for the whole organisation including partner providers and agency staff`;
  base.levels.forEach((l, i) => {
    l.title = `${l.title} (band ${i + 2} to ${i + 3}, including practitioners on rotation between community and hospital settings)`;
    l.descriptor = [...l.descriptor, `This paragraph is longer than any real descriptor${long}${long}.`];
    l.roles = [...l.roles, `Supercalifragilisticexpialidocious-Multidisciplinary-Coordinator-Role-${i + 1}`];
  });
  base.items.forEach((item, i) => {
    if (i % 4 === 0) item.title = `${item.title}${long}`;
  });
  base.items[1]!.title = '<img src=x onerror="window.__lfXss = 1">Keep records & <b>notes</b>';
  return base as unknown as Framework;
}
