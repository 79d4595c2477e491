import type { ItemKind } from '../constants.js';

/** What a person answered: a rating on the framework's scale per item id. A missing rating is "not yet". */
export interface Responses {
  ratings: Record<string, number>;
}

export interface AssessOptions {
  /** Level id to list gaps against (default: the level above the best fit). */
  target?: string;
  /** An indicative role title from the framework; the result then names the role's expected level. */
  role?: string;
}

export interface FitItem {
  id: string;
  title: string;
  kind: ItemKind;
  /** The person's rating (0 when unanswered). */
  rating: number;
}

export interface LevelResult {
  level: string;
  attained: boolean;
  /** Share of the level's required items, other than indicators, that are met (1 when it requires none). */
  competenceCoverage: number;
  /**
   * Share of the level's indicators that are met (1 when it has none). An optional indicator counts when met;
   * when not met it leaves `indicators.required`, and is neither in `missing` nor in the gaps.
   */
  indicatorCoverage: number;
  competences: { required: number; met: number };
  indicators: { required: number; met: number };
  /** Ids of the required items that are met / not yet met (optional indicators not met are in neither), in framework order. */
  met: string[];
  missing: string[];
  /** The least that must change to attain this level (empty when attained). */
  needed: Needed;
}

/**
 * The least that must change to attain a level: every required competence not yet met, and `need` more of the
 * statements (indicators) in `from`, any of them. Both lists are closest first: the higher rating first, then
 * framework order. `need` comes from the framework's own `attained` rule.
 */
export interface Needed {
  competences: FitItem[];
  indicators: { need: number; from: FitItem[] };
}

export interface Overlap {
  from: string;
  to: string;
  /** The met items that belong to the higher level: its indicators and the competences it adds. */
  items: FitItem[];
}

export interface LevelFit {
  frameworkId: string;
  frameworkVersion: string;
  /** The highest attained level, or null. */
  bestFit: string | null;
  overlap: Overlap | null;
  levels: LevelResult[];
  /**
   * Against the target level: `items` is everything it requires that is not met (framework order);
   * `competences` and `indicators` are its `needed` (the least that must change, closest first).
   */
  gaps: { target: string | null; items: FitItem[] } & Needed;
  /** The indicative role asked about, and the level whose roles list it. */
  role: { title: string; level: string } | null;
  /** Why this result, as data: what the engine decided, with the figures (see `Reason`). */
  reasons: Reason[];
  /** `reasons` in plain English (`formatReasons`). */
  explanation: string[];
}

/** Counts for one part of a level: how many are met, how many it requires, how many more are needed. */
export interface ReasonCount {
  met: number;
  required: number;
  needed: number;
}

/** Counts for a level's statements: as `ReasonCount`, and how many unmet ones `needed` may come from. */
export interface ReasonStatements extends ReasonCount {
  from: number;
  /** How many statements met in all attain the level (`met` + `needed`). */
  threshold: number;
}

/**
 * One reason for a result. Codes and figures only: `formatReasons` (or an element, in the page's language)
 * turns them into sentences.
 * - `best_fit`: the person is working at `level`.
 * - `no_level`: no level is attained yet.
 * - `not_complete`: `level`, below the best fit, is not attained; what it still needs.
 * - `to_reach`: what the target `level` still needs (`chosen` when the caller chose the target).
 * - `highest`: `level` is the highest in the framework.
 * - `overlap`: the person already meets `met` of the items `level` adds (`of` in all).
 * - `role`: the indicative `role` is listed at `level`; `place` says where that is against the best fit.
 */
export type Reason =
  | { code: 'best_fit'; level: string }
  | { code: 'no_level' }
  | { code: 'not_complete'; level: string; competences: ReasonCount; indicators: ReasonStatements }
  | { code: 'to_reach'; level: string; chosen: boolean; competences: ReasonCount; indicators: ReasonStatements }
  | { code: 'highest'; level: string }
  | { code: 'overlap'; level: string; met: number; of: number }
  | { code: 'role'; role: string; level: string; place: 'same' | 'above' | 'below' | 'no_level' };

export type ReasonCode = Reason['code'];
