import type { Item, ItemKind } from '@levelfit/engine';

/** Most questions on one step unless the `step-size` attribute says otherwise. */
export const DEFAULT_STEP_SIZE = 10;

/** What a step is about: the source's own heading (`item.group`) or, for ungrouped items, their kind. */
export type StepHeading = { type: 'group'; text: string } | { type: 'kind'; kind: ItemKind };

export interface Step {
  /** Stable within one framework and step size: `0`, `1`, … */
  index: number;
  heading: StepHeading;
  /** 1-based part of a long group that was split, and how many parts it has (1 of 1 when not split). */
  part: number;
  parts: number;
  itemIds: readonly string[];
}

const headingKey = (item: Item): string => (item.group !== undefined ? `g:${item.group}` : `k:${item.kind}`);

/** Splits `ids` into `parts` runs whose sizes differ by at most one, longer runs first (22 → 8 + 7 + 7). */
export function evenParts<T>(ids: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let p = 0; p < parts; p++) {
    const size = Math.floor(ids.length / parts) + (p < ids.length % parts ? 1 : 0);
    out.push(ids.slice(start, start + size));
    start += size;
  }
  return out;
}

/**
 * Groups the framework's items into steps, in source order: each run of consecutive items under the same
 * heading is one step (one topic a page), and a run longer than `maxPerStep` is split into the fewest parts
 * that fit, as even as they can be (23 → 8 + 8 + 7, 12 → 6 + 6), so no step is much longer than another.
 * Groups are not packed together: a page keeps to one topic, titled by it. For the clinical-homecare
 * framework and the default of 10 this gives 8/8/7/8/8/9/6/6/7, where a limit of 12 gave 12/11/8/8/9/12/7.
 */
export function buildSteps(items: readonly Item[], maxPerStep: number = DEFAULT_STEP_SIZE): Step[] {
  const size = Number.isFinite(maxPerStep) && maxPerStep >= 1 ? Math.floor(maxPerStep) : DEFAULT_STEP_SIZE;
  const runs: { heading: StepHeading; ids: string[] }[] = [];
  let lastKey: string | undefined;
  for (const item of items) {
    const key = headingKey(item);
    if (key !== lastKey) {
      runs.push({
        heading: item.group !== undefined ? { type: 'group', text: item.group } : { type: 'kind', kind: item.kind },
        ids: [],
      });
      lastKey = key;
    }
    runs[runs.length - 1]!.ids.push(item.id);
  }
  const steps: Step[] = [];
  for (const run of runs) {
    const parts = Math.ceil(run.ids.length / size);
    evenParts(run.ids, parts).forEach((itemIds, p) => steps.push({ index: steps.length, heading: run.heading, part: p + 1, parts, itemIds }));
  }
  return steps;
}
