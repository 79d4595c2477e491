/**
 * `levelfit batch STAFF.csv|STAFF.json`: one line per person, then a summary. A bad row is reported with where
 * it is (FILE:LINE or FILE[N]) and the batch goes on; exit 1 if any row was bad.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { assessMany } from '../level-fit/assess.js';
import type { Issue, SafeResult } from '../errors.js';
import { parseJson } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import type { AssessOptions, LevelFit } from '../level-fit/types.js';
import type { Command } from './command.js';
import { loadFramework } from './framework-option.js';
import { titleOf } from './format.js';
import { printIssues, read, UsageError, type CliIo } from './io.js';

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

export const batchCommand: Command = {
  usage: ['batch STAFF.csv|STAFF.json [options]', 'one line per person, then a summary'],
  help: `Batch input: CSV with a header row "person,[role,]<item id>,<item id>…" (empty cell = not rated), or JSON
[{"person": "…", "role"?: "…", "ratings": {…}}, …]. A bad row is reported with its CSV line number (FILE:LINE)
or JSON index (FILE[N]) and the batch goes on.`,
  async run({ files, values }, io) {
    if (files.length !== 1) throw new UsageError('batch needs exactly one FILE');
    const fw = loadFramework(io, values.framework);
    if (!fw.success) {
      printIssues(io, values.framework ?? 'framework', fw.issues);
      return 1;
    }
    return await batch(io, fw.data, files[0]!, values.target, values.json);
  },
};
