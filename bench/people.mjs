/**
 * Seeded synthetic people for the benchmark: deterministic, varied across levels, JSON round-tripped
 * (fast-mode objects, like a received payload).
 */

/** mulberry32: a small deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` people for a framework JSON. Each person has an ability on the level scale; an item is likelier met
 * the further the ability is above the first level that lists it. About 0.5% of ratings are left unanswered.
 */
export function makePeople(fw, n, seed = 20261123) {
  const rand = mulberry32(seed);
  const levelIndex = new Map(fw.levels.map((l, i) => [l.id, i]));
  const home = fw.items.map((item) => Math.min(...item.levels.map((id) => levelIndex.get(id))));
  const metAt = fw.scale.met;
  const values = fw.scale.values.map((v) => v.value).sort((a, b) => a - b);
  const below = values.filter((v) => v < metAt);
  const atOrAbove = values.filter((v) => v >= metAt);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const keys = fw.items.map((item) => `${JSON.stringify(item.id)}:`);
  // Each person is written as JSON text and parsed: fast-mode objects, like a received payload
  // (67 keyed stores on one object would put it in V8's dictionary mode).
  const people = new Array(n);
  for (let p = 0; p < n; p++) {
    const ability = rand() * (fw.levels.length + 1) - 0.5;
    const sharpness = 3 + rand() * 6;
    const parts = [];
    for (let i = 0; i < keys.length; i++) {
      if (rand() < 0.005) continue; // unanswered
      const pMet = 1 / (1 + Math.exp(-(ability - home[i] - 0.2) * sharpness));
      parts.push(keys[i] + (rand() < pMet ? pick(atOrAbove) : pick(below)));
    }
    people[p] = JSON.parse(`{"ratings":{${parts.join(',')}}}`);
  }
  return people;
}
