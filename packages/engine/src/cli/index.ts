#!/usr/bin/env node
/**
 * levelfit command line: validate framework files, assess one person, or score a staff export in batch.
 * Exit codes: 0 success, 1 invalid input (framework, responses or any batch row), 2 usage error.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { assessMany, safeAssess } from '../level-fit/assess.js';
import { formatPath, type Issue, type SafeResult } from '../errors.js';
import { BUILTIN_IDS, frameworks, isBuiltinFrameworkId } from '../framework/builtin.js';
import { parseJson, safeParseFramework } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import { printItems } from './items.js';
import { didYouMean } from './suggest.js';
import { validateBank } from './validate-bank.js';

/** A JSON value that is a question bank rather than a framework (it has a `questions` list). */
const isBank = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Array.isArray((v as { questions?: unknown }).questions);
import type { AssessOptions, LevelFit } from '../level-fit/types.js';

const USAGE = `Usage:
  levelfit validate FILE...                       check framework (or question bank) JSON files against the data contract
  levelfit assess RESPONSES.json [options]        one person's level fit ({"ratings": {"<item id>": 0-3}})
  levelfit batch STAFF.csv|STAFF.json [options]   one line per person, then a summary
  levelfit frameworks                             list the built-in frameworks
  levelfit items FRAMEWORK [--json]               a framework's item ids, codes and titles (for writing question banks)

Options:
  --framework ID|FILE   built-in framework id or a framework JSON file (default: clinical-homecare)
  --target LEVEL        level id to list gaps against
  --role TITLE          indicative role, for assess (batch reads a "role" column/field)
  --json                machine-readable output (batch: JSON lines, then a summary line)
  -h, --help            this help

Batch input: CSV with a header row "person,[role,]<item id>,<item id>…" (empty cell = not rated), or JSON
[{"person": "…", "role"?: "…", "ratings": {…}}, …]. A bad row is reported with its CSV line number (FILE:LINE)
or JSON index (FILE[N]) and the batch goes on.
Exit codes: 0 success, 1 invalid input, 2 usage error.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  readFile: (path: string) => string;
}

class UsageError extends Error {}

const defaultIo: CliIo = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  readFile: (p) => readFileSync(p, 'utf8'),
};

function read(io: CliIo, path: string): string {
  try {
    return io.readFile(path);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function printIssues(io: CliIo, where: string, issues: readonly Issue[]): void {
  for (const i of issues) io.err(`${where}: ${formatPath(i.path)}: ${i.message} [${i.code}]`);
}

function loadFramework(io: CliIo, spec: string | undefined): SafeResult<Framework> {
  const id = spec ?? 'clinical-homecare';
  if (isBuiltinFrameworkId(id)) return { success: true, data: frameworks[id] };
  if (!/[\\/.]/.test(id)) throw new UsageError(`"${id}" is neither a built-in framework (${BUILTIN_IDS.join(', ')}) nor a file${didYouMean(id, BUILTIN_IDS)}`);
  return safeParseFramework(read(io, id));
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function titleOf(fw: Framework, levelId: string | null): string {
  return levelId === null ? 'no level attained' : (fw.levels.find((l) => l.id === levelId)?.title ?? levelId);
}

function printFit(io: CliIo, fw: Framework, fit: LevelFit): void {
  io.out(`Framework: ${fw.title} (${fw.version})`);
  io.out(`Best fit: ${titleOf(fw, fit.bestFit)}`);
  if (fit.overlap) io.out(`Overlap: into ${titleOf(fw, fit.overlap.to)} (${fit.overlap.items.map((i) => i.title).join('; ')})`);
  if (fit.role) io.out(`Role: ${fit.role.title} (indicative of ${titleOf(fw, fit.role.level)})`);
  io.out('');
  io.out('Level                                                  attained  competences  indicators');
  for (const l of fit.levels) {
    const title = titleOf(fw, l.level).padEnd(55).slice(0, 55);
    const comp = `${l.competences.met}/${l.competences.required}`.padStart(11);
    const ind = l.indicators.required ? `${l.indicators.met}/${l.indicators.required} ${pct(l.indicatorCoverage)}` : '-';
    io.out(`${title} ${(l.attained ? 'yes' : 'no').padEnd(8)} ${comp}  ${ind}`);
  }
  io.out('');
  if (fit.gaps.target) {
    io.out(`Gaps to ${titleOf(fw, fit.gaps.target)} (${fit.gaps.items.length}):`);
    for (const g of fit.gaps.items) {
      const label = fw.scale.values.find((v) => v.value === g.rating)?.label ?? String(g.rating);
      io.out(`  - ${g.title} [${g.kind}, ${label}]`);
    }
    io.out('');
  }
  io.out('Why:');
  for (const s of fit.explanation) io.out(`  ${s}`);
}

interface BatchRow {
  person: string;
  responses: unknown;
  role?: string;
  /** Where the row is: `FILE:LINE` for CSV, `FILE[N]` for JSON. */
  at: string;
  /** Problems found reading the row (it is then not assessed). */
  issues?: Issue[];
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function rowsFromCsv(file: string, text: string, fw: Framework): { rows: BatchRow[]; issues: Issue[] } {
  let records: CsvRecord[];
  try {
    records = parseCsv(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as CsvRecord[];
  } catch (err) {
    return { rows: [], issues: [{ code: 'invalid_value', path: [], message: `not valid CSV: ${(err as Error).message}` }] };
  }
  const [first, ...body] = records;
  if (!first) return { rows: [], issues: [{ code: 'too_small', path: [], message: 'the CSV has no header row' }] };
  const header = first.record;
  const itemIds = new Set(fw.items.map((i) => i.id));
  const issues: Issue[] = [];
  const personCol = header.findIndex((h) => ['person', 'id', 'name', 'staff'].includes(h.toLowerCase()));
  const roleCol = header.findIndex((h) => h.toLowerCase() === 'role');
  if (personCol < 0) issues.push({ code: 'invalid_value', path: ['header'], message: 'the header needs a "person" column' });
  header.forEach((h, c) => {
    if (c === personCol || c === roleCol) return;
    if (!itemIds.has(h)) issues.push({ code: 'unknown_item', path: ['header', c], message: `column "${h}" is not an item id of ${fw.id}` });
    else if (header.indexOf(h) !== c) issues.push({ code: 'duplicate_id', path: ['header', c], message: `column "${h}" appears twice` });
  });
  if (issues.length) return { rows: [], issues };
  const rows = body.map(({ record: cells, info }) => {
    const ratings: Record<string, unknown> = {};
    header.forEach((h, c) => {
      if (c === personCol || c === roleCol || !cells[c]) return;
      ratings[h] = /^-?\d+(\.\d+)?$/.test(cells[c]!) ? Number(cells[c]) : cells[c];
    });
    const row: BatchRow = { person: cells[personCol] || `line ${info.lines}`, responses: { ratings }, at: `${file}:${info.lines}` };
    if (roleCol >= 0 && cells[roleCol]) row.role = cells[roleCol]!;
    if (cells.length !== header.length) {
      row.issues = [{ code: 'invalid_value', path: [], message: `the row has ${cells.length} cells; the header has ${header.length}` }];
    }
    return row;
  });
  return { rows, issues };
}

function rowsFromJson(file: string, text: string): { rows: BatchRow[]; issues: Issue[] } {
  const json = parseJson(text);
  if (!json.success) return { rows: [], issues: json.issues };
  const list = Array.isArray(json.data) ? json.data : (json.data as { people?: unknown })?.people;
  if (!Array.isArray(list)) {
    return { rows: [], issues: [{ code: 'invalid_type', path: [], message: 'expected an array of people (or {"people": [...]})' }] };
  }
  return {
    rows: list.map((p: unknown, n) => {
      const isObject = typeof p === 'object' && p !== null && !Array.isArray(p);
      const o = (isObject ? p : {}) as Record<string, unknown>;
      const name = o.person ?? o.id ?? o.name;
      const row: BatchRow = {
        person: typeof name === 'string' || typeof name === 'number' ? String(name) : `#${n + 1}`,
        responses: isObject ? { ratings: o.ratings } : p,
        at: `${file}[${n}]`,
      };
      if (typeof o.role === 'string' && o.role) row.role = o.role;
      if (isObject && o.ratings === undefined) {
        row.issues = [{ code: 'invalid_type', path: ['ratings'], message: 'required: each person needs "ratings": {"<item id>": rating}' }];
      }
      return row;
    }),
    issues: [],
  };
}

async function batch(io: CliIo, fw: Framework, file: string, target: string | undefined, json: boolean): Promise<number> {
  const text = read(io, file);
  const { rows, issues } = file.toLowerCase().endsWith('.csv') ? rowsFromCsv(file, text, fw) : rowsFromJson(file, text);
  if (issues.length) {
    printIssues(io, file, issues);
    return 1;
  }
  const options = (n: number): AssessOptions => {
    const o: AssessOptions = {};
    if (target) o.target = target;
    if (rows[n]!.role) o.role = rows[n]!.role!;
    return o;
  };
  const readable = rows.map((r, n) => [r, n] as const).filter(([r]) => !r.issues);
  const assessed = await assessMany(fw, readable.map(([r]) => r.responses), (k) => options(readable[k]![1]));
  const results: SafeResult<LevelFit>[] = rows.map((r) => ({ success: false, issues: r.issues ?? [] }));
  readable.forEach(([, n], k) => (results[n] = assessed[k]!));
  const byLevel = new Map<string, number>(fw.levels.map((l) => [l.id, 0]));
  let none = 0;
  let overlaps = 0;
  let failed = 0;
  results.forEach((res, n) => {
    const row = rows[n]!;
    if (!res.success) {
      failed++;
      if (json) io.out(JSON.stringify({ person: row.person, at: row.at, issues: res.issues }));
      printIssues(io, `${row.at} (${row.person})`, res.issues);
      return;
    }
    const fit = res.data;
    if (fit.bestFit === null) none++;
    else byLevel.set(fit.bestFit, byLevel.get(fit.bestFit)! + 1);
    if (fit.overlap) overlaps++;
    if (json) {
      io.out(
        JSON.stringify({
          person: row.person,
          at: row.at,
          bestFit: fit.bestFit,
          overlap: fit.overlap ? fit.overlap.to : null,
          gapsTarget: fit.gaps.target,
          gaps: fit.gaps.items.map((g) => g.id),
        }),
      );
    } else {
      const overlap = fit.overlap ? `, overlapping into ${titleOf(fw, fit.overlap.to)}` : '';
      const gaps = fit.gaps.target ? `; ${fit.gaps.items.length} gap(s) to ${titleOf(fw, fit.gaps.target)}` : '';
      io.out(`${row.person}: ${titleOf(fw, fit.bestFit)}${overlap}${gaps}`);
    }
  });
  const ok = results.length - failed;
  if (json) {
    const summary = { people: results.length, assessed: ok, invalid: failed, overlaps, bestFit: Object.fromEntries(byLevel), noLevel: none };
    io.out(JSON.stringify({ summary }));
  } else {
    io.out('');
    io.out(`Summary: ${results.length} people, ${ok} assessed, ${failed} invalid, ${overlaps} overlapping the next level`);
    for (const [id, n] of byLevel) io.out(`  ${titleOf(fw, id)}: ${n}`);
    io.out(`  No level attained: ${none}`);
  }
  return failed ? 1 : 0;
}

/** Runs the CLI; returns the exit code (exported for tests). */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        framework: { type: 'string' },
        target: { type: 'string' },
        role: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...files] = positionals;
    if (values.help || !command) {
      (values.help ? io.out : io.err)(USAGE);
      return values.help ? 0 : 2;
    }
    if (command === 'frameworks') {
      for (const id of BUILTIN_IDS) io.out(`${id}\t${frameworks[id].title} (${frameworks[id].version})`);
      return 0;
    }
    if (command === 'items') {
      if (files.length !== 1) throw new UsageError('items needs exactly one FRAMEWORK (a built-in id or a file)');
      const fw = loadFramework(io, files[0]);
      if (!fw.success) {
        printIssues(io, files[0]!, fw.issues);
        return 1;
      }
      printItems(io, fw.data, values.json);
      return 0;
    }
    if (command === 'validate') {
      if (!files.length) throw new UsageError('validate needs at least one FILE');
      let bad = 0;
      let unreadable = 0;
      for (const f of files) {
        let text: string;
        try {
          text = read(io, f);
        } catch (err) {
          unreadable++;
          io.err(`levelfit: ${(err as Error).message}`);
          continue;
        }
        const json = parseJson(text);
        if (json.success && isBank(json.data)) {
          const given = values.framework ? loadFramework(io, values.framework) : null;
          if (given && !given.success) {
            bad++;
            printIssues(io, values.framework!, given.issues);
          } else if (!validateBank(io, f, json.data, given?.data ?? null)) bad++;
          continue;
        }
        const res = safeParseFramework(text);
        if (res.success) io.out(`${f}: valid (${res.data.id}: ${plural(res.data.levels.length, 'level')}, ${plural(res.data.items.length, 'item')})`);
        else {
          bad++;
          printIssues(io, f, res.issues);
        }
      }
      return unreadable ? 2 : bad ? 1 : 0;
    }
    if (command !== 'assess' && command !== 'batch') throw new UsageError(`unknown command "${command}"`);
    if (files.length !== 1) throw new UsageError(`${command} needs exactly one FILE`);
    const fw = loadFramework(io, values.framework);
    if (!fw.success) {
      printIssues(io, values.framework ?? 'framework', fw.issues);
      return 1;
    }
    if (command === 'batch') return await batch(io, fw.data, files[0]!, values.target, values.json);
    const responses = parseJson(read(io, files[0]!));
    if (!responses.success) {
      printIssues(io, files[0]!, responses.issues);
      return 1;
    }
    const options: AssessOptions = {};
    if (values.target) options.target = values.target;
    if (values.role) options.role = values.role;
    const res = await safeAssess(fw.data, responses.data, options);
    if (!res.success) {
      printIssues(io, files[0]!, res.issues);
      return 1;
    }
    if (values.json) io.out(JSON.stringify(res.data, null, 2));
    else printFit(io, fw.data, res.data);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || String((err as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`levelfit: ${(err as Error).message}`);
      io.err('Run "levelfit --help" for usage.');
      return 2;
    }
    io.err(`levelfit: unexpected error: ${(err as Error | null)?.stack ?? String(err)}`);
    return 1;
  }
}

/** True when this file is the program node runs (directly, or through the `levelfit` bin symlink). */
function isMain(): boolean {
  try {
    return !!process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
