/**
 * The built-in data against its sources: every file in data/frameworks parses, and its levels, items, codes,
 * matrix and counts match the seed documents in /work/shared/seeds (read-only truth). Expectations are written
 * from the seeds (by hand, or by reading the seed text here), never from the engine's output.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { BUILTIN_IDS, frameworks, parseFramework, type Framework } from '../../packages/engine/src/index.ts';
import { isParsedFramework } from '../../packages/engine/src/internal.ts';
import { DATA_DIR, ROOT, SEEDS_DIR, frameworkFiles, readFrameworkJson, type FrameworkJson } from '../support/factories.ts';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function seedText(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${prefix}_`));
  assert.ok(file, `seed ${prefix}_*.txt exists`);
  return readFileSync(`${SEEDS_DIR}${file}`, 'utf8');
}

/** Seed 003 holds five standards one after another; each starts with its heading on a line of its own. */
const SEED_003_HEADINGS = {
  'adult-care-worker-l2': 'Level 2 Adult Care Worker Standard',
  'lead-adult-care-worker-l3': 'Level 3 Lead Adult Care Worker Standard',
  'leader-adult-care-l5': 'Level 5 Leader in Adult Care',
  'cypf-practitioner-l4': 'Level 4 Children, Young People and Families Practitioner',
  'cypf-manager-l5': 'Level 5 Children, Young People and Families Manager',
} as const;

function seed003Section(id: keyof typeof SEED_003_HEADINGS): string {
  const lines = seedText('003').split('\n');
  const starts = Object.values(SEED_003_HEADINGS).map((h) => {
    const at = lines.findIndex((l) => l.trim() === h);
    assert.ok(at >= 0, `seed 003 has the heading "${h}"`);
    return at;
  });
  const start = lines.findIndex((l) => l.trim() === SEED_003_HEADINGS[id]);
  const end = Math.min(...starts.filter((s) => s > start), lines.length);
  return lines.slice(start, end).join('\n');
}

/** The (whitespace-normalised) seed text each framework's words must come from. */
function sourceTextFor(id: string): string {
  switch (id) {
    case 'clinical-homecare':
      return norm(seedText('000'));
    case 'lead-practitioner-adult-care':
      return norm(seedText('001'));
    case 'nos-managing-homecare-workers':
      return norm(seedText('002'));
    case 'adult-care-pathway':
      return norm(seedText('001')) + '\n' + norm(seedText('003'));
    default:
      assert.ok(id in SEED_003_HEADINGS, `framework "${id}" has a known seed`);
      return norm(seed003Section(id as keyof typeof SEED_003_HEADINGS));
  }
}

const files = frameworkFiles();
const json = (file: string) => JSON.parse(readFileSync(`${DATA_DIR}${file}`, 'utf8')) as FrameworkJson;

describe('every data file', () => {
  test('there are data files', () => {
    assert.ok(files.length >= 8, `found ${files.length}`);
  });
  for (const file of files) {
    describe(file, () => {
      const raw = json(file);
      test('parses with parseFramework, and its id is the file name', () => {
        const fw = parseFramework(raw);
        assert.equal(`${fw.id}.json`, file);
      });
      test('level ids and item ids are unique; every item names levels that exist, each once', () => {
        const levelIds = raw.levels.map((l) => l.id);
        assert.equal(new Set(levelIds).size, levelIds.length);
        const itemIds = raw.items.map((i) => i.id);
        assert.equal(new Set(itemIds).size, itemIds.length);
        for (const item of raw.items) {
          assert.ok(item.levels.length > 0, item.id);
          assert.equal(new Set(item.levels).size, item.levels.length, item.id);
          for (const lv of item.levels) assert.ok(levelIds.includes(lv), `${item.id} names level ${lv}`);
        }
        for (const lv of levelIds) assert.ok(raw.items.some((i) => i.levels.includes(lv)), `something is required at ${lv}`);
      });
      test('has an "attained" rule', () => {
        assert.ok(raw.rules.some((r) => r.event.type === 'attained'));
      });
      test('every item title, level descriptor paragraph and role occurs verbatim in its seed', () => {
        const text = sourceTextFor(raw.id);
        for (const item of raw.items) {
          if (item.kind === 'indicator') continue; // first-person rewordings: their `source` is checked instead
          if (raw.id === 'clinical-homecare') continue; // the matrix cells break titles over lines: see the matrix test
          assert.ok(text.includes(norm(item.title)), `${raw.id} ${item.id}: "${item.title}"`);
        }
        for (const level of raw.levels) {
          if (raw.id === 'clinical-homecare') continue; // table cells: see the career framework test
          for (const p of level.descriptor) assert.ok(text.includes(norm(p)), `${raw.id} ${level.id} descriptor: "${p}"`);
          for (const r of level.roles) assert.ok(text.includes(norm(r)), `${raw.id} ${level.id} role: "${r}"`);
        }
      });
      test('every item group is a heading from its seed', () => {
        const text = sourceTextFor(raw.id);
        const levelTitles = new Map(raw.levels.map((l) => [l.id, l.title]));
        for (const item of raw.items) {
          if (item.group === undefined) continue;
          let group = item.group;
          if (raw.id === 'adult-care-pathway') {
            // composed: "<level title>" or "<level title>: <the standard's own group>"
            const prefix = levelTitles.get(item.levels[0]!)!;
            if (group === prefix) continue;
            assert.ok(group.startsWith(`${prefix}: `), `${item.id}: "${group}"`);
            group = group.slice(prefix.length + 2);
          }
          assert.ok(text.includes(norm(group)), `${raw.id} ${item.id} group: "${group}"`);
        }
      });
    });
  }
});

describe('frameworks (the built-ins)', () => {
  test('exposes every data file by id, equal to parsing the file', () => {
    const ids = files.map((f) => f.replace(/\.json$/, ''));
    assert.deepEqual(Object.keys(frameworks).sort(), [...ids].sort());
    assert.deepEqual([...BUILTIN_IDS].sort(), [...ids].sort());
    for (const id of ids) {
      const fw = (frameworks as Record<string, Framework>)[id]!;
      assert.ok(isParsedFramework(fw), id);
      assert.ok(Object.isFrozen(fw) && Object.isFrozen(fw.items) && Object.isFrozen(fw.items[0]), `${id} is frozen`);
      assert.deepEqual(fw, parseFramework(readFrameworkJson(id)), `${id}: run node scripts/gen-data.mjs`);
    }
  });
  test('clinical-homecare comes first', () => {
    assert.equal(BUILTIN_IDS[0], 'clinical-homecare');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Clinical homecare (seed 000)

const CH_LEVELS = ['supportive', 'associate', 'autonomous', 'enhanced', 'advanced'] as const;

/**
 * The seed's "Core Competences for each Career Framework Level" table, transcribed by hand:
 * one character per level, Supportive → Advanced; X = required.
 */
const CH_MATRIX: [title: string, pattern: string][] = [
  ['Communicate effectively in a healthcare environment', 'XXXXX'],
  ['Develop your own knowledge and practice', 'XX...'],
  ['Synthesise new knowledge into the development of your own practice', '..XXX'],
  ['Develop and maintain your professional networks', '..XXX'],
  ['Monitor your own work practices', 'XXXXX'],
  ['Develop your practice through reflection and learning', '..XXX'],
  ['Take responsibility for the continuing professional development of yourself and others', '..XXX'],
  ['Perform hand hygiene to prevent the spread of infection', 'XXXXX'],
  ['Make sure your own actions reduce risks to health and safety', 'XXXXX'],
  ['Make sure your actions contribute to a positive and safe working culture', 'XXXXX'],
  ['Support the safeguarding of individuals', 'XXXXX'],
  ['Identify and evaluate opportunities for innovation and improvement', '..XXX'],
  ['Act within the limits of your competence and authority', 'XXXXX'],
  ['Manage and organise your own time and activities', 'XXXXX'],
  ['Monitor, evaluate and improve inter-agency services for addressing health and wellbeing needs', '....X'],
  ['Uphold the rights of individuals', 'XXXXX'],
  ['Promote the rights and diversity of individuals', '..XXX'],
  ['Comply with legal requirements for maintaining confidentiality in healthcare', 'XXXXX'],
  ['Store and retrieve information using a filing system', 'XXXXX'],
  ['Contribute to the effectiveness of teams', 'XXXXX'],
  ['Develop and sustain productive working relationships with colleagues', '..XXX'],
  ['Use digital communications', 'XXXXX'],
  ['Implement and evaluate change', '....X'],
];

/** Reads the competence table out of the seed text: a row whose level cells are all empty continues the title above. */
function seedMatrix(): [string, string][] {
  const lines = seedText('000').split('\n');
  const start = lines.findIndex((l) => l.startsWith('Competence\tSupportive Level'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('Once the role profile'));
  assert.ok(start > 0 && end > start, 'the competence table is in seed 000');
  const rows: [string, string][] = [];
  for (const line of lines.slice(start + 1, end)) {
    if (!line.trim()) continue;
    const [title, ...cells] = line.split('\t');
    const pattern = CH_LEVELS.map((_, i) => (cells[i]?.trim() === 'X' ? 'X' : '.')).join('');
    if (pattern === '.....' && rows.length) rows[rows.length - 1]![0] += ` ${title!.trim()}`;
    else rows.push([title!.trim(), pattern]);
  }
  return rows;
}

interface SeedLevel {
  title: string;
  descriptor: string[];
  roles: string[];
}

/**
 * Reads the career framework table (level | descriptor paragraphs | indicative roles) out of seed 000. The table
 * breaks over pages: continuation rows have an empty first cell, and a paragraph that starts lower-case continues
 * the paragraph cut at the page break.
 */
function seedLevels(): SeedLevel[] {
  const lines = seedText('000').split('\n');
  const start = lines.findIndex((l) => l.trim() === 'Component 1: The Career Framework');
  const end = lines.findIndex((l, i) => i > start && l.startsWith('Component 2:'));
  const paras = (cell: string | undefined) => [...(cell ?? '').matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!.trim());
  const out: SeedLevel[] = [];
  for (const line of lines.slice(start + 1, end)) {
    if (!line.trim() || line.startsWith('Career Framework Level\t')) continue;
    const [head, descriptor, roles] = line.split('\t');
    const title = head!.replace(/<\/?p>/g, '').trim();
    const d = paras(descriptor);
    if (title) out.push({ title, descriptor: d, roles: paras(roles) });
    else {
      const level = out[out.length - 1]!;
      if (d.length && /^[a-z]/.test(d[0]!)) level.descriptor[level.descriptor.length - 1] += ` ${d.shift()}`;
      level.descriptor.push(...d);
      level.roles.push(...paras(roles));
    }
  }
  return out;
}

describe('clinical-homecare (seed 000)', () => {
  const raw = readFrameworkJson('clinical-homecare');
  const competences = raw.items.filter((i) => i.kind === 'competence');
  const indicators = raw.items.filter((i) => i.kind === 'indicator');

  test('the hand-written matrix is the seed table', () => {
    assert.deepEqual(seedMatrix(), CH_MATRIX);
  });

  test('5 levels, Supportive → Advanced, titled as in the seed', () => {
    assert.deepEqual(
      raw.levels.map((l) => l.id),
      [...CH_LEVELS],
    );
    assert.deepEqual(
      raw.levels.map((l) => l.title),
      seedLevels().map((l) => l.title),
    );
    for (const [i, t] of ['Supportive', 'Associate', 'Autonomous', 'Enhanced', 'Advanced'].entries()) {
      assert.ok(raw.levels[i]!.title.startsWith(t), raw.levels[i]!.title);
    }
  });

  test('23 competences in the seed order, each required at exactly the levels the seed marks X', () => {
    assert.equal(competences.length, 23);
    assert.deepEqual(
      competences.map((c) => c.title),
      CH_MATRIX.map(([t]) => t),
    );
    for (const [title, pattern] of CH_MATRIX) {
      const item = competences.find((c) => c.title === title)!;
      const expected = CH_LEVELS.filter((_, i) => pattern[i] === 'X');
      assert.deepEqual(item.levels, expected, title);
    }
  });

  test('the competences sit under the seed table\'s own heading; the indicators under their level\'s title', () => {
    const lines = seedText('000').split('\n').map((l) => l.trim());
    const table = lines.findIndex((l) => l.startsWith('Competence\tSupportive Level'));
    const heading = lines.slice(0, table).filter(Boolean).at(-1);
    assert.equal(heading, 'Core Competences for each Career Framework Level');
    for (const c of competences) assert.equal(c.group, heading, c.id);
    for (const i of indicators) assert.equal(i.group, raw.levels.find((l) => l.id === i.levels[0])!.title, i.id);
  });

  test('competences per level are the X counts of each seed column (14/14/20/20/22)', () => {
    const byColumn = CH_LEVELS.map((_, i) => CH_MATRIX.filter(([, p]) => p[i] === 'X').length);
    assert.deepEqual(byColumn, [14, 14, 20, 20, 22]);
    assert.deepEqual(
      CH_LEVELS.map((lv) => competences.filter((c) => c.levels.includes(lv)).length),
      byColumn,
    );
  });

  test('descriptors and indicative roles are the seed table cells, verbatim and in order', () => {
    const seed = seedLevels();
    assert.equal(seed.length, 5);
    raw.levels.forEach((level, i) => {
      assert.deepEqual(level.descriptor, seed[i]!.descriptor, `${level.id} descriptor`);
      assert.deepEqual(level.roles, seed[i]!.roles, `${level.id} roles`);
    });
  });

  test('indicative roles per level: 8/8/8/7/10', () => {
    assert.deepEqual(
      raw.levels.map((l) => l.roles.length),
      [8, 8, 8, 7, 10],
    );
    assert.ok(raw.levels[1]!.roles.includes('Nursing Associate'));
    assert.ok(raw.levels[4]!.roles.includes('Caldicott Guardian'));
  });

  test('every level has at least 4 indicators; each belongs to one level and cites a sentence of its descriptor', () => {
    for (const level of raw.levels) {
      const mine = indicators.filter((i) => i.levels.includes(level.id));
      assert.ok(mine.length >= 4, `${level.id} has ${mine.length} indicators`);
      for (const ind of mine) {
        assert.deepEqual(ind.levels, [level.id], ind.id);
        assert.equal(typeof ind.source, 'string', `${ind.id} has a source`);
        assert.ok(ind.source!.length > 10, ind.id);
        assert.ok(
          level.descriptor.some((p) => p.includes(ind.source!)),
          `${ind.id}: source "${ind.source}" is not in the ${level.id} descriptor`,
        );
        assert.match(ind.title, /\bI\b/, `${ind.id} is a first-person statement`);
      }
      for (const p of level.descriptor) {
        assert.ok(
          mine.some((i) => p.includes(i.source!)),
          `${level.id}: no indicator is drawn from "${p.slice(0, 60)}…"`,
        );
      }
    }
  });

  test('the source is the 27.11.24 V4.5 consultation draft', () => {
    assert.equal(raw.source.date, '2024-11-27');
    assert.match(raw.version, /4\.5/);
    assert.equal(raw.source.publisher, null);
  });

  test('met is "2" on the scale, so 1 is not met', () => {
    assert.equal(raw.scale.met, 2);
    assert.ok(raw.scale.values.some((v) => v.value === 1));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Codes and counts

const seq = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const KIND_OF_PREFIX: Record<string, string> = { K: 'knowledge', S: 'skill', B: 'behaviour', P: 'performance' };

describe('lead-practitioner-adult-care (seed 001)', () => {
  const raw = readFrameworkJson('lead-practitioner-adult-care');
  test('items are K1–K13, S1–S26, B1–B6 in order, kinds from the prefix', () => {
    assert.deepEqual(
      raw.items.map((i) => i.code),
      [...seq('K', 13), ...seq('S', 26), ...seq('B', 6)],
    );
    for (const item of raw.items) assert.equal(item.kind, KIND_OF_PREFIX[item.code![0]!], item.id);
  });
  test('each item is printed in the seed as "<code>: <title>"', () => {
    const text = norm(seedText('001'));
    for (const item of raw.items) assert.ok(text.includes(`${item.code}: ${norm(item.title)}`), `${item.code}: ${item.title}`);
  });
  test('one level; its roles are the 16 typical job titles', () => {
    assert.equal(raw.levels.length, 1);
    assert.equal(raw.levels[0]!.roles.length, 16);
    assert.ok(raw.levels[0]!.roles.includes('Telecare Assistant'));
  });
});

describe('nos-managing-homecare-workers (seed 002)', () => {
  const raw = readFrameworkJson('nos-managing-homecare-workers');
  test('items are P1–P46 then K1–K99 in order, kinds from the prefix', () => {
    assert.deepEqual(
      raw.items.map((i) => i.code),
      [...seq('P', 46), ...seq('K', 99)],
    );
    for (const item of raw.items) assert.equal(item.kind, KIND_OF_PREFIX[item.code![0]!], item.id);
  });
  test('each item is printed in the seed as "<code> <title>"', () => {
    const text = norm(seedText('002'));
    for (const item of raw.items) assert.ok(text.includes(`${item.code} ${norm(item.title)}`), `${item.code} ${item.title}`);
  });
});

describe('the seed-003 standards', () => {
  const expected: Record<keyof typeof SEED_003_HEADINGS, [knowledge: number, skill: number, behaviour: number]> = {
    'adult-care-worker-l2': [36, 36, 6],
    'lead-adult-care-worker-l3': [34, 37, 6],
    'leader-adult-care-l5': [14, 21, 6],
    'cypf-practitioner-l4': [16, 17, 0],
    'cypf-manager-l5': [21, 23, 6],
  };
  for (const [id, [k, s, b]] of Object.entries(expected)) {
    test(`${id}: one level, ${k} knowledge / ${s} skill / ${b} behaviour, nothing else`, () => {
      const raw = readFrameworkJson(id);
      assert.equal(raw.levels.length, 1);
      const count = (kind: string) => raw.items.filter((i) => i.kind === kind).length;
      assert.deepEqual([count('knowledge'), count('skill'), count('behaviour')], [k, s, b]);
      assert.equal(raw.items.length, k + s + b);
      assert.equal(raw.source.title, SEED_003_HEADINGS[id as keyof typeof SEED_003_HEADINGS]);
    });
  }
  for (const id of ['adult-care-worker-l2', 'lead-adult-care-worker-l3']) {
    test(`${id}: knowledge and skills are numbered 1… in the seed, and printed there as "<n>. <title>"`, () => {
      const raw = readFrameworkJson(id);
      const [k, s] = expected[id as 'adult-care-worker-l2'];
      assert.deepEqual(
        raw.items.filter((i) => i.kind === 'knowledge').map((i) => i.code),
        seq('', k),
      );
      assert.deepEqual(
        raw.items.filter((i) => i.kind === 'skill').map((i) => i.code),
        seq('', s),
      );
      const text = norm(seed003Section(id as 'adult-care-worker-l2'));
      for (const item of raw.items) {
        if (item.code !== undefined) assert.ok(text.includes(`${item.code}. ${norm(item.title)}`), `${item.code}. ${item.title}`);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// The composed adult care pathway

const PATHWAY = [
  ['level-2', 'adult-care-worker-l2', 'l2'],
  ['level-3', 'lead-adult-care-worker-l3', 'l3'],
  ['level-4', 'lead-practitioner-adult-care', 'l4'],
  ['level-5', 'leader-adult-care-l5', 'l5'],
] as const;

describe('adult-care-pathway', { skip: !existsSync(`${DATA_DIR}adult-care-pathway.json`) && 'not added yet' }, () => {
  const raw = () => readFrameworkJson('adult-care-pathway');
  test('has levels level-2 … level-5, each the level of its single-standard file', () => {
    const fw = raw();
    assert.deepEqual(
      fw.levels.map((l) => l.id),
      PATHWAY.map(([lv]) => lv),
    );
    for (const [lv, id] of PATHWAY) {
      assert.deepEqual(
        fw.levels.find((l) => l.id === lv),
        readFrameworkJson(id).levels[0],
        lv,
      );
    }
  });
  test('its items per level are the items of the four single-standard files, in order', () => {
    const fw = raw();
    const strip = ({ id: _id, group: _group, ...rest }: FrameworkJson['items'][number]) => rest;
    let total = 0;
    for (const [lv, id, prefix] of PATHWAY) {
      const single = readFrameworkJson(id).items;
      const mine = fw.items.filter((i) => i.levels.includes(lv));
      total += single.length;
      assert.equal(mine.length, single.length, `${lv}: ${mine.length} items, ${id} has ${single.length}`);
      assert.deepEqual(mine.map(strip), single.map(strip), lv);
      assert.deepEqual(
        mine.map((i) => i.id),
        single.map((i) => `${prefix}-${i.id}`),
        lv,
      );
      for (const item of mine) assert.deepEqual(item.levels, [lv], item.id);
    }
    assert.equal(fw.items.length, total);
  });
  test('it uses the standards\' scale and rules', () => {
    const fw = raw();
    const l2 = readFrameworkJson('adult-care-worker-l2');
    assert.deepEqual(fw.scale, l2.scale);
    assert.deepEqual(fw.rules, l2.rules);
  });
  test('the committed file is what scripts/build-pathway.mjs writes', async (t) => {
    const script = `${ROOT}scripts/build-pathway.mjs`;
    if (!existsSync(script)) return t.skip('no scripts/build-pathway.mjs');
    const { composePathway } = (await import(script)) as { composePathway: () => unknown };
    assert.deepEqual(raw(), composePathway());
  });
});
