/** What every command shares: the program's input and output, usage errors, and reading files. */
import { readFileSync } from 'node:fs';
import { formatPath, type Issue } from '../errors.js';

/** The program's output and file system, injected so tests can run `main` in memory. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  readFile: (path: string) => string;
}

/** A mistake in how the command was called: reported with a pointer to --help, exit 2. */
export class UsageError extends Error {}

export const defaultIo: CliIo = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  readFile: (p) => readFileSync(p, 'utf8'),
};

export function read(io: CliIo, path: string): string {
  try {
    return io.readFile(path);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Each issue on its own line as `WHERE: path: message [code]`. */
export function printIssues(io: CliIo, where: string, issues: readonly Issue[]): void {
  for (const i of issues) io.err(`${where}: ${formatPath(i.path)}: ${i.message} [${i.code}]`);
}
