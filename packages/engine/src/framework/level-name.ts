import type { Framework, Level } from './schema.js';

/**
 * How a person reads a level's name: "Level 2 – Associate" when the framework gives the level a plain
 * `label` (levelfit's wording, numbered by `number` or its 1-based position), otherwise the level's own
 * title. One rule for every element and sentence, so a level is never called two things on one page.
 */
export function levelName(framework: Pick<Framework, 'levels'>, level: Level | string): string {
  const l = typeof level === 'string' ? framework.levels.find((x) => x.id === level) : level;
  if (!l) return typeof level === 'string' ? level : '';
  if (l.label === undefined) return l.title;
  const number = l.number ?? framework.levels.indexOf(l) + 1;
  return `Level ${number} – ${l.label}`;
}
