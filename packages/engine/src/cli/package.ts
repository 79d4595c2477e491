/**
 * `levelfit package --scorm12 | --scorm2004 | --cmi5 --bank ID|FILE [--framework ID|FILE] [--out course.zip]`:
 * a course package (zip) an LMS imports, with the manifest of the chosen standard, the launch page, the browser
 * bundles, and the framework and bank (see lms/course/course.ts for what is inside).
 *
 * The bundles come from the repository's `dist/` (`npm run build`) or `--bundles DIR`. The zip is reproducible:
 * the same inputs give the same bytes (fixed file times), so a rebuilt package can be compared with the last.
 * Exit codes: 1 for input that cannot make a package (an unknown framework or bank, a bank that does not fit
 * the framework, missing bundles), 2 for a usage mistake.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import type { Framework } from '../framework/schema.js';
import { buildCourse, COURSE_FILES, type CourseAssets, type CourseStandard } from '../lms/course/course.js';
import { isBuiltinQuizId, quizzes, QUIZ_IDS } from '../quiz/banks.js';
import { isBuiltinFrameworkId, frameworks } from '../framework/builtin.js';
import { safeParseQuestionBank } from '../quiz/parse.js';
import type { QuestionBank } from '../quiz/schema.js';
import type { Command, OptionValues } from './command.js';
import { loadFramework } from './framework-option.js';
import { printIssues, read, say, UsageError, warn, type CliIo } from './io.js';
import { didYouMean } from './suggest.js';

const STANDARD_NAMES: Record<CourseStandard, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004 4th Edition', cmi5: 'cmi5' };

/** Where the browser bundles are by default: the repository's dist/ (this file is packages/engine/{lib,src}/cli/). */
const DEFAULT_BUNDLES = fileURLToPath(new URL('../../../../dist/', import.meta.url));
/** The launch script and styles, shipped with the engine. */
const COURSE_ASSETS = fileURLToPath(new URL('../../course/', import.meta.url));

// Fixed times (the zip format's local time; 2000-01-01) so the same inputs always give the same zip.
const MTIME = new Date(2000, 0, 1);

const OPTIONS = {
  scorm12: { type: 'boolean', default: false },
  scorm2004: { type: 'boolean', default: false },
  cmi5: { type: 'boolean', default: false },
  bank: { type: 'string' },
  out: { type: 'string' },
  'course-id': { type: 'string' },
  'lrs-origin': { type: 'string', multiple: true },
  schemas: { type: 'string' },
  bundles: { type: 'string' },
} as const;

/** Input that cannot make a package: reported, exit 1. */
class InputError extends Error {}

function standardOf(values: OptionValues): CourseStandard {
  const chosen = (['scorm12', 'scorm2004', 'cmi5'] as const).filter((s) => values[s] === true);
  if (chosen.length !== 1) throw new UsageError(`package needs exactly one standard: --scorm12, --scorm2004 or --cmi5${chosen.length ? ` (not ${chosen.map((s) => `--${s}`).join(' and ')})` : ''}`);
  return chosen[0]!;
}

function loadBank(io: CliIo, spec: string): QuestionBank | null {
  if (isBuiltinQuizId(spec)) return quizzes[spec];
  if (!/[\\/.]/.test(spec)) throw new InputError(`"${spec}" is neither a built-in question bank (${QUIZ_IDS.join(', ')}) nor a file${didYouMean(spec, QUIZ_IDS)}`);
  const text = readInput(io, spec);
  const parsed = safeParseQuestionBank(text);
  if (!parsed.success) {
    printIssues(io, spec, parsed.issues);
    return null;
  }
  return parsed.data;
}

function readInput(io: CliIo, file: string): string {
  try {
    return read(io, file);
  } catch (err) {
    throw new InputError((err as Error).message);
  }
}

/** The framework: --framework, or else the built-in framework the bank names. */
function frameworkFor(io: CliIo, spec: string | undefined, bank: QuestionBank): Framework | null {
  if (spec === undefined) {
    if (isBuiltinFrameworkId(bank.framework)) return frameworks[bank.framework];
    throw new InputError(`the bank "${bank.id}" evidences the framework "${bank.framework}", which is not built in: give it with --framework FILE`);
  }
  let fw;
  try {
    fw = loadFramework(io, spec);
  } catch (err) {
    // an unknown id or an unreadable file: for this command both mean there is nothing to package
    throw new InputError((err as Error).message);
  }
  if (!fw.success) {
    printIssues(io, spec, fw.issues);
    return null;
  }
  return fw.data;
}

function readAsset(dir: string, name: string, hint: string): Uint8Array {
  const file = join(dir, name);
  if (!existsSync(file)) throw new InputError(`${file} is missing: ${hint}`);
  return readFileSync(file);
}

/** The control documents (XSD, DTD) in --schemas DIR, to go beside the manifest. */
function schemaFiles(dir: string): Record<string, Uint8Array> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new InputError(`cannot read the folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const files: Record<string, Uint8Array> = {};
  for (const name of names.filter((n) => /\.(xsd|dtd)$/i.test(n)).sort()) {
    const file = join(dir, name);
    if (statSync(file).isFile()) files[name] = readFileSync(file);
  }
  if (!Object.keys(files).length) throw new InputError(`${dir} holds no .xsd or .dtd files`);
  return files;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export const packageCommand: Command = {
  usage: ['package --scorm12|--scorm2004|--cmi5', 'a course zip for an LMS from --bank ID|FILE: the quiz, its framework, a launch page'],
  options: OPTIONS,
  optionHelp: [
    '--scorm12 | --scorm2004 | --cmi5   package: the standard (imsmanifest.xml for SCORM, cmi5.xml for cmi5)',
    '--bank ID|FILE        package: built-in question bank id or a bank JSON file',
    '--out FILE            package: the zip to write (default BANK-STANDARD.zip)',
    '--course-id IRI       package --cmi5: the course IRI (default a UUID URN from the framework and bank)',
    '--lrs-origin ORIGIN   package --cmi5: an LRS origin the page may send to (repeatable; default any https origin)',
    '--schemas DIR         package: add the ADL / IMS .xsd and .dtd files in DIR beside the manifest',
    '--bundles DIR         package: where levelfit.all.min.js and levelfit.lms.min.js are (default: dist/)',
  ],
  run({ files, values }, io) {
    const standard = standardOf(values);
    if (files.length) throw new UsageError('package takes no FILE: give the bank with --bank ID|FILE');
    const bankSpec = values['bank'];
    if (typeof bankSpec !== 'string' || !bankSpec.trim()) throw new UsageError(`package needs a question bank: --bank ID|FILE (built-in: ${QUIZ_IDS.join(', ')})`);
    try {
      const bank = loadBank(io, bankSpec.trim());
      if (!bank) return 1;
      const framework = frameworkFor(io, values.framework, bank);
      if (!framework) return 1;

      const bundles = typeof values['bundles'] === 'string' ? values['bundles'] : DEFAULT_BUNDLES;
      const hint = typeof values['bundles'] === 'string' ? 'give the folder that holds the built bundles' : 'build the bundles first with "npm run build" (or give --bundles DIR)';
      const assets: CourseAssets = {
        elements: readAsset(bundles, COURSE_FILES.elements, hint),
        lms: readAsset(bundles, COURSE_FILES.lms, hint),
        launch: readAsset(COURSE_ASSETS, COURSE_FILES.launch, 'the engine package is incomplete'),
        styles: readAsset(COURSE_ASSETS, COURSE_FILES.styles, 'the engine package is incomplete'),
      };
      if (typeof values['schemas'] === 'string') assets.extra = schemaFiles(values['schemas']);
      const courseId = values['course-id'];
      const lrs = values['lrs-origin'];
      const lrsOrigins = Array.isArray(lrs) ? lrs.filter((o): o is string => typeof o === 'string') : [];
      const course = buildCourse({ standard, framework, bank, assets, lrsOrigins, ...(typeof courseId === 'string' ? { courseId } : {}) });
      if (!course.success) {
        printIssues(io, bankSpec, course.issues);
        return 1;
      }
      const zippable: Zippable = {};
      for (const f of course.data.files) zippable[f.path] = [typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data, { level: 9, mtime: MTIME }];
      const zip = zipSync(zippable);
      const out = typeof values['out'] === 'string' ? values['out'] : `${bank.id}-${standard}.zip`;
      try {
        writeFileSync(out, zip);
      } catch (err) {
        throw new UsageError(`cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      say(io, `${basename(out)}: ${STANDARD_NAMES[standard]} package of "${bank.title}" (${bank.id} ${bank.version}, ${bank.questions.length} questions; framework ${framework.id} ${framework.version}): ${course.data.files.length} files, ${kb(zip.length)}`);
      return 0;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      warn(io, `levelfit: ${err.message}`);
      return 1;
    }
  },
};
