/** The shape of one `levelfit` command, as registered in the dispatcher table in index.ts. */
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.js';

/** Options every command accepts (parsed once, before the command is known). */
export const COMMON_OPTIONS = {
  framework: { type: 'string' },
  target: { type: 'string' },
  role: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Parsed option values: the common ones typed, any a command adds read by name. */
export interface OptionValues {
  framework?: string | undefined;
  target?: string | undefined;
  role?: string | undefined;
  json: boolean;
  [name: string]: string | boolean | (string | boolean)[] | undefined;
}

export interface Command {
  /** The synopsis after `levelfit` and its one-line description, for the usage text. */
  usage: [synopsis: string, description: string];
  /** Options this command adds to the common ones (name → parseArgs option). */
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Help lines for those options, as `--name VALUE   what it does`. */
  optionHelp?: string[];
  /** A paragraph appended to the usage text (input formats and the like). */
  help?: string;
  /** Runs the command; returns the exit code. Throws `UsageError` for a usage mistake (exit 2). */
  run: (args: { files: string[]; values: OptionValues }, io: CliIo) => Promise<number> | number;
}
