/**
 * The course's launch page. Its Content-Security-Policy (a meta element, as an LMS serves the files with its
 * own headers) allows scripts, styles and fetches from the package's own origin only, with Trusted Types
 * required: no inline script or style, no eval, nothing from elsewhere. A cmi5 AU also talks to the LMS's LRS,
 * whose endpoint arrives in the launch URL: fetches may go to the origins given (`--lrs-origin`), or to any
 * https origin when none is given; scripts and styles still come only from the package. The page holds no
 * script of its own; launch.js finds the LMS and connects the quiz. The bank's title is text, never markup.
 */
import type { QuestionBank } from '../../quiz/schema.js';
import type { CourseStandard } from './course.js';
import { COURSE_FILES } from './files.js';
import { xmlAttr, xmlText } from './xml.js';

export const COURSE_CSP = "default-src 'self'; base-uri 'self'; form-action 'self'; require-trusted-types-for 'script'";

/** The page's policy: `COURSE_CSP`, with the LRS origins fetches may go to for cmi5. */
export function coursePolicy(standard: CourseStandard, lrsOrigins: readonly string[] = []): string {
  if (standard !== 'cmi5') return COURSE_CSP;
  return COURSE_CSP.replace("default-src 'self';", `default-src 'self'; connect-src 'self' ${lrsOrigins.length ? lrsOrigins.join(' ') : 'https:'};`);
}

export function coursePage(standard: CourseStandard, bank: QuestionBank, lrsOrigins: readonly string[] = []): string {
  // cmi5: the way back to the LMS (its returnURL), shown once the session has one.
  const exit = standard === 'cmi5' ? `\n      <p><button type="button" id="lms-exit" class="lms-exit" hidden>Return to your learning system</button></p>` : '';
  return `<!doctype html>
<html lang="en-GB" data-standard="${xmlAttr(standard)}">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${xmlAttr(coursePolicy(standard, lrsOrigins))}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${xmlText(bank.title)}</title>
    <link rel="stylesheet" href="${COURSE_FILES.styles}">
    <script type="module" src="${COURSE_FILES.launch}"></script>
  </head>
  <body>
    <main>
      <h1>${xmlText(bank.title)}</h1>
      <div id="lms-status" class="lms-status" role="status" aria-live="polite"></div>
      <lf-quiz bank="./${COURSE_FILES.bank}" framework="./${COURSE_FILES.framework}" storage="none"></lf-quiz>${exit}
    </main>
  </body>
</html>
`;
}
