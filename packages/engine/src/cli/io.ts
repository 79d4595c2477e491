/** What every command shares: the program's input and output, usage errors, and reading files. */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { formatPath, type Issue } from '../errors.js';
import { visible } from './terminal-text.js';

/** The program's input and output, injected so tests can run `main` in memory. */
export interface CliIo {
  /** One line of results on standard output. */
  out: (line: string) => void;
  /** One line of messages on standard error. */
  err: (line: string) => void;
  /** A whole file as text ("-" is standard input). */
  readFile: (path: string) => string;
  /** A file as a stream of bytes ("-" is standard input). Without it, readFile's text is the one chunk. */
  openRead?: (path: string) => Readable;
  /** Where streamed results go: FILE (from --out), or standard output when undefined. Without it, lines go to `out`. */
  openWrite?: (path: string | undefined) => Writable;
}

/** A mistake in how the command was called: reported with a pointer to --help, exit 2. */
export class UsageError extends Error {}

/** The path meaning standard input. */
export const STDIN = '-';

export const defaultIo: CliIo = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  readFile: (p) => readFileSync(p === STDIN ? 0 : p, 'utf8'),
  openRead: (p) => (p === STDIN ? process.stdin : createReadStream(p)),
  openWrite: (p) => (p === undefined ? process.stdout : createWriteStream(p)),
};

const BOM = '\uFEFF';

/** A file's text, without a leading UTF-8 byte order mark (editors on Windows write one; JSON.parse rejects it). */
export function read(io: CliIo, path: string): string {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** A file as a stream: `io.openRead`, or else the text from `io.readFile`. Errors opening it are usage errors. */
export async function openRead(io: CliIo, path: string): Promise<Readable> {
  if (!io.openRead) return Readable.from([read(io, path)]);
  const stream = io.openRead(path);
  if (path !== STDIN) {
    // a file stream opens asynchronously: wait for it so a missing file is a usage error, not a stream error
    await opened(stream, 'read', path);
  }
  return stream;
}

/** Waits until a file stream is open; a file that cannot be opened is a usage error. */
export async function opened(stream: Readable | Writable, verb: 'read' | 'write', path: string): Promise<void> {
  if (!('pending' in stream) || !stream.pending) return;
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new UsageError(`cannot ${verb} ${path}: ${err.code ?? err.message}`)));
  });
}

/** One line of text for standard output, with control characters made visible. */
export function say(io: CliIo, line: string): void {
  io.out(visible(line));
}

/** One line of text for standard error, with control characters made visible. */
export function warn(io: CliIo, line: string): void {
  io.err(visible(line));
}

/** Each issue on its own line as `WHERE: path: message [code]`, with control characters made visible. */
export function printIssues(io: CliIo, where: string, issues: readonly Issue[]): void {
  for (const i of issues) io.err(visible(`${where}: ${formatPath(i.path)}: ${i.message} [${i.code}]`));
}
