/**
 * `levelfit batch STAFF.csv|STAFF.ndjson|STAFF.json`: one result per person, then a summary, streamed end to
 * end: rows are read one at a time, assessed in chunks, and written as they go, so memory stays flat however
 * many people the file holds and the first results appear at once. A bad row is reported with where it is
 * (FILE:LINE or FILE[N]) and why, and the batch goes on; the exit code is 1 if any row was bad.
 */
import { Readable } from 'node:stream';
import type { Issue } from '../errors.js';
import type { Framework } from '../framework/schema.js';
import { assessMany } from '../level-fit/assess.js';
import type { AssessOptions, LevelFit } from '../level-fit/types.js';
import { formatOfName, formatOfText, InputError, rows, type BatchRow, type InputFormat } from './batch-input.js';
import { formatter, OUTPUT_FORMATS, openSink, type OutputFormat, type Summary } from './batch-output.js';
import type { Command } from './command.js';
import { loadFramework } from './framework-option.js';
import { openRead, printIssues, STDIN, UsageError, warn, type CliIo } from './io.js';

/**
 * People assessed together: big enough to amortise the per-call work, small enough that output flows. The
 * first chunks are small (16, 32, … up to CHUNK) so the first results appear as soon as the first rows are read.
 */
const CHUNK = 1000;
const FIRST_CHUNK = 16;

/** For standard input (no file name to go by): the format from the first bytes, which are put back. */
async function sniff(input: Readable): Promise<{ format: InputFormat; input: Readable }> {
  const chunks: Buffer[] = [];
  let start = '';
  // an iterator that leaves the stream open when the loop stops early, so the rest can still be read
  for await (const chunk of input.iterator({ destroyOnReturn: false })) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    start += buf.toString('utf8');
    if (start.replace(/^\uFEFF/, '').trim()) break;
  }
  async function* replay() {
    yield* chunks;
    yield* input;
  }
  return { format: formatOfText(start), input: Readable.from(replay(), { objectMode: false }) };
}

interface BatchOptions {
  target: string | undefined;
  format: OutputFormat;
  out: string | undefined;
  input: InputFormat | undefined;
}

async function batch(io: CliIo, fw: Framework, file: string, opts: BatchOptions): Promise<number> {
  let input = await openRead(io, file);
  let format = opts.input ?? (file === STDIN ? undefined : formatOfName(file));
  if (!format) ({ format, input } = await sniff(input));
  const sink = await openSink(io, opts.out);
  const out = formatter(opts.format, fw);
  const summary: Summary = { people: 0, assessed: 0, invalid: 0, overlaps: 0, bestFit: Object.fromEntries(fw.levels.map((l) => [l.id, 0])), noLevel: 0 };
  let index = 0;

  const flush = async (chunk: BatchRow[]) => {
    const good = chunk.filter((r) => !r.issues);
    const options = (k: number): AssessOptions | undefined => {
      const role = good[k]!.role;
      if (!opts.target && !role) return undefined;
      const o: AssessOptions = {};
      if (opts.target) o.target = opts.target;
      if (role) o.role = role;
      return o;
    };
    const results = await assessMany(
      fw,
      good.map((r) => r.responses),
      options,
    );
    let k = 0;
    let text = '';
    for (const row of chunk) {
      const res = row.issues ? { success: false as const, issues: row.issues } : results[k++]!;
      let fit: LevelFit | null = null;
      let issues: Issue[] = [];
      summary.people++;
      if (res.success) {
        fit = res.data;
        summary.assessed++;
        if (fit.bestFit === null) summary.noLevel++;
        else summary.bestFit[fit.bestFit]!++;
        if (fit.overlap) summary.overlaps++;
      } else {
        issues = res.issues;
        summary.invalid++;
        printIssues(io, `${row.at} (${row.person})`, issues);
      }
      text += out.row(row, fit, issues, index++);
    }
    await sink.write(text);
  };

  let started = false;
  let unreadableRest = false;
  let chunk: BatchRow[] = [];
  try {
    let size = FIRST_CHUNK;
    for await (const row of rows(format, file, input, fw)) {
      if (!started) {
        await sink.write(out.start());
        started = true;
      }
      chunk.push(row);
      if (chunk.length >= size) {
        await flush(chunk);
        chunk = [];
        size = Math.min(CHUNK, size * 2);
      }
    }
    await flush(chunk);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    // the rest of the file cannot be read: the rows read before the fault are still assessed and written
    await flush(chunk);
    printIssues(io, file, err.issues);
    if (!started) {
      await sink.close();
      return 1;
    }
    unreadableRest = true;
  }
  if (!started) await sink.write(out.start());
  const end = out.end(summary);
  await sink.write(end.text);
  await sink.close();
  for (const l of end.summaryToErr ?? []) warn(io, l);
  return summary.invalid || unreadableRest ? 1 : 0;
}

const INPUT_FORMATS = ['csv', 'json', 'ndjson'] as const;

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${String(value)}"`);
  return value as T;
}

export const batchCommand: Command = {
  usage: ['batch STAFF.csv|STAFF.json [options]', 'one line per person, then a summary'],
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    input: { type: 'string' },
  },
  optionHelp: [
    '--format FORMAT       batch output: text (default), ndjson (same as --json), json, or csv',
    '--out FILE            batch: write the results to FILE instead of standard output',
    '--input FORMAT        batch input when the file name does not say: csv, json or ndjson',
  ],
  help: `Batch input: CSV with a header row "person,[role,]<item id>,<item id>…" (empty cell = not rated), NDJSON
(.ndjson/.jsonl, one {"person": "…", "role"?: "…", "ratings": {…}} per line), or JSON [{…}, …] or
{"people": [...]}; "-" reads standard input. The file is streamed: memory stays flat however many people it
holds. A bad row is reported with its line (FILE:LINE) or JSON index (FILE[N]) and the batch goes on.`,
  async run({ files, values }, io) {
    if (files.length !== 1) throw new UsageError('batch needs exactly one FILE');
    const format = oneOf('format', values.format, OUTPUT_FORMATS) ?? (values.json ? 'ndjson' : 'text');
    if (values.json && format !== 'ndjson') throw new UsageError('--json is --format ndjson: give one or the other');
    const input = oneOf('input', values.input, INPUT_FORMATS);
    const out = typeof values.out === 'string' ? values.out : undefined;
    const fw = loadFramework(io, values.framework);
    if (!fw.success) {
      printIssues(io, values.framework ?? 'framework', fw.issues);
      return 1;
    }
    return await batch(io, fw.data, files[0]!, { target: values.target, format, out, input });
  },
};
