/**
 * Small frameworks for tests (STYLE #9: factories, not fixtures copied around). The default has two levels,
 * three core competences (one step), and two indicators per level (one step each): three steps in all.
 *
 *   level-one attained: every competence met and 75% of its indicators met.
 */
export interface FactoryItem {
  id: string;
  title: string;
  kind: 'competence' | 'indicator';
  group?: string;
  levels: string[];
  code?: string;
  description?: string;
}

export interface FactoryFramework {
  id: string;
  title: string;
  version: string;
  source: { title: string; publisher: string | null; date: string | null };
  scale: { met: number; values: { value: number; label: string; hint?: string }[] };
  levels: { id: string; title: string; descriptor: string[]; roles: string[] }[];
  items: FactoryItem[];
  rules: unknown[];
}

export const SMALL_SCALE = [
  { value: 0, label: 'Not yet' },
  { value: 1, label: 'Developing' },
  { value: 2, label: 'Competent' },
  { value: 3, label: 'Proficient' },
];

export const ATTAINED_RULE = {
  name: 'attained',
  conditions: {
    all: [
      { fact: 'competencesMissing', operator: 'equal', value: 0 },
      { fact: 'indicatorCoverage', operator: 'greaterThanInclusive', value: 0.75 },
    ],
  },
  event: { type: 'attained' },
};

export function makeFramework(overrides: Partial<FactoryFramework> = {}): FactoryFramework {
  const both = ['level-one', 'level-two'];
  return {
    id: 'test-framework',
    title: 'Test framework',
    version: '1.0',
    source: { title: 'Test source', publisher: null, date: '2025' },
    scale: { met: 2, values: SMALL_SCALE.map((v) => ({ ...v })) },
    levels: [
      { id: 'level-one', title: 'Level one', descriptor: ['The first level.'], roles: ['Support worker', 'Care assistant'] },
      { id: 'level-two', title: 'Level two', descriptor: ['The second level.'], roles: ['Team leader'] },
    ],
    items: [
      { id: 'communicate', title: 'Communicate clearly', kind: 'competence', group: 'Core competences', levels: both },
      { id: 'safeguard', title: 'Safeguard people', kind: 'competence', group: 'Core competences', levels: both },
      { id: 'record', title: 'Keep records', kind: 'competence', group: 'Core competences', levels: both },
      { id: 'one-a', title: 'I follow procedures.', kind: 'indicator', group: 'Level one', levels: ['level-one'] },
      { id: 'one-b', title: 'I ask for help when I need it.', kind: 'indicator', group: 'Level one', levels: ['level-one'] },
      { id: 'two-a', title: 'I lead a small team.', kind: 'indicator', group: 'Level two', levels: ['level-two'] },
      { id: 'two-b', title: 'I plan the work of others.', kind: 'indicator', group: 'Level two', levels: ['level-two'] },
    ],
    rules: [structuredClone(ATTAINED_RULE)],
    ...overrides,
  };
}

/** Ratings for every item of a framework: `rate(item, index)` picks each. */
export function ratingsFor(
  framework: { items: { id: string }[] },
  rate: (item: { id: string }, index: number) => number | undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  framework.items.forEach((item, i) => {
    const r = rate(item, i);
    if (r !== undefined) out[item.id] = r;
  });
  return out;
}
