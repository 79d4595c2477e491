/**
 * `cmi5.xml`: the cmi5 course structure (namespace `https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd`)
 * of a one-AU course. The AU's `url` is relative (the page is inside the zip); `moveOn` is
 * `CompletedAndPassed` (the quiz sends completed and then passed or failed) and `masteryScore` the bank's pass
 * mark, which the LMS passes back in `LMS.LaunchData` (it may set its own). `launchMethod` is `AnyWindow`: the
 * page runs in a frame or its own window alike. Element order follows the XSD: title, description, url.
 */
import type { CourseInfo } from './course.js';
import { formatReal } from '../interaction.js';
import { xmlAttr, xmlText } from './xml.js';

export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

export function cmi5CourseStructure(course: CourseInfo): string {
  const text = (value: string) => `<langstring lang="${xmlAttr(course.language)}">${xmlText(value)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NAMESPACE}">
  <course id="${xmlAttr(course.courseIri)}">
    <title>${text(course.title)}</title>
    <description>${text(course.description)}</description>
  </course>
  <au id="${xmlAttr(course.auIri)}" moveOn="CompletedAndPassed" masteryScore="${formatReal(course.passMark)}" launchMethod="AnyWindow">
    <title>${text(course.title)}</title>
    <description>${text(course.description)}</description>
    <url>${xmlText(course.launch)}</url>
  </au>
</courseStructure>
`;
}
