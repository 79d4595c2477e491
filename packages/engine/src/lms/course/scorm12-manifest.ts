/**
 * `imsmanifest.xml` for SCORM 1.2: the IMS Content Packaging 1.1.2 binding with ADL's `adlcp` extensions
 * (namespaces `http://www.imsproject.org/xsd/imscp_rootv1p1p2` and `http://www.adlnet.org/xsd/adlcp_rootv1p2`),
 * `schema` "ADL SCORM", `schemaversion` "1.2", one organization with one item that launches the SCO resource.
 * Lengths follow the 1.2 XSDs: titles at most 200 characters, `version` at most 20.
 */
import type { CourseInfo } from './course.js';
import { shorten, xmlAttr, xmlText } from './xml.js';

/** The SCORM 1.2 manifest of a one-SCO course. */
export function scorm12Manifest(course: CourseInfo): string {
  const title = xmlText(shorten(course.title, 200));
  // The LMS compares cmi.core.score.raw (a percentage, as the reporter writes it) with this.
  const mastery = Math.round(course.passMark * 10000) / 100;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlAttr(course.identifier)}" version="${xmlAttr([...course.version].slice(0, 20).join(''))}"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${xmlAttr(course.identifier)}-org">
    <organization identifier="${xmlAttr(course.identifier)}-org">
      <title>${title}</title>
      <item identifier="${xmlAttr(course.identifier)}-item" identifierref="${xmlAttr(course.identifier)}-sco" isvisible="true">
        <title>${title}</title>
        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${xmlAttr(course.identifier)}-sco" type="webcontent" adlcp:scormtype="sco" href="${xmlAttr(course.launch)}">
${course.files.map((f) => `      <file href="${xmlAttr(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}
