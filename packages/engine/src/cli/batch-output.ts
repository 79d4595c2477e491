/**
 * How `levelfit batch` writes its results: the formats (text, ndjson, json, csv) and the sink they are written
 * to (standard output or --out FILE), which waits when the reader is slower than the batch (backpressure), so
 * output never piles up in memory.
 */
import type { Writable } from 'node:stream';
import { formatPath, type Issue } from '../errors.js';
import type { Framework } from '../framework/schema.js';
import type { LevelFit } from '../level-fit/types.js';
import type { BatchRow } from './batch-input.js';
import { titleOf } from './format.js';
import { opened, type CliIo } from './io.js';
import { safeJson, visible } from './terminal-text.js';

export const OUTPUT_FORMATS = ['text', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface Summary {
  people: number;
  assessed: number;
  invalid: number;
  overlaps: number;
  bestFit: Record<string, number>;
  noLevel: number;
}

/** One format: text before the first row, each row's text, and the closing text with the summary. */
export interface Formatter {
  start(): string;
  row(row: BatchRow, fit: LevelFit | null, issues: readonly Issue[], index: number): string;
  /** The closing text; `summaryToErr` is set when the summary belongs on standard error instead. */
  end(summary: Summary): { text: string; summaryToErr?: string[] };
}

const line = (s: string) => `${s}\n`;

/** The summary as people read it. */
export function summaryLines(fw: Framework, s: Summary): string[] {
  return [
    `Summary: ${s.people} people, ${s.assessed} assessed, ${s.invalid} invalid, ${s.overlaps} overlapping the next level`,
    ...fw.levels.map((l) => `  ${titleOf(fw, l.id)}: ${s.bestFit[l.id]}`),
    `  No level attained: ${s.noLevel}`,
  ];
}

/** The machine-readable record of one row (ndjson and json). */
function record(row: BatchRow, fit: LevelFit | null, issues: readonly Issue[]): Record<string, unknown> {
  if (!fit) return { person: row.person, at: row.at, issues };
  return {
    person: row.person,
    at: row.at,
    bestFit: fit.bestFit,
    overlap: fit.overlap ? fit.overlap.to : null,
    gapsTarget: fit.gaps.target,
    gaps: fit.gaps.items.map((g) => g.id),
  };
}

const json = (v: unknown) => safeJson(JSON.stringify(v));

/**
 * A CSV cell as OWASP's CSV injection guidance asks: a cell a spreadsheet would read as a formula (starting
 * with =, +, -, @, tab or carriage return) gets a leading single quote, and every cell is quoted with its
 * quotes doubled, so a separator inside a cell cannot start a new, unescaped cell.
 */
export function csvCell(value: string): string {
  const c = value.charCodeAt(0);
  const formula = c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
  return `"${(formula ? `'${value}` : value).replaceAll('"', '""')}"`;
}

const CSV_COLUMNS = ['person', 'at', 'status', 'bestFit', 'overlap', 'gapsTarget', 'gaps', 'issues'];

export function formatter(format: OutputFormat, fw: Framework): Formatter {
  switch (format) {
    case 'text':
      return {
        start: () => '',
        row(row, fit) {
          if (!fit) return '';
          const overlap = fit.overlap ? `, overlapping into ${titleOf(fw, fit.overlap.to)}` : '';
          const gaps = fit.gaps.target ? `; ${fit.gaps.items.length} gap(s) to ${titleOf(fw, fit.gaps.target)}` : '';
          return line(visible(`${row.person}: ${titleOf(fw, fit.bestFit)}${overlap}${gaps}`));
        },
        end: (s) => ({ text: ['', ...summaryLines(fw, s)].map((l) => line(visible(l))).join('') }),
      };
    case 'ndjson':
      return {
        start: () => '',
        row: (row, fit, issues) => line(json(record(row, fit, issues))),
        end: (summary) => ({ text: line(json({ summary })) }),
      };
    case 'json':
      // one JSON document, written as it goes: {"people": [...], "summary": {...}}
      return {
        start: () => '{"people":[\n',
        row: (row, fit, issues, index) => `${index ? ',\n' : ''}${json(record(row, fit, issues))}`,
        end: (summary) => ({ text: `\n],"summary":${json(summary)}}\n` }),
      };
    case 'csv':
      // the table only; the summary goes to standard error, so the file stays one table
      return {
        start: () => `${CSV_COLUMNS.join(',')}\r\n`,
        row(row, fit, issues) {
          const cells = fit
            ? [row.person, row.at, 'assessed', fit.bestFit ?? '', fit.overlap?.to ?? '', fit.gaps.target ?? '', fit.gaps.items.map((g) => g.id).join(' '), '']
            : [row.person, row.at, 'invalid', '', '', '', '', issues.map((i) => `${formatPath(i.path)}: ${i.message} [${i.code}]`).join('; ')];
          return `${cells.map(csvCell).join(',')}\r\n`;
        },
        end: (s) => ({ text: '', summaryToErr: summaryLines(fw, s) }),
      };
  }
}

/** Where the results go, written a piece at a time; `write` resolves once the destination can take more. */
export interface Sink {
  write(text: string): Promise<void> | void;
  close(): Promise<void>;
}

/** A sink for `path` (--out) or standard output; without `io.openWrite`, lines go to `io.out`. */
export async function openSink(io: CliIo, path: string | undefined): Promise<Sink> {
  if (!io.openWrite) {
    let pending = '';
    return {
      write(text) {
        pending += text;
        const last = pending.lastIndexOf('\n');
        if (last < 0) return;
        for (const l of pending.slice(0, last).split('\n')) io.out(l);
        pending = pending.slice(last + 1);
      },
      async close() {
        if (pending) io.out(pending);
      },
    };
  }
  const stream = io.openWrite(path);
  if (path !== undefined) await opened(stream, 'write', path);
  return streamSink(stream, path !== undefined);
}

function streamSink(stream: Writable, owned: boolean): Sink {
  let failed: Error | undefined;
  stream.on('error', (err) => (failed = err));
  return {
    write(text) {
      if (failed) throw failed;
      if (!text || stream.write(text)) return;
      return new Promise<void>((resolve, reject) => {
        const done = (err?: Error) => {
          stream.off('drain', onDrain);
          stream.off('error', done);
          stream.off('close', onClose);
          if (err) reject(err);
          else resolve();
        };
        const onDrain = () => done();
        const onClose = () => done(failed ?? new Error('the output was closed'));
        stream.once('drain', onDrain);
        stream.once('error', done);
        stream.once('close', onClose);
      });
    },
    async close() {
      if (failed) throw failed;
      if (!owned) return; // standard output stays open for the summary and for the process's own end
      await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    },
  };
}
