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
  /** Share of everything the level requires that is met. */
  coverage: number;
  competences: { required: number; met: number };
  indicators: { required: number; met: number };
  /** Ids of the required items that are met / not yet met (optional indicators not met are in neither), in framework order. */
  met: string[];
  missing: string[];
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
  gaps: { target: string | null; items: FitItem[] };
  /** The indicative role asked about, and the level whose roles list it. */
  role: { title: string; level: string } | null;
  /** Sentences saying why this level and not the next. */
  explanation: string[];
}
