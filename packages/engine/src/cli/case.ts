/**
 * `levelfit export --case` and `levelfit import --case`: a framework to a CASE 1.1 CFPackage and back.
 *
 * Output goes to --out or standard output. An import prints what it could not map to standard error, one line
 * each (`FILE: path: message [code]`), and still writes the framework; it fails (exit 1) only when no valid
 * framework can be made.
 */
import { writeFileSync } from 'node:fs';
import { fromCase } from '../case/import.js';
import { safeToCase } from '../case/export.js';
import type { Command, OptionValues } from './command.js';
import { loadFramework } from './framework-option.js';
import { printIssues, read, UsageError, type CliIo } from './io.js';

/** The CLI's io, plus writing a file (tests give an in-memory one; by default the file is written on disk). */
type WritingIo = CliIo & { writeFile?: (path: string, text: string) => void };

const OPTIONS = {
  case: { type: 'boolean', default: false },
  'base-uri': { type: 'string' },
  levels: { type: 'string' },
  out: { type: 'string' },
} as const;

function needCase(name: string, values: OptionValues): void {
  if (!values['case']) throw new UsageError(`${name} needs a format: --case (CASE 1.1)`);
}

function write(io: WritingIo, values: OptionValues, text: string): number {
  const out = values['out'];
  if (typeof out !== 'string') {
    io.out(text);
    return 0;
  }
  try {
    (io.writeFile ?? ((p, t) => writeFileSync(p, t)))(out, `${text}\n`);
  } catch (err) {
    throw new UsageError(`cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return 0;
}

export const exportCommand: Command = {
  usage: ['export --case [--framework ID|FILE]', 'the framework as a CASE 1.1 CFPackage (JSON)'],
  options: OPTIONS,
  optionHelp: [
    '--case                CASE 1.1 (1EdTech), for export and import',
    '--base-uri URI        export: base of the CASE records\' URIs (default urn:uuid:…)',
    '--out FILE            export, import: write to FILE instead of standard output',
  ],
  run({ files, values }, io) {
    needCase('export', values);
    if (files.length) throw new UsageError('export takes no FILE: give the framework with --framework ID|FILE');
    const fw = loadFramework(io, values.framework);
    if (!fw.success) {
      printIssues(io, values.framework ?? 'framework', fw.issues);
      return 1;
    }
    const baseUri = values['base-uri'];
    const pkg = safeToCase(fw.data, typeof baseUri === 'string' ? { baseUri } : {});
    if (!pkg.success) {
      printIssues(io, values.framework ?? 'framework', pkg.issues as never);
      return 1;
    }
    return write(io, values, JSON.stringify(pkg.data, null, 2));
  },
};

export const importCommand: Command = {
  usage: ['import --case PACKAGE.json', 'a CASE 1.1 CFPackage as a levelfit framework (JSON)'],
  options: OPTIONS,
  optionHelp: ['--levels ID,ID…       import: the level CFItems, lowest first, when the package has no precedes chain'],
  run({ files, values }, io) {
    needCase('import', values);
    if (files.length !== 1) throw new UsageError('import needs exactly one PACKAGE.json');
    const file = files[0]!;
    const text = read(io, file);
    const levels = typeof values['levels'] === 'string' ? values['levels'].split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    const res = fromCase(text, levels ? { levels } : {});
    printIssues(io, file, res.issues as never);
    if (!res.success) return 1;
    const n = res.crosswalks.length;
    if (n) io.err(`${file}: ${n} crosswalk link${n === 1 ? '' : 's'} to other frameworks (exactMatchOf / isRelatedTo) ${n === 1 ? 'is' : 'are'} not part of a levelfit framework and left out of the output.`);
    return write(io, values, JSON.stringify(res.data, null, 2));
  },
};
