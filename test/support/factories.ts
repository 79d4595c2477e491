/**
 * Test factories (STYLE.md item 9, after json-rules-engine's `test/support/rule-factory.js`): build a small
 * valid framework and a person's answers in one line, so each test states only what it is about.
 *
 * The helpers that read a framework (`coreIds`, `indicatorIds`, `addedIds`) restate the data contract
 * (data/README.md) in a few lines, independently of the engine, so tests can derive their expectations.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Responses } from '../../packages/engine/src/index.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATA_DIR = `${ROOT}data/frameworks/`;
export const SEEDS_DIR = '/work/shared/seeds/';

/** The plain JSON shape of a framework file (what `parseFramework` accepts). */
export interface ItemJson {
  id: string;
  title: string;
  kind: 'competence' | 'indicator' | 'knowledge' | 'skill' | 'behaviour' | 'performance';
  levels: string[];
  code?: string;
  group?: string;
  source?: string;
  description?: string;
}
export interface LevelJson {
  id: string;
  title: string;
  descriptor: string[];
  roles: string[];
}
export interface FrameworkJson {
  $schema?: string;
  id: string;
  title: string;
  version: string;
  source: { title: string; publisher: string | null; date: string | null; reference?: string; url?: string; note?: string };
  scale: { met: number; values: { value: number; label: string; hint?: string }[] };
  levels: LevelJson[];
  items: ItemJson[];
  rules: { name?: string; priority?: number; conditions: unknown; event: { type: string; params?: Record<string, unknown> } }[];
}

/** Anything with levels and items: a parsed framework or its JSON. */
export interface FrameworkLike {
  levels: readonly { id: string; title: string; roles: readonly string[] }[];
  items: readonly { id: string; title: string; kind: string; levels: readonly string[] }[];
  scale: { met: number; values: readonly { value: number }[] };
}

/** The rules the built-in clinical homecare framework uses (and data/README.md describes as the default). */
export const DEFAULT_RULES = (attainedShare = 0.75, overlapShare = 0.25): FrameworkJson['rules'] => [
  {
    name: 'attained',
    conditions: {
      all: [
        { fact: 'competencesMissing', operator: 'equal', value: 0 },
        { fact: 'indicatorCoverage', operator: 'greaterThanInclusive', value: attainedShare },
      ],
    },
    event: { type: 'attained' },
  },
  {
    name: 'overlap',
    conditions: {
      any: [
        { fact: 'indicatorCoverage', operator: 'greaterThanInclusive', value: overlapShare },
        { fact: 'addedCompetencesMet', operator: 'greaterThanInclusive', value: 1 },
      ],
    },
    event: { type: 'overlap' },
  },
];

/** The tiny framework's levels, lowest first. */
export const TINY_LEVELS = ['foundation', 'practitioner', 'expert'] as const;

/**
 * The tiny framework's competence matrix: which levels require each competence.
 * practitioner adds `mentor-others`; expert adds `lead-research` and `lead-change`.
 */
export const TINY_MATRIX: Record<string, { title: string; levels: (typeof TINY_LEVELS)[number][] }> = {
  'communicate-clearly': { title: 'Communicate clearly', levels: ['foundation', 'practitioner', 'expert'] },
  'work-safely': { title: 'Work safely', levels: ['foundation', 'practitioner', 'expert'] },
  'learn-the-basics': { title: 'Learn the basics', levels: ['foundation'] },
  'mentor-others': { title: 'Mentor others', levels: ['practitioner', 'expert'] },
  'lead-research': { title: 'Lead research', levels: ['expert'] },
  'lead-change': { title: 'Lead change', levels: ['expert'] },
};

export type MakeFrameworkOverrides = Partial<FrameworkJson> & {
  /** Indicators generated per level (default 4: 3 of 4 is exactly 75%, 1 of 4 exactly 25%). */
  indicatorsPerLevel?: number;
};

/**
 * A tiny valid framework as plain JSON: 3 levels, 6 competences in a matrix, `indicatorsPerLevel` indicators
 * per level (ids `<level>-indicator-<n>`), a 0–3 scale with met = 2, and the default rules. Top-level fields
 * in `overrides` replace the defaults. Every call returns a fresh object.
 */
export function makeFramework(overrides: MakeFrameworkOverrides = {}): FrameworkJson {
  const { indicatorsPerLevel = 4, ...fields } = overrides;
  const competences: ItemJson[] = Object.entries(TINY_MATRIX).map(([id, c]) => ({
    id,
    title: c.title,
    kind: 'competence',
    levels: [...c.levels],
  }));
  const indicators: ItemJson[] = TINY_LEVELS.flatMap((level) =>
    Array.from({ length: indicatorsPerLevel }, (_, n) => ({
      id: `${level}-indicator-${n + 1}`,
      title: `I show ${level} practice number ${n + 1}.`,
      kind: 'indicator' as const,
      levels: [level],
    })),
  );
  const base: FrameworkJson = {
    id: 'tiny',
    title: 'Tiny Test Framework',
    version: '1.0',
    source: { title: 'A framework made up for tests', publisher: null, date: null },
    scale: {
      met: 2,
      values: [
        { value: 0, label: 'Not yet' },
        { value: 1, label: 'Developing' },
        { value: 2, label: 'Competent' },
        { value: 3, label: 'Proficient' },
      ],
    },
    levels: TINY_LEVELS.map((id) => ({
      id,
      title: `${id[0]!.toUpperCase()}${id.slice(1)} Level`,
      descriptor: [`People at the ${id} level practise as a ${id}.`],
      roles: [`${id[0]!.toUpperCase()}${id.slice(1)} Worker`],
    })),
    items: [...competences, ...indicators],
    rules: DEFAULT_RULES(),
  };
  return structuredClone({ ...base, ...fields });
}

/** A framework JSON file from data/frameworks, freshly read (so tests may change it). */
export function readFrameworkJson(id: string): FrameworkJson {
  return JSON.parse(readFileSync(`${DATA_DIR}${id}.json`, 'utf8')) as FrameworkJson;
}

export function frameworkFiles(): string[] {
  return readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** Ids of the non-indicator items (competences, KSBs, criteria) a level requires, in framework order. */
export function coreIds(fw: FrameworkLike, level: string): string[] {
  return fw.items.filter((i) => i.kind !== 'indicator' && i.levels.includes(level)).map((i) => i.id);
}

/** Ids of a level's indicators, in framework order. */
export function indicatorIds(fw: FrameworkLike, level: string): string[] {
  return fw.items.filter((i) => i.kind === 'indicator' && i.levels.includes(level)).map((i) => i.id);
}

/** Ids of everything a level requires, in framework order. */
export function requiredIds(fw: FrameworkLike, level: string): string[] {
  return fw.items.filter((i) => i.levels.includes(level)).map((i) => i.id);
}

/** Non-indicator items a level requires that the level below it does not (all of them for the first level). */
export function addedIds(fw: FrameworkLike, level: string): string[] {
  const at = fw.levels.findIndex((l) => l.id === level);
  const below = at > 0 ? new Set(coreIds(fw, fw.levels[at - 1]!.id)) : new Set<string>();
  return coreIds(fw, level).filter((id) => !below.has(id));
}

export function levelTitle(fw: FrameworkLike, level: string): string {
  const found = fw.levels.find((l) => l.id === level);
  if (!found) throw new Error(`no level ${level}`);
  return found.title;
}

export function itemTitle(fw: FrameworkLike, id: string): string {
  const found = fw.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found.title;
}

/** The smallest count of `n` whose share is at least `share` (3 of 4 for 0.75, 7 of 9 for 0.75). */
export const atLeast = (share: number, n: number): number => Math.ceil(share * n - 1e-9);

export interface RatingsSpec {
  /** Levels whose required competences (all non-indicator items) are all met. */
  meetLevels?: readonly string[];
  /**
   * Share of indicators met, taking each level's indicators in framework order: one number for every level in
   * `meetLevels`, or a share per level id. The count is the smallest whose share reaches it (`atLeast`).
   */
  indicatorShare?: number | Readonly<Record<string, number>>;
  /** Exact numbers of indicators met per level id (the first N in framework order); wins over indicatorShare. */
  indicatorCount?: Readonly<Record<string, number>>;
  /** Further item ids to meet. */
  meet?: readonly string[];
  /** Item ids to leave unmet (rated `unmetRating`), applied last. */
  unmeet?: readonly string[];
  /** The rating given to met items (default: the scale's `met` value). */
  metRating?: number;
  /** The rating given to `unmeet` items and, with `rateAll`, to every other item (default: one step below met). */
  unmetRating?: number;
  /** Rate every item (unmet ones at `unmetRating`) instead of leaving unmet items unanswered. */
  rateAll?: boolean;
}

/** One step below the scale's met value: the highest rating that does not count as met. */
export function belowMet(fw: FrameworkLike): number {
  const values = fw.scale.values.map((v) => v.value);
  return values[values.indexOf(fw.scale.met) - 1]!;
}

/** Builds `{ ratings }` for a person described by which levels and how many indicators they meet. */
export function ratingsFor(fw: FrameworkLike, spec: RatingsSpec = {}): Responses {
  const metRating = spec.metRating ?? fw.scale.met;
  const unmetRating = spec.unmetRating ?? belowMet(fw);
  const met = new Set<string>();
  for (const level of spec.meetLevels ?? []) coreIds(fw, level).forEach((id) => met.add(id));
  const shares: Record<string, number> =
    typeof spec.indicatorShare === 'number'
      ? Object.fromEntries((spec.meetLevels ?? []).map((l) => [l, spec.indicatorShare as number]))
      : { ...(spec.indicatorShare ?? {}) };
  const counts: Record<string, number> = {};
  for (const [level, share] of Object.entries(shares)) counts[level] = atLeast(share, indicatorIds(fw, level).length);
  Object.assign(counts, spec.indicatorCount ?? {});
  for (const [level, count] of Object.entries(counts)) {
    const ids = indicatorIds(fw, level);
    if (count > ids.length) throw new Error(`${level} has only ${ids.length} indicators`);
    ids.slice(0, count).forEach((id) => met.add(id));
  }
  for (const id of spec.meet ?? []) met.add(id);
  for (const id of spec.unmeet ?? []) met.delete(id);
  const ratings: Record<string, number> = {};
  for (const item of fw.items) {
    if (met.has(item.id)) ratings[item.id] = metRating;
    else if (spec.rateAll || spec.unmeet?.includes(item.id)) ratings[item.id] = unmetRating;
  }
  return { ratings };
}

/** Ids rated at or above the scale's met value. */
export function metSet(fw: FrameworkLike, responses: Responses): Set<string> {
  return new Set(Object.entries(responses.ratings).filter(([, v]) => v >= fw.scale.met).map(([id]) => id));
}
