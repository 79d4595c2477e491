import type { Item, ItemKind } from '@levelfit/engine';

/** Most questions on one step unless the `step-size` attribute says otherwise. */
export const DEFAULT_STEP_SIZE = 12;

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

/**
 * Groups the framework's items into steps, in source order: each run of consecutive items under the same
 * heading is one step, and a run longer than `maxPerStep` is split into balanced parts (23 → 12 + 11).
 * For the clinical-homecare framework this gives the common and core competences in two parts, then one
 * step per level's indicators: seven steps.
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
    const per = Math.ceil(run.ids.length / parts);
    for (let p = 0; p < parts; p++) {
      steps.push({ index: steps.length, heading: run.heading, part: p + 1, parts, itemIds: run.ids.slice(p * per, (p + 1) * per) });
    }
  }
  return steps;
}
