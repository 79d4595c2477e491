/**
 * `levelfit export --case` and `levelfit import --case`: a framework to a CASE 1.1 CFPackage and back.
 *
 *   levelfit export --case [--framework ID|FILE] [--base-uri URI] [--out FILE]
 *   levelfit import --case PACKAGE.json [--levels ID,ID…] [--out FILE]
 *
 * Output goes to --out or standard output. An import prints what it could not map to standard error, one line
 * each (`FILE: path: message [code]`), and still writes the framework; it fails (exit 1) only when no valid
 * framework can be made. Exit codes as the rest of the CLI: 0 success, 1 invalid input, 2 usage error.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fromCase } from '../case/import.js';
import { safeToCase } from '../case/export.js';
import { formatPath } from '../errors.js';
import { BUILTIN_IDS, frameworks, isBuiltinFrameworkId } from '../framework/builtin.js';
import { safeParseFramework } from '../framework/parse.js';

export interface CaseCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  readFile: (path: string) => string;
  /** Default: write the file on disk. */
  writeFile?: (path: string, text: string) => void;
}

export const CASE_USAGE = `  levelfit export --case [--framework ID|FILE] [--base-uri URI] [--out FILE]
                                                  a framework as a CASE 1.1 CFPackage (JSON)
  levelfit import --case PACKAGE.json [--levels ID,ID…] [--out FILE]
                                                  a CASE 1.1 CFPackage as a levelfit framework (JSON)`;

const usage = (io: CaseCliIo, message: string): number => {
  io.err(`levelfit: ${message}`);
  io.err('Run "levelfit --help" for usage.');
  return 2;
};

/** Runs `export` or `import` (argv starts with the command); returns the exit code. */
export async function caseCommand(argv: string[], io: CaseCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        case: { type: 'boolean', default: false },
        framework: { type: 'string' },
        'base-uri': { type: 'string' },
        levels: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (!values.case) return usage(io, `${command} needs a format: --case (CASE 1.1)`);

  const readText = (path: string): string | null => {
    try {
      return io.readFile(path);
    } catch (err) {
      usage(io, `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return null;
    }
  };
  const write = (text: string): number => {
    if (!values.out) {
      io.out(text);
      return 0;
    }
    try {
      (io.writeFile ?? ((p, t) => writeFileSync(p, t)))(values.out, `${text}\n`);
    } catch (err) {
      return usage(io, `cannot write ${values.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return 0;
  };

  if (command === 'export') {
    if (files.length) return usage(io, 'export takes no FILE: give the framework with --framework ID|FILE');
    const spec = values.framework ?? 'clinical-homecare';
    let input: unknown;
    if (isBuiltinFrameworkId(spec)) input = frameworks[spec];
    else if (!/[\\/.]/.test(spec)) return usage(io, `"${spec}" is neither a built-in framework (${BUILTIN_IDS.join(', ')}) nor a file`);
    else {
      const text = readText(spec);
      if (text === null) return 2;
      const fw = safeParseFramework(text);
      if (!fw.success) {
        for (const i of fw.issues) io.err(`${spec}: ${formatPath(i.path)}: ${i.message} [${i.code}]`);
        return 1;
      }
      input = fw.data;
    }
    const options = values['base-uri'] !== undefined ? { baseUri: values['base-uri'] } : {};
    const pkg = safeToCase(input, options);
    if (!pkg.success) {
      for (const i of pkg.issues) io.err(`${spec}: ${formatPath(i.path)}: ${i.message} [${i.code}]`);
      return 1;
    }
    return write(JSON.stringify(pkg.data, null, 2));
  }

  if (command === 'import') {
    if (files.length !== 1) return usage(io, 'import needs exactly one PACKAGE.json');
    const file = files[0]!;
    const text = readText(file);
    if (text === null) return 2;
    const levels = values.levels?.split(',').map((s) => s.trim()).filter(Boolean);
    const res = fromCase(text, levels ? { levels } : {});
    for (const i of res.issues) io.err(`${file}: ${formatPath(i.path)}: ${i.message} [${i.code}]`);
    if (!res.success) return 1;
    if (res.crosswalks.length)
      io.err(`${file}: ${res.crosswalks.length} crosswalk link${res.crosswalks.length === 1 ? '' : 's'} to other frameworks (exactMatchOf / isRelatedTo) are not part of a levelfit framework and are left out of the output.`);
    return write(JSON.stringify(res.data, null, 2));
  }
  return usage(io, `unknown command "${command}"`);
}
