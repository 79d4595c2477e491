#!/usr/bin/env node
/**
 * levelfit command line: validate framework files, assess one person, or score a staff export in batch.
 * Each command lives in its own file and is registered in COMMANDS below.
 * Exit codes: 0 success, 1 invalid input (framework, responses or any batch row), 2 usage error.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { assessCommand } from './assess.js';
import { batchCommand } from './batch.js';
import { exportCommand, importCommand } from './case.js';
import { COMMON_OPTIONS, type Command, type OptionValues } from './command.js';
import { frameworksCommand } from './frameworks.js';
import { defaultIo, UsageError, warn, type CliIo } from './io.js';
import { itemsCommand } from './items.js';
import { packageCommand } from './package.js';
import { validateCommand } from './validate.js';

export type { CliIo } from './io.js';

/** The dispatcher table: command name → command. A new command is a new file plus one line here. */
const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  assess: assessCommand,
  batch: batchCommand,
  frameworks: frameworksCommand,
  items: itemsCommand,
  export: exportCommand,
  import: importCommand,
  package: packageCommand,
};

const COMMON_OPTION_HELP = [
  '--framework ID|FILE   built-in framework id or a framework JSON file (default: clinical-homecare)',
  '--target LEVEL        level id to list gaps against',
  '--role TITLE          indicative role, for assess (batch reads a "role" column/field)',
  '--json                machine-readable output (batch: JSON lines, then a summary line)',
  '-h, --help            this help',
];

function usage(): string {
  const commands = Object.values(COMMANDS);
  const lines = ['Usage:', ...commands.map((c) => `  levelfit ${c.usage[0].padEnd(38)} ${c.usage[1]}`), '', 'Options:'];
  lines.push(...[...COMMON_OPTION_HELP, ...commands.flatMap((c) => c.optionHelp ?? [])].map((l) => `  ${l}`));
  for (const c of commands) if (c.help) lines.push('', c.help);
  lines.push('Exit codes: 0 success, 1 invalid input, 2 usage error.');
  return lines.join('\n');
}

/** Runs the CLI; returns the exit code (exported for tests). */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const options: NonNullable<ParseArgsConfig['options']> = Object.assign({}, ...Object.values(COMMANDS).map((c) => c.options ?? {}), COMMON_OPTIONS);
    const parsed = parseArgs({ args: argv, allowPositionals: true, options });
    const values = parsed.values as OptionValues & { help: boolean };
    const positionals = parsed.positionals;
    const [name, ...files] = positionals;
    if (values.help || !name) {
      (values.help ? io.out : io.err)(usage());
      return values.help ? 0 : 2;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command.run({ files, values }, io);
  } catch (err) {
    if (err instanceof UsageError || String((err as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS')) {
      warn(io, `levelfit: ${(err as Error).message}`);
      io.err('Run "levelfit --help" for usage.');
      return 2;
    }
    for (const line of `levelfit: unexpected error: ${(err as Error | null)?.stack ?? String(err)}`.split('\n')) warn(io, line);
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

/** Runs the CLI as the program (this file, or bin/levelfit.js): sets the exit code when done. */
export async function runProgram(argv: string[]): Promise<void> {
  // A reader that stops early (`levelfit frameworks | head -1`) closes the pipe: that is the reader's choice,
  // not an error, so the program ends quietly instead of printing an EPIPE stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  process.exitCode = await main(argv);
}

if (isMain()) void runProgram(process.argv.slice(2));
