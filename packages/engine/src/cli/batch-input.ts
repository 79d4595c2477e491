/**
 * The rows of a staff export, read as a stream: CSV (csv-parse's stream API), NDJSON (one person per line) or a
 * JSON array of people. Each source yields one row at a time and holds no more than the row it is on, so
 * memory does not grow with the number of people. A row that cannot be read is yielded with its issues (and
 * where it is, FILE:LINE or FILE[N]); only a problem with the file as a whole (a header that does not fit the
 * framework, JSON that is not a list of people) stops the batch, as an InputError.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { Issue } from '../errors.js';
import { parseJson } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import { JsonShapeError, MAX_PERSON_CHARS, PeopleScanner } from './json-people.js';
import { MAX_LINE_CHARS, textLines } from './text-lines.js';

export interface BatchRow {
  person: string;
  responses: unknown;
  role?: string;
  /** Where the row is: `FILE:LINE` for CSV and NDJSON, `FILE[N]` for JSON. */
  at: string;
  /** Problems found reading the row (it is then not assessed). */
  issues?: Issue[];
}

/** The file as a whole cannot be read as rows; the batch stops with these issues. */
export class InputError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues[0]?.message ?? 'invalid input');
  }
}

export type InputFormat = 'csv' | 'json' | 'ndjson';

/** The format a file name says (.csv, .ndjson / .jsonl, anything else JSON). */
export function formatOfName(file: string): InputFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

/** The format of a stream whose name says nothing (standard input): `[` JSON, `{` NDJSON, else CSV. */
export function formatOfText(start: string): InputFormat {
  const first = start.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
}

export function rows(format: InputFormat, file: string, input: Readable, fw: Framework): AsyncGenerator<BatchRow> {
  if (format === 'csv') return csvRows(file, input, fw);
  if (format === 'ndjson') return ndjsonRows(file, input);
  return jsonRows(file, input);
}

const PERSON_COLUMNS = ['person', 'id', 'name', 'staff'];

/** A cell's rating as JSON text: a number when it reads as one (most cells are one digit), else the text, for the engine to report. */
function cellJson(cell: string): string {
  if (cell.length === 1) {
    const d = cell.charCodeAt(0) - 48;
    if (d >= 0 && d <= 9) return cell;
  }
  return /^-?\d+(\.\d+)?$/.test(cell) ? JSON.stringify(Number(cell)) : JSON.stringify(cell);
}

/**
 * Whether a CSV record that has reached the end of a line goes on to the next: true when a quoted field is
 * still open. A quote opens a field only at the field's start (after optional spaces); a quote anywhere else
 * is a stray that the parser will report for this record alone, so one "O"Brien" cannot swallow the rest of
 * the file. `inQuotes` says whether `text` starts inside a quoted field (a record's later lines).
 */
function stillQuoted(text: string, inQuotes: boolean): boolean {
  let atFieldStart = !inQuotes;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 0x22) {
        if (text.charCodeAt(i + 1) === 0x22) i++;
        else inQuotes = false;
      }
    } else if (c === 0x2c) atFieldStart = true;
    else if (c === 0x22 && atFieldStart) inQuotes = true;
    else if (c !== 0x20 && c !== 0x09) atFieldStart = false;
  }
  return inQuotes;
}

/** The cells of one record: split at commas when it has no quotes (most rows), else by csv-parse. */
function cellsOf(record: string): string[] {
  if (!record.includes('"')) return record.split(',').map((c) => c.trim());
  const parsed = parseCsvSync(record, { trim: true, relax_column_count: true }) as string[][];
  if (parsed.length !== 1) throw new Error(`expected one record, found ${parsed.length}`);
  return parsed[0]!;
}

type CsvRecord = { line: number; text: string } | { line: number; tooLong: number };

/** The records of a CSV stream: lines, joined while a quoted field (a name with a line break) is open. */
async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  let open: { line: number; text: string } | null = null;
  for await (const l of textLines(input)) {
    if ('tooLong' in l) {
      if (open) yield { line: open.line, tooLong: open.text.length + l.tooLong };
      else yield l;
      open = null;
      continue;
    }
    if (open) {
      open.text += `\n${l.text}`;
      if (open.text.length > MAX_LINE_CHARS) {
        yield { line: open.line, tooLong: open.text.length };
        open = null;
      } else if (!stillQuoted(l.text, true)) {
        yield open; // the quoted field closed on this line
        open = null;
      }
      continue;
    }
    if (!l.text.trim()) continue;
    if (stillQuoted(l.text, false)) open = { line: l.line, text: l.text };
    else yield l;
  }
  // a quoted field never closed: the record is reported (with the line it started on)
  if (open) yield open;
}

async function* csvRows(file: string, input: Readable, fw: Framework): AsyncGenerator<BatchRow> {
  let header: string[] | undefined;
  let personCol = -1;
  let roleCol = -1;
  let columns: { col: number; key: string }[] = [];
  for await (const rec of csvRecords(input)) {
    const at = `${file}:${rec.line}`;
    let cells: string[];
    let fault: string | undefined;
    if ('tooLong' in rec) fault = `the row is ${rec.tooLong} characters long; the most is ${MAX_LINE_CHARS}`;
    else {
      try {
        cells = cellsOf(rec.text);
      } catch (err) {
        // csv-parse counts lines within this record; the row's own line is in `at`
        fault = `not valid CSV: ${(err as Error).message.replace(/ at line \d+/, '')}`;
      }
    }
    if (!header) {
      if (fault) throw new InputError([{ code: 'invalid_value', path: ['header'], message: `the header row (line ${rec.line}) is not valid CSV: ${fault}` }]);
      header = cells!;
      ({ personCol, roleCol, columns } = checkHeader(header, fw));
      continue;
    }
    if (fault) {
      yield { person: `line ${rec.line}`, responses: null, at, issues: [{ code: 'invalid_value', path: [], message: fault }] };
      continue;
    }
    // The ratings are built as JSON text and parsed: V8 then gives every row the same compact object shape,
    // where 67 keyed stores would leave each row a slower dictionary (and the checking path needs no change).
    let json = '';
    for (const { col, key } of columns) {
      const cell = cells![col];
      if (cell) json += `${json ? ',' : ''}${key}${cellJson(cell)}`;
    }
    const ratings = JSON.parse(`{${json}}`) as Record<string, unknown>;
    const row: BatchRow = { person: cells![personCol] || `line ${rec.line}`, responses: { ratings }, at };
    if (roleCol >= 0 && cells![roleCol]) row.role = cells![roleCol]!;
    if (cells!.length !== header.length) {
      row.issues = [{ code: 'invalid_value', path: [], message: `the row has ${cells!.length} cells; the header has ${header.length}` }];
    }
    yield row;
  }
  if (!header) throw new InputError([{ code: 'too_small', path: [], message: 'the CSV has no header row' }]);
}

/** The header's person, role and item columns; throws an InputError for a header that does not fit the framework. */
function checkHeader(header: string[], fw: Framework): { personCol: number; roleCol: number; columns: { col: number; key: string }[] } {
  const itemIds = new Set(fw.items.map((i) => i.id));
  const issues: Issue[] = [];
  const personCol = header.findIndex((h) => PERSON_COLUMNS.includes(h.toLowerCase()));
  const roleCol = header.findIndex((h) => h.toLowerCase() === 'role');
  if (personCol < 0) issues.push({ code: 'invalid_value', path: ['header'], message: 'the header needs a "person" column' });
  const columns: { col: number; key: string }[] = [];
  header.forEach((h, col) => {
    if (col === personCol || col === roleCol) return;
    if (!itemIds.has(h)) issues.push({ code: 'unknown_item', path: ['header', col], message: `column "${h}" is not an item id of ${fw.id}` });
    else if (header.indexOf(h) !== col) issues.push({ code: 'duplicate_id', path: ['header', col], message: `column "${h}" appears twice` });
    else columns.push({ col, key: `${JSON.stringify(h)}:` });
  });
  if (issues.length) throw new InputError(issues);
  return { personCol, roleCol, columns };
}

/** A row from one parsed JSON person (`{"person", "role"?, "ratings"}`); `n` counts from 0. */
function personRow(p: unknown, n: number, at: string): BatchRow {
  const isObject = typeof p === 'object' && p !== null && !Array.isArray(p);
  const o = (isObject ? p : {}) as Record<string, unknown>;
  const name = o.person ?? o.id ?? o.name;
  const row: BatchRow = {
    person: typeof name === 'string' || typeof name === 'number' ? String(name) : `#${n + 1}`,
    responses: isObject ? { ratings: o.ratings } : p,
    at,
  };
  if (typeof o.role === 'string' && o.role) row.role = o.role;
  if (isObject && o.ratings === undefined) {
    row.issues = [{ code: 'invalid_type', path: ['ratings'], message: 'required: each person needs "ratings": {"<item id>": rating}' }];
  }
  return row;
}

/** A row for text that is not JSON (or is too big to keep). */
function unreadable(n: number, at: string, issue: Issue): BatchRow {
  return { person: `#${n + 1}`, responses: null, at, issues: [issue] };
}

const tooBig = (chars: number): Issue => ({ code: 'too_big', path: [], message: `this person is ${chars} characters long; the most is ${MAX_PERSON_CHARS}` });

async function* jsonRows(file: string, input: Readable): AsyncGenerator<BatchRow> {
  const scanner = new PeopleScanner();
  const decoder = new StringDecoder('utf8');
  let n = 0;
  let first = true;
  const toRows = function* (elements: ReturnType<PeopleScanner['push']>): Generator<BatchRow> {
    for (const e of elements) {
      const at = `${file}[${n}]`;
      if ('tooBig' in e) yield unreadable(n, at, tooBig(e.tooBig));
      else {
        const json = parseJson(e.text);
        yield json.success ? personRow(json.data, n, at) : unreadable(n, at, json.issues[0]!);
      }
      n++;
    }
  };
  try {
    for await (const chunk of input) {
      let text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
      if (first && text) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      yield* toRows(scanner.push(text));
      if (scanner.error) throw scanner.error;
    }
    yield* toRows(scanner.push(decoder.end()));
    scanner.end();
  } catch (err) {
    if (!(err instanceof JsonShapeError)) throw err;
    const shape = err.message.startsWith('not valid JSON');
    throw new InputError([{ code: shape ? 'invalid_json' : 'invalid_type', path: [], message: err.message }]);
  }
}

async function* ndjsonRows(file: string, input: Readable): AsyncGenerator<BatchRow> {
  let n = 0;
  for await (const l of textLines(input)) {
    const at = `${file}:${l.line}`;
    if ('tooLong' in l) yield unreadable(n, at, tooBig(l.tooLong));
    else if (!l.text.trim()) continue;
    else {
      const json = parseJson(l.text);
      yield json.success ? personRow(json.data, n, at) : unreadable(n, at, json.issues[0]!);
    }
    n++;
  }
}
