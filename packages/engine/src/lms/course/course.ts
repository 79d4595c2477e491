/**
 * A course package an LMS imports: one assignable unit (a SCORM SCO, or a cmi5 AU) that delivers one question
 * bank with `<lf-quiz>` and reports the result to the LMS. This builds the package's files (pure: the caller
 * reads the bundles and writes the zip); `levelfit package` is the command around it.
 *
 * The files, all at the package root: the manifest (`imsmanifest.xml`, or `cmi5.xml`), `index.html` (the launch
 * page, under a strict Content-Security-Policy), `launch.js` (finds the LMS and wires the quiz to it),
 * `course.css`, the element and LMS bundles, and the framework and bank as JSON.
 */
import type { Issue, SafeResult } from '../../errors.js';
import type { Framework } from '../../framework/schema.js';
import { checkBankAgainst } from '../../quiz/parse.js';
import type { QuestionBank } from '../../quiz/schema.js';
import { uuidV5 } from '../uuid.js';
import { cmi5CourseStructure } from './cmi5-course-structure.js';
import { COURSE_FILES } from './files.js';
import { coursePage } from './page.js';
import { scorm12Manifest } from './scorm12-manifest.js';
import { scorm2004Manifest } from './scorm2004-manifest.js';
import { xmlId } from './xml.js';

export const COURSE_STANDARDS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type CourseStandard = (typeof COURSE_STANDARDS)[number];

export { COURSE_FILES };

/** What the package is made from besides the framework and bank: the browser code and the page's styles. */
export interface CourseAssets {
  /** `dist/levelfit.all.min.js`: every element, `<lf-quiz>` among them. */
  elements: string | Uint8Array;
  /** `dist/levelfit.lms.min.js`: the SCORM reporters and the xAPI / cmi5 code. */
  lms: string | Uint8Array;
  /** The launch script (`packages/engine/course/launch.js`). */
  launch: string | Uint8Array;
  /** The page's styles (`packages/engine/course/course.css`). */
  styles: string | Uint8Array;
  /**
   * More files for the package root, by name: the ADL and IMS control documents (XSD, DTD) that SCORM
   * conformance test suites expect beside the manifest. levelfit does not ship them.
   */
  extra?: Readonly<Record<string, string | Uint8Array>>;
}

export interface CourseOptions {
  standard: CourseStandard;
  framework: Framework;
  bank: QuestionBank;
  assets: CourseAssets;
  /**
   * cmi5: the course's IRI (`course/@id`; the AU's id is made from it). Default: a name-based UUID URN of the
   * framework and bank ids and versions, so the same framework and bank always give the same id and an LMS
   * recognises a rebuilt package as the same course. SCORM manifests use an XML ID made from the two ids.
   */
  courseId?: string;
  /**
   * cmi5: the LRS origins the page may send statements to (`https://lrs.example.org`). Default: any https
   * origin, since the LMS names its LRS only in the launch URL.
   */
  lrsOrigins?: readonly string[];
}

/** What the manifests are written from. */
export interface CourseInfo {
  /** An XML ID for the manifest (SCORM). */
  identifier: string;
  /** The course IRI (cmi5 `course/@id`), and the AU's. */
  courseIri: string;
  auIri: string;
  title: string;
  description: string;
  /** The bank's pass mark, 0..1. */
  passMark: number;
  /** The page the LMS launches. */
  launch: string;
  /** Every file of the package except the manifest, sorted. */
  files: string[];
  /** The version string for `manifest/@version`. */
  version: string;
  language: string;
}

export interface CourseFile {
  path: string;
  data: string | Uint8Array;
}

export interface Course {
  standard: CourseStandard;
  /** The manifest's file name: `imsmanifest.xml` or `cmi5.xml`. */
  manifest: string;
  /** Every file, the manifest first. */
  files: CourseFile[];
}

const MANIFEST: Record<CourseStandard, string> = { scorm12: 'imsmanifest.xml', scorm2004: 'imsmanifest.xml', cmi5: 'cmi5.xml' };

// An IRI with a scheme (`https:`, `urn:`, `tag:`…), no spaces or markup: cmi5 ids must be absolute IRIs.
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
// A plain file name for the package root.
const ROOT_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export function isCourseStandard(value: unknown): value is CourseStandard {
  return typeof value === 'string' && (COURSE_STANDARDS as readonly string[]).includes(value);
}

/** The default course id: the same framework and bank (ids and versions) always give the same URN. */
export function defaultCourseId(framework: Framework, bank: QuestionBank): string {
  return `urn:uuid:${uuidV5(`levelfit:course:${framework.id}@${framework.version}:${bank.id}@${bank.version}`)}`;
}

/** The AU's IRI: `<course>/au` for an http(s) course IRI, else a name-based UUID URN of the course IRI. */
function auIri(courseIri: string): string {
  return /^https?:/i.test(courseIri) ? `${courseIri.replace(/\/+$/, '')}/au` : `urn:uuid:${uuidV5(`${courseIri}#au`)}`;
}

/** Builds the package's files. Errors as data: a bank that does not fit the framework, a bad id or file name. */
export function buildCourse(options: CourseOptions): SafeResult<Course> {
  const { standard, framework, bank, assets } = options;
  const issues: Issue[] = [];
  if (!isCourseStandard(standard)) issues.push({ code: 'invalid_value', path: ['standard'], message: `the standard must be one of ${COURSE_STANDARDS.join(', ')}` });
  issues.push(...checkBankAgainst(bank, framework).map((i) => ({ ...i, path: ['bank', ...i.path] })));
  const courseId = options.courseId ?? defaultCourseId(framework, bank);
  if (!ABSOLUTE_IRI.test(courseId)) issues.push({ code: 'invalid_format', path: ['courseId'], message: `the course id must be an absolute IRI such as https://example.org/courses/care or urn:uuid:…, not "${courseId}"` });
  const lrsOrigins = options.lrsOrigins ?? [];
  lrsOrigins.forEach((origin, k) => {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, ''))
      issues.push({ code: 'invalid_format', path: ['lrsOrigins', k], message: `"${origin}" is not an origin such as https://lrs.example.org (scheme, host and port only)` });
  });
  if (options.courseId !== undefined && standard !== 'cmi5') issues.push({ code: 'invalid_value', path: ['courseId'], message: 'a course id is for cmi5 packages: a SCORM manifest takes its identifier from the framework and bank ids' });
  if (lrsOrigins.length && standard !== 'cmi5') issues.push({ code: 'invalid_value', path: ['lrsOrigins'], message: 'LRS origins are for cmi5 packages: a SCORM package talks to the LMS through its API only' });
  const own = new Set<string>([...Object.values(COURSE_FILES), 'imsmanifest.xml', 'cmi5.xml']);
  for (const name of Object.keys(assets.extra ?? {})) {
    if (!ROOT_NAME.test(name)) issues.push({ code: 'invalid_value', path: ['assets', 'extra', name], message: `"${name}" is not a plain file name for the package root` });
    else if (own.has(name)) issues.push({ code: 'duplicate_id', path: ['assets', 'extra', name], message: `"${name}" is one of the package's own files` });
  }
  if (issues.length) return { success: false, issues };

  const files: CourseFile[] = [
    { path: COURSE_FILES.page, data: coursePage(standard, bank, lrsOrigins.map((o) => o.replace(/\/$/, ''))) },
    { path: COURSE_FILES.launch, data: assets.launch },
    { path: COURSE_FILES.styles, data: assets.styles },
    { path: COURSE_FILES.elements, data: assets.elements },
    { path: COURSE_FILES.lms, data: assets.lms },
    { path: COURSE_FILES.framework, data: `${JSON.stringify(framework, null, 2)}\n` },
    { path: COURSE_FILES.bank, data: `${JSON.stringify(bank, null, 2)}\n` },
    ...Object.entries(assets.extra ?? {}).map(([path, data]) => ({ path, data })),
  ];
  const info: CourseInfo = {
    identifier: xmlId('levelfit', framework.id, bank.id),
    courseIri: courseId,
    auIri: auIri(courseId),
    title: bank.title,
    description: bank.description ?? `${bank.title}: a levelfit quiz for ${framework.title}.`,
    passMark: bank.passMark,
    launch: COURSE_FILES.page,
    files: files.map((f) => f.path).sort(),
    version: bank.version,
    language: 'en-GB',
  };
  const manifest = standard === 'scorm12' ? scorm12Manifest(info) : standard === 'scorm2004' ? scorm2004Manifest(info) : cmi5CourseStructure(info);
  return { success: true, data: { standard, manifest: MANIFEST[standard], files: [{ path: MANIFEST[standard], data: manifest }, ...files] } };
}
