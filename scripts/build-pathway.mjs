#!/usr/bin/env node
// Composes data/frameworks/adult-care-pathway.json (Levels 2 → 3 → 4 → 5) from the four single-standard
// files, so level fit works across the adult care apprenticeship pathway. Run after editing any of them;
// test/node/data.test.ts fails when the committed file differs from what this script writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../data/frameworks/', import.meta.url));
export const PATHWAY_STEPS = [
  ['adult-care-worker-l2', 'l2'],
  ['lead-adult-care-worker-l3', 'l3'],
  ['lead-practitioner-adult-care', 'l4'],
  ['leader-adult-care-l5', 'l5'],
];

export function composePathway(read = (id) => JSON.parse(readFileSync(`${dir}${id}.json`, 'utf8'))) {
  const parts = PATHWAY_STEPS.map(([id, prefix]) => ({ fw: read(id), prefix }));
  const first = parts[0].fw;
  return {
    id: 'adult-care-pathway',
    title: 'Adult care apprenticeship pathway (Levels 2 to 5)',
    version: 'composed-1',
    source: {
      title: parts.map(({ fw }) => fw.source.title).join('; '),
      publisher: null,
      licence: null, // none of the four standards' sources states a licence
      date: null,
      note:
        'Composed by levelfit from the four adult care standards in its data, one level each, lowest first: ' +
        parts.map(({ fw }) => `${fw.levels[0].title} (framework "${fw.id}")`).join(', ') +
        '. Items keep each standard\'s wording, code and group; ids are prefixed with the level (l2-, l3-, l4-, l5-). ' +
        'Each standard is cited in its own file. A level is attained when every statement of its standard is met.',
    },
    scale: first.scale,
    levels: parts.map(({ fw }) => fw.levels[0]),
    items: parts.flatMap(({ fw, prefix }) =>
      fw.items.map((item) => ({
        ...item,
        id: `${prefix}-${item.id}`,
        group: item.group ? `${fw.levels[0].title}: ${item.group}` : fw.levels[0].title,
      })),
    ),
    rules: first.rules,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = composePathway();
  writeFileSync(`${dir}adult-care-pathway.json`, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote data/frameworks/adult-care-pathway.json: ${out.levels.length} levels, ${out.items.length} items`);
}
