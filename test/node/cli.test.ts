/**
 * The `levelfit` command line (packages/engine/src/cli/index.ts): `main(argv, io)` with an in-memory file system, so each
 * case states its files, its exit code and what it printed. Exit codes: 0 success, 1 invalid input, 2 usage error.
 * The last cases run the CLI as a program (through tsx), directly and through a `levelfit` symlink like npm's bin.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../packages/engine/src/cli/index.ts';
import { assess, frameworks, parseFramework } from '../../packages/engine/src/index.ts';
import { ROOT, frameworkFiles, makeFramework, ratingsFor, readFrameworkJson } from '../support/factories.ts';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the CLI with `files` as the file system (paths not in it are read from disk, relative to the repo). */
async function cli(argv: string[], files: Record<string, string> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => void out.push(...l.split('\n')),
    err: (l) => void err.push(...l.split('\n')),
    readFile: (p) => {
      if (p in files) return files[p]!;
      return readFileSync(p.startsWith('/') ? p : `${ROOT}${p}`, 'utf8');
    },
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const tinyJson = () => JSON.stringify(makeFramework());
const tiny = parseFramework(makeFramework());
const FOUNDATION = ratingsFor(tiny, { meetLevels: ['foundation'], indicatorShare: 1 });
const PRACTITIONER = ratingsFor(tiny, { meetLevels: ['foundation', 'practitioner'], indicatorShare: 1 });
const json = (v: unknown) => JSON.stringify(v);

describe('levelfit (usage)', () => {
  test('--help prints the usage to stdout, exit 0', async () => {
    const r = await cli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out.join('\n'), /^Usage:/);
    assert.match(r.out.join('\n'), /Exit codes: 0 success, 1 invalid input, 2 usage error/);
  });
  test('no command prints the usage to stderr, exit 2', async () => {
    const r = await cli([]);
    assert.equal(r.code, 2);
    assert.match(r.err[0]!, /^Usage:/);
  });
  for (const [name, argv, message] of [
    ['an unknown command', ['score', 'x.json'], /unknown command "score"/],
    ['an unknown option', ['assess', 'x.json', '--colour', 'blue'], /colour/],
    ['an option without its value', ['assess', 'x.json', '--framework'], /framework/],
    ['validate without files', ['validate'], /validate needs at least one FILE/],
    ['assess with two files', ['assess', 'a.json', 'b.json'], /assess needs exactly one FILE/],
    ['a file that cannot be read', ['assess', 'no/such/file.json'], /cannot read no\/such\/file\.json: ENOENT/],
  ] as const) {
    test(`${name} → exit 2 with a message`, async () => {
      const r = await cli([...argv]);
      assert.equal(r.code, 2, r.err.join('\n'));
      assert.match(r.err[0]!, /^levelfit: /);
      assert.match(r.err[0]!, message);
      assert.equal(r.err[1], 'Run "levelfit --help" for usage.');
      assert.deepEqual(r.out, []);
    });
  }
  test('frameworks lists the built-ins, one per line', async () => {
    const r = await cli(['frameworks']);
    assert.equal(r.code, 0);
    assert.equal(r.out.length, Object.keys(frameworks).length);
    assert.equal(r.out[0], `clinical-homecare\t${frameworks['clinical-homecare'].title} (${frameworks['clinical-homecare'].version})`);
  });
});

describe('levelfit validate', () => {
  test('every data file is valid → exit 0, one line each', async () => {
    const files = ['clinical-homecare', 'adult-care-pathway'].map((id) => `data/frameworks/${id}.json`);
    const r = await cli(['validate', ...files]);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(r.err, []);
    const ch = readFrameworkJson('clinical-homecare');
    assert.equal(r.out[0], `data/frameworks/clinical-homecare.json: valid (clinical-homecare: 5 levels, ${ch.items.length} items)`);
    assert.match(r.out[1]!, /^data\/frameworks\/adult-care-pathway\.json: valid \(adult-care-pathway: 4 levels, \d+ items\)$/);
  });
  test('an invalid framework → exit 1, each issue as FILE: path: message [code]', async () => {
    const bad = makeFramework() as ReturnType<typeof makeFramework> & Record<string, unknown>;
    bad.title = 5 as unknown as string;
    bad.items[2]!.kind = 'talent' as 'skill';
    bad.colour = 'blue';
    const r = await cli(['validate', 'bad.json'], { 'bad.json': json(bad) });
    assert.equal(r.code, 1);
    assert.deepEqual(r.out, []);
    assert.deepEqual(r.err.sort(), [
      'bad.json: (root): unknown key "colour" [unrecognized_keys]',
      'bad.json: items[2].kind: must be one of: competence, indicator, knowledge, skill, behaviour, performance [invalid_value]',
      'bad.json: title: expected a string, received 5 [invalid_type]',
    ]);
  });
  test('a reference problem is reported at its path', async () => {
    const bad = makeFramework();
    bad.items[3]!.levels.push('master');
    const r = await cli(['validate', 'bad.json'], { 'bad.json': json(bad) });
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, ['bad.json: items[3].levels[2]: no level has the id "master" [unknown_level]']);
  });
  test('not JSON → exit 1, invalid_json at the root', async () => {
    const r = await cli(['validate', 'bad.json'], { 'bad.json': '{"id": "tiny",' });
    assert.equal(r.code, 1);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0]!, /^bad\.json: \(root\): not valid JSON: .* \[invalid_json\]$/);
  });
  test('good and bad files together: every file is checked, exit 1', async () => {
    const r = await cli(['validate', 'bad.json', 'good.json'], { 'bad.json': '[]', 'good.json': tinyJson() });
    assert.equal(r.code, 1);
    assert.deepEqual(r.out, ['good.json: valid (tiny: 3 levels, 18 items)']);
    assert.deepEqual(r.err, ['bad.json: (root): expected an object, received a list [invalid_type]']);
  });
  test('a file that cannot be read → exit 2, and the other files are still checked', async () => {
    const r = await cli(['validate', 'missing.json', 'good.json'], { 'good.json': tinyJson() });
    assert.equal(r.code, 2);
    assert.deepEqual(r.out, ['good.json: valid (tiny: 3 levels, 18 items)']);
    assert.deepEqual(r.err, ['levelfit: cannot read missing.json: ENOENT']);
  });
});

describe('levelfit assess', () => {
  test('the default framework is clinical-homecare; prints the fit, the table, the gaps and why', async () => {
    const ch = frameworks['clinical-homecare'];
    const responses = ratingsFor(ch, { meetLevels: ['supportive'], indicatorShare: 1 });
    const r = await cli(['assess', 'me.json'], { 'me.json': json(responses) });
    assert.equal(r.code, 0, r.err.join('\n'));
    const fit = await assess(ch, responses);
    assert.equal(r.out[0], `Framework: ${ch.title} (${ch.version})`);
    assert.equal(r.out[1], `Best fit: ${ch.levels[0]!.title}`);
    assert.ok(r.out.some((l) => l.startsWith(`Gaps to ${ch.levels[1]!.title} (${fit.gaps.items.length}):`)));
    assert.deepEqual(r.out.slice(r.out.indexOf('Why:') + 1), fit.explanation.map((s) => `  ${s}`));
  });
  test('--framework by built-in id, --json prints the LevelFit', async () => {
    const r = await cli(['assess', 'me.json', '--framework', 'clinical-homecare', '--json'], { 'me.json': '{"ratings": {}}' });
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out.join('\n')), await assess(frameworks['clinical-homecare'], { ratings: {} }));
  });
  test('--framework by file, with --target and --role', async () => {
    const r = await cli(['assess', 'me.json', '--framework', './tiny.json', '--target', 'expert', '--role', 'Practitioner Worker', '--json'], {
      'me.json': json(FOUNDATION),
      './tiny.json': tinyJson(),
    });
    assert.equal(r.code, 0, r.err.join('\n'));
    const fit = JSON.parse(r.out.join('\n'));
    assert.deepEqual(fit, await assess(tiny, FOUNDATION, { target: 'expert', role: 'Practitioner Worker' }));
    assert.equal(fit.bestFit, 'foundation');
    assert.equal(fit.gaps.target, 'expert');
    assert.deepEqual(fit.role, { title: 'Practitioner Worker', level: 'practitioner' });
  });
  test('the text output names the role and the overlap', async () => {
    const overlapping = ratingsFor(tiny, { meetLevels: ['foundation'], indicatorShare: { foundation: 1, practitioner: 0.5 } });
    const r = await cli(['assess', 'me.json', '--framework', 'tiny.json', '--role', 'Expert Worker'], { 'me.json': json(overlapping), 'tiny.json': tinyJson() });
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.equal(r.out[1], 'Best fit: Foundation Level');
    assert.match(r.out[2]!, /^Overlap: into Practitioner Level \(/);
    assert.equal(r.out[3], 'Role: Expert Worker (indicative of Expert Level)');
  });
  test('an unknown framework id → exit 2, naming the built-ins', async () => {
    const r = await cli(['assess', 'me.json', '--framework', 'nursing'], { 'me.json': '{"ratings": {}}' });
    assert.equal(r.code, 2);
    assert.match(r.err[0]!, /"nursing" is neither a built-in framework \(clinical-homecare, .*\) nor a file/);
  });
  test('a framework file that does not exist → exit 2', async () => {
    const r = await cli(['assess', 'me.json', '--framework', 'nursing.json'], { 'me.json': '{"ratings": {}}' });
    assert.equal(r.code, 2);
    assert.match(r.err[0]!, /cannot read nursing\.json/);
  });
  test('an invalid framework file → exit 1, its issues prefixed with the file', async () => {
    const bad = makeFramework();
    bad.scale.met = 7;
    const r = await cli(['assess', 'me.json', '--framework', 'bad.json'], { 'me.json': '{"ratings": {}}', 'bad.json': json(bad) });
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, ['bad.json: scale.met: "met" must be one of the scale\'s values above the lowest (1, 2, 3) [invalid_scale]']);
    assert.deepEqual(r.out, []);
  });
  test('responses that are not JSON → exit 1, invalid_json', async () => {
    const r = await cli(['assess', 'me.json'], { 'me.json': "{ratings: {'x': 1}}" });
    assert.equal(r.code, 1);
    assert.match(r.err[0]!, /^me\.json: \(root\): not valid JSON: .* \[invalid_json\]$/);
  });
  test('responses that do not fit → exit 1, every issue with its path', async () => {
    const r = await cli(['assess', 'me.json', '--framework', 'tiny.json', '--target', 'master'], {
      'me.json': json({ ratings: { 'work-safely': 9, 'fly-a-plane': 2, 'lead-change': null } }),
      'tiny.json': tinyJson(),
    });
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, [
      'me.json: ratings.work-safely: the rating for "work-safely" is 9; it must be one of 0, 1, 2, 3 [rating_off_scale]',
      'me.json: ratings.fly-a-plane: no item in tiny has the id "fly-a-plane" [unknown_item]',
      'me.json: ratings.lead-change: the rating for "lead-change" is null; it must be one of 0, 1, 2, 3 [rating_off_scale]',
      'me.json: options.target: no level has the id "master" [unknown_level]',
    ]);
  });
  test('{"ratings": null} → exit 1 at ratings', async () => {
    const r = await cli(['assess', 'me.json'], { 'me.json': '{"ratings": null}' });
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, ['me.json: ratings: ratings must be an object of item id → rating [invalid_type]']);
  });
});

describe('levelfit batch', () => {
  const header = ['person', 'role', ...tiny.items.map((i) => i.id)];
  const csvRow = (person: string, role: string, r: { ratings: Record<string, number | string> }) =>
    [person, role, ...tiny.items.map((i) => (r.ratings[i.id] === undefined ? '' : String(r.ratings[i.id])))].join(',');
  const staffCsv = [
    header.join(','),
    csvRow('Ali', 'Foundation Worker', FOUNDATION),
    csvRow('Sam', '', { ratings: { ...FOUNDATION.ratings, 'work-safely': 9 } }),
    '',
    csvRow('Kim', '', PRACTITIONER),
    csvRow('Jo', '', { ratings: {} }),
  ].join('\n');

  test('CSV: one line per person, a bad row reported with its line number, then the summary; exit 1', async () => {
    const r = await cli(['batch', 'staff.csv', '--framework', 'tiny.json'], { 'staff.csv': staffCsv, 'tiny.json': tinyJson() });
    assert.equal(r.code, 1);
    assert.deepEqual(r.out, [
      'Ali: Foundation Level; 5 gap(s) to Practitioner Level',
      'Kim: Practitioner Level; 6 gap(s) to Expert Level',
      'Jo: no level attained; 7 gap(s) to Foundation Level',
      '',
      'Summary: 4 people, 3 assessed, 1 invalid, 0 overlapping the next level',
      '  Foundation Level: 1',
      '  Practitioner Level: 1',
      '  Expert Level: 0',
      '  No level attained: 1',
    ]);
    assert.deepEqual(r.err, [
      'staff.csv:3 (Sam): ratings.work-safely: the rating for "work-safely" is 9; it must be one of 0, 1, 2, 3 [rating_off_scale]',
    ]);
  });
  test('CSV: every row good → exit 0; --target applies to every row', async () => {
    const csv = [header.join(','), csvRow('Ali', '', FOUNDATION), csvRow('Kim', '', PRACTITIONER)].join('\r\n');
    const r = await cli(['batch', 'staff.csv', '--framework', 'tiny.json', '--target', 'expert'], { 'staff.csv': csv, 'tiny.json': tinyJson() });
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(r.out.slice(0, 2), ['Ali: Foundation Level; 7 gap(s) to Expert Level', 'Kim: Practitioner Level; 6 gap(s) to Expert Level']);
  });
  test('CSV --json: one JSON line per person (with where it is), then a summary line', async () => {
    const r = await cli(['batch', 'staff.csv', '--framework', 'tiny.json', '--json'], { 'staff.csv': staffCsv, 'tiny.json': tinyJson() });
    assert.equal(r.code, 1);
    const lines = r.out.map((l) => JSON.parse(l));
    assert.equal(lines.length, 5);
    assert.deepEqual(
      lines.slice(0, 4).map((l) => [l.person, l.at, l.bestFit ?? null]),
      [
        ['Ali', 'staff.csv:2', 'foundation'],
        ['Sam', 'staff.csv:3', null],
        ['Kim', 'staff.csv:5', 'practitioner'],
        ['Jo', 'staff.csv:6', null],
      ],
    );
    assert.deepEqual(lines[1].issues.map((i: { path: unknown }) => i.path), [['ratings', 'work-safely']]);
    assert.deepEqual(lines[0].gaps, (await assess(tiny, FOUNDATION)).gaps.items.map((g) => g.id));
    assert.deepEqual(lines[4], {
      summary: { people: 4, assessed: 3, invalid: 1, overlaps: 0, bestFit: { foundation: 1, practitioner: 1, expert: 0 }, noLevel: 1 },
    });
  });
  test('CSV: a role column is the person\'s indicative role; an unknown role is that row\'s error', async () => {
    const csv = [header.join(','), csvRow('Ali', 'Expert Worker', FOUNDATION), csvRow('Kim', 'Pilot', PRACTITIONER)].join('\n');
    const r = await cli(['batch', 'staff.csv', '--framework', 'tiny.json', '--json'], { 'staff.csv': csv, 'tiny.json': tinyJson() });
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out[0]!).bestFit, 'foundation');
    assert.deepEqual(r.err, ['staff.csv:3 (Kim): options.role: "Pilot" is not an indicative role in tiny [unknown_role]']);
  });
  test('CSV: a row with the wrong number of cells is reported and the batch goes on', async () => {
    const csv = [header.join(','), 'Ali,,2', csvRow('Kim', '', PRACTITIONER)].join('\n');
    const r = await cli(['batch', 'staff.csv', '--framework', 'tiny.json'], { 'staff.csv': csv, 'tiny.json': tinyJson() });
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, [`staff.csv:2 (Ali): (root): the row has 3 cells; the header has ${header.length} [invalid_value]`]);
    assert.equal(r.out[0], 'Kim: Practitioner Level; 6 gap(s) to Expert Level');
  });
  test('CSV: a header column that is not an item id → exit 1, nothing assessed', async () => {
    const csv = ['person,work-safely,fly-a-plane,work-safely', 'Ali,2,2,2'].join('\n');
    const r = await cli(['batch', 'staff.csv', '--framework', 'tiny.json'], { 'staff.csv': csv, 'tiny.json': tinyJson() });
    assert.equal(r.code, 1);
    assert.deepEqual(r.out, []);
    assert.deepEqual(r.err, [
      'staff.csv: header[2]: column "fly-a-plane" is not an item id of tiny [unknown_item]',
      'staff.csv: header[3]: column "work-safely" appears twice [duplicate_id]',
    ]);
  });
  test('CSV: no person column, or no rows at all', async () => {
    const noPerson = await cli(['batch', 'staff.csv', '--framework', 'tiny.json'], { 'staff.csv': 'work-safely\n2', 'tiny.json': tinyJson() });
    assert.equal(noPerson.code, 1);
    assert.deepEqual(noPerson.err, ['staff.csv: header: the header needs a "person" column [invalid_value]']);
    const empty = await cli(['batch', 'staff.csv'], { 'staff.csv': '' });
    assert.equal(empty.code, 1);
    assert.deepEqual(empty.err, ['staff.csv: (root): the CSV has no header row [too_small]']);
  });
  test('CSV that is not CSV (an unclosed quote) → that row is reported, exit 1, not a crash', async () => {
    const r = await cli(['batch', 'staff.csv', '--framework', 'tiny.json'], { 'staff.csv': 'person,work-safely\n"Ali,2\n', 'tiny.json': tinyJson() });
    assert.equal(r.code, 1);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0]!, /^staff\.csv:2 \(line 2\): \(root\): not valid CSV: Quote Not Closed.*\[invalid_value\]$/);
  });
  test('JSON export: one line per person, bad entries reported by index, then the summary', async () => {
    const people = [
      { person: 'Ali', role: 'Foundation Worker', ratings: FOUNDATION.ratings },
      { person: 'Sam', ratings: { ...FOUNDATION.ratings, nope: 2 } },
      { person: 'Pat' },
      42,
      { name: 'Kim', ratings: PRACTITIONER.ratings },
    ];
    for (const text of [json(people), json({ people })]) {
      const r = await cli(['batch', 'staff.json', '--framework', 'tiny.json'], { 'staff.json': text, 'tiny.json': tinyJson() });
      assert.equal(r.code, 1);
      assert.deepEqual(r.out, [
        'Ali: Foundation Level; 5 gap(s) to Practitioner Level',
        'Kim: Practitioner Level; 6 gap(s) to Expert Level',
        '',
        'Summary: 5 people, 2 assessed, 3 invalid, 0 overlapping the next level',
        '  Foundation Level: 1',
        '  Practitioner Level: 1',
        '  Expert Level: 0',
        '  No level attained: 0',
      ]);
      assert.deepEqual(r.err, [
        'staff.json[1] (Sam): ratings.nope: no item in tiny has the id "nope" [unknown_item]',
        'staff.json[2] (Pat): ratings: required: each person needs "ratings": {"<item id>": rating} [invalid_type]',
        'staff.json[3] (#4): (root): responses must be an object { ratings: { [itemId]: rating } } [invalid_type]',
      ]);
    }
  });
  test('JSON export that is not a list of people → exit 1', async () => {
    const r = await cli(['batch', 'staff.json'], { 'staff.json': '{"staff": []}' });
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, ['staff.json: (root): expected an array of people (or {"people": [...]}) [invalid_type]']);
    const bad = await cli(['batch', 'staff.json'], { 'staff.json': '[{' });
    assert.equal(bad.code, 1);
    assert.match(bad.err[0]!, /not valid JSON/);
  });
  test('the built-in framework over a JSON export', async () => {
    const ch = frameworks['clinical-homecare'];
    const people = ch.levels.map((l, i) => ({
      person: `P${i}`,
      ratings: ratingsFor(ch, { meetLevels: ch.levels.slice(0, i + 1).map((x) => x.id), indicatorShare: 1 }).ratings,
    }));
    const r = await cli(['batch', 'staff.json', '--json'], { 'staff.json': json(people) });
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(
      r.out.slice(0, -1).map((l) => JSON.parse(l).bestFit),
      ch.levels.map((l) => l.id),
    );
    assert.equal(JSON.parse(r.out.at(-1)!).summary.assessed, ch.levels.length);
  });
});

describe('levelfit as a program', () => {
  const cliPath = `${ROOT}packages/engine/src/cli/index.ts`;
  const run = (bin: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: ROOT, encoding: 'utf8' });
  test('starts with a node shebang', () => {
    assert.match(readFileSync(cliPath, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });
  test('package.json has the bin "levelfit" → bin/levelfit.js, an executable node script that runs lib/cli/index.js', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}packages/engine/package.json`, 'utf8')) as { bin: Record<string, string>; files: string[] };
    assert.deepEqual(pkg.bin, { levelfit: './bin/levelfit.js' });
    assert.ok(pkg.files.includes('bin'));
    const bin = `${ROOT}packages/engine/bin/levelfit.js`;
    assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n[^]*import\('\.\.\/lib\/cli\/index\.js'\)/);
    assert.ok(statSync(bin).mode & 0o111, 'bin/levelfit.js is executable');
  });
  test('the bin, through a symlink as npm links it, validates the data files (after npm run build:lib)', (t) => {
    if (!existsSync(`${ROOT}packages/engine/lib/cli/index.js`)) return t.skip('packages/engine/lib is not built');
    const dir = mkdtempSync(join(tmpdir(), 'levelfit-bin-'));
    symlinkSync(`${ROOT}packages/engine/bin/levelfit.js`, join(dir, 'levelfit'));
    const r = spawnSync(join(dir, 'levelfit'), ['validate', ...frameworkFiles().map((f) => `data/frameworks/${f}`)], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, frameworkFiles().length);
    const bad = spawnSync(join(dir, 'levelfit'), ['validate', 'package.json'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(bad.status, 1);
  });
  test('validate data/frameworks/*.json exits 0; a bad file exits 1', () => {
    const files = frameworkFiles().map((f) => `data/frameworks/${f}`);
    const ok = run(cliPath, ['validate', ...files]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout.trim().split('\n').length, files.length);
    const bad = run(cliPath, ['validate', 'package.json']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^package\.json: id: required: expected a string \[invalid_type\]$/m);
    assert.match(bad.stderr, /^package\.json: \(root\): unknown keys "name", /m);
  });
  test('cli.ts runs as the main module through a symlink too (realpath)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'levelfit-bin-'));
    symlinkSync(cliPath, join(dir, 'levelfit'));
    const r = run(join(dir, 'levelfit'), ['frameworks']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^clinical-homecare\t/);
  });
  test('usage errors exit 2', () => {
    const r = run(cliPath, ['nope']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown command "nope"/);
  });
});

describe('levelfit validate (question banks)', () => {
  const bankText = readFileSync(`${ROOT}data/quizzes/clinical-homecare-core.json`, 'utf8');
  test('the sample banks are valid, each checked against the built-in framework it names', async () => {
    const r = await cli(['validate', 'data/quizzes/clinical-homecare-core.json', 'data/quizzes/lead-practitioner-ksb.json']);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.out[0]!, /clinical-homecare-core\.json: valid question bank \(clinical-homecare-core: 23 questions; checked against clinical-homecare\)/);
    assert.match(r.out[1]!, /lead-practitioner-ksb\.json: valid question bank \(lead-practitioner-ksb: \d+ questions; checked against lead-practitioner-adult-care\)/);
  });
  test('a question evidencing an item the framework lacks: exit 1, the path names the question', async () => {
    const bank = JSON.parse(bankText);
    bank.questions[2].items = ['no-such-item'];
    const r = await cli(['validate', 'bank.json'], { 'bank.json': json(bank) });
    assert.equal(r.code, 1);
    assert.match(r.err.join('\n'), /bank\.json.*questions\[2\]\.items\[0\]/s);
    assert.match(r.err.join('\n'), /no-such-item/);
  });
  test('a bank for a framework that is not built in is checked against --framework', async () => {
    const bank = { ...JSON.parse(bankText), framework: 'my-framework' };
    const unchecked = await cli(['validate', 'bank.json'], { 'bank.json': json(bank) });
    assert.equal(unchecked.code, 0);
    assert.match(unchecked.out[0]!, /framework not checked: give --framework FILE/);
    const checked = await cli(['validate', 'bank.json', '--framework', 'fw.json'], { 'bank.json': json(bank), 'fw.json': tinyJson() });
    assert.equal(checked.code, 1, 'its items are not in the tiny framework');
  });
});
