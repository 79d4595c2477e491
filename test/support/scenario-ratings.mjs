// Shared by the playwright-core suites (test/csp, test/e2e).

/** Ratings that put a person at a level of `fw` (optionally overlapping the next), as stories/support/scenarios.ts does. */
export function ratingsFor(fw, bestFit, overlap = false) {
  const levels = fw.levels.map((l) => l.id);
  const best = bestFit === null ? -1 : levels.indexOf(bestFit);
  const metAt = fw.scale.met;
  const values = fw.scale.values.map((v) => v.value);
  const met = values.filter((v) => v >= metAt);
  const unmet = values.filter((v) => v < metAt);
  const ratings = {};
  let indicators = 0;
  let added = 0;
  fw.items.forEach((item, i) => {
    const lowest = Math.min(...item.levels.map((l) => levels.indexOf(l)));
    let ok = lowest <= best;
    if (!ok && overlap && lowest === best + 1) ok = item.kind === 'indicator' ? indicators++ % 3 === 0 : added++ === 0;
    if (best < 0 && lowest === 0 && item.kind !== 'indicator') ok = i % 2 === 0;
    ratings[item.id] = ok ? met[i % met.length] : unmet[i % unmet.length];
  });
  return ratings;
}
