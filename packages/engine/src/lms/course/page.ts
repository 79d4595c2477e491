/**
 * The course's launch page. Its Content-Security-Policy (a meta element, as an LMS serves the files with its
 * own headers) allows scripts, styles and fetches from the package's own origin only, with Trusted Types
 * required: no inline script or style, no eval, nothing from elsewhere. The page holds no script of its own;
 * launch.js finds the LMS and connects the quiz. The bank's title is text (escaped), never markup.
 */
import type { QuestionBank } from '../../quiz/schema.js';
import type { CourseStandard } from './course.js';
import { COURSE_FILES } from './files.js';
import { xmlAttr, xmlText } from './xml.js';

export const COURSE_CSP = "default-src 'self'; base-uri 'self'; form-action 'self'; require-trusted-types-for 'script'";

export function coursePage(standard: CourseStandard, bank: QuestionBank): string {
  return `<!doctype html>
<html lang="en-GB" data-standard="${xmlAttr(standard)}">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${xmlAttr(COURSE_CSP)}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${xmlText(bank.title)}</title>
    <link rel="stylesheet" href="${COURSE_FILES.styles}">
    <script type="module" src="${COURSE_FILES.launch}"></script>
  </head>
  <body>
    <main>
      <h1>${xmlText(bank.title)}</h1>
      <div id="lms-status" class="lms-status" role="status" aria-live="polite"></div>
      <lf-quiz bank="./${COURSE_FILES.bank}" framework="./${COURSE_FILES.framework}" storage="none"></lf-quiz>
    </main>
  </body>
</html>
`;
}
